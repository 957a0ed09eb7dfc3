// The risk event's machine: an open event is under control and counts towards the enterprise's colour; a closed one
// was eliminated (the activity stopped, the equipment removed) and no longer does. `writeRiskEvent` is the only
// writer of risk_events.status: it asks the machine, writes the row and appends the state_transitions row.
import { eq } from 'drizzle-orm';
import { riskEventStatuses, type RiskEventStatus } from '@anjian/contracts';
import { riskEvents } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';

export type RiskEventAction = 'close' | 'reopen';
type RiskEventFacts = { status: string };
type RiskEventRecord = typeof riskEvents.$inferSelect;

const alreadyThere = {
  close: { zh: '该风险事件已消除', en: 'This risk event is already closed' },
  reopen: { zh: '该风险事件未消除，无需恢复', en: 'This risk event is open: nothing to reopen' },
};

export const riskEventMachine: StateMachine<RiskEventStatus, 'create' | RiskEventAction, RiskEventFacts> = {
  record: 'risk_event',
  table: 'risk_events',
  column: 'status',
  states: riskEventStatuses,
  actions: {
    create: { label: { zh: '登记风险事件', en: 'Record' }, from: [null], to: 'open', permission: 'risk.manage' },
    close: { label: { zh: '消除', en: 'Close' }, from: ['open'], to: 'closed', permission: 'risk.manage' },
    reopen: { label: { zh: '恢复', en: 'Reopen' }, from: ['closed'], to: 'open', permission: 'risk.manage' },
  },
  stateOf: (e) => (e ? (e.status as RiskEventStatus) : null),
  refuseState: (_s, action) => ({
    reason: 'invalid_transition',
    code: 'VALIDATION',
    details: action === 'create' ? [] : [{ field: 'status', ...alreadyThere[action] }],
  }),
};

export function availableEventActions(actor: MachineActor, row: RiskEventFacts): RiskEventAction[] {
  return abilities(riskEventMachine, row, actor).filter((a): a is RiskEventAction => a !== 'create');
}

export interface RiskEventChange {
  create?: Omit<typeof riskEvents.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof riskEvents.$inferInsert>;
  evidence?: Record<string, unknown>;
}

/** The only writer of risk_events.status, in the caller's transaction. */
export async function writeRiskEvent(
  tx: DbOrTx,
  actor: Actor,
  before: RiskEventRecord | null,
  action: 'create' | RiskEventAction,
  change: RiskEventChange,
): Promise<RiskEventRecord> {
  const { from, to } = decide(riskEventMachine, before, actor, action);
  const [row] = before
    ? await tx
        .update(riskEvents)
        .set({ ...change.patch, status: to, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(riskEvents.id, before.id))
        .returning()
    : await tx
        .insert(riskEvents)
        .values({ ...change.create!, status: to })
        .returning();
  await appendTransition(tx, riskEventMachine, actor, { recordId: row!.id, action, from, to, evidence: change.evidence });
  await appendEvent(tx, `risk_event.${action}`, 'risk_event', row!, actor, { from, to, ...change.evidence });
  return row!;
}
