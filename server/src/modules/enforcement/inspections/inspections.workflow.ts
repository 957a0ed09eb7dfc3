// The inspection's machine: planned → done (recorded on site), then, while a rectification order awaits it, the
// re-inspection (复查), which keeps the state. `writeInspection` is the only writer of inspections.state: it asks the
// machine, writes the row and appends the state_transitions row in the caller's transaction. (A draw inserts its
// selected inspections in bulk in `bulkInitial`; their history starts when they are recorded.)
import { eq } from 'drizzle-orm';
import { inspectionStates, type InspectionState } from '@anjian/contracts';
import { inspections } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { appendEvent } from '../../../platform/outbox';
import { appendTransition } from '../../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../../platform/state-machine';

type InspectionRecord = typeof inspections.$inferSelect;
type InspectionFacts = Pick<InspectionRecord, 'state' | 'reinspectionDue' | 'reinspectedOn'>;
export type InspectionAction = 'plan' | 'record' | 'reinspect';

const refusals = {
  plan: { field: 'state', zh: '检查已存在', en: 'The inspection exists' },
  record: { field: 'state', zh: '该检查已记录', en: 'This inspection has already been recorded' },
  reinspect: {
    field: 'state',
    zh: '该检查没有待复查的整改指令',
    en: 'This inspection has no rectification order awaiting re-inspection',
  },
};

export const inspectionMachine: StateMachine<InspectionState, InspectionAction, InspectionFacts> = {
  record: 'inspection',
  table: 'inspections',
  column: 'state',
  states: inspectionStates,
  // A 双随机 draw creates its inspections in one INSERT, in the column's default state.
  bulkInitial: 'planned',
  actions: {
    plan: { label: { zh: '计划检查', en: 'Plan' }, from: [null], to: 'planned', permission: 'inspection.do' },
    record: { label: { zh: '记录检查', en: 'Record' }, from: ['planned'], to: 'done', permission: 'inspection.do' },
    reinspect: { label: { zh: '复查', en: 'Re-inspect' }, from: ['done'], to: null, permission: 'inspection.do' },
  },
  stateOf: (i) => (i ? (i.state as InspectionState) : null),
  refuseState: (_s, action) => ({ reason: 'invalid_transition', code: 'VALIDATION', details: [refusals[action]] }),
  // 复查 only while a rectification order awaits it.
  guard: (i, _actor, action) =>
    action === 'reinspect' && (!i!.reinspectionDue || i!.reinspectedOn)
      ? { reason: 'invalid_transition', code: 'VALIDATION', details: [refusals.reinspect] }
      : null,
};

/** The machine's part of an inspection's abilities (record, reinspect). */
export function inspectionMachineAbilities(actor: MachineActor, row: InspectionFacts): InspectionAction[] {
  return abilities(inspectionMachine, row, actor);
}

export interface InspectionChange {
  create?: Omit<typeof inspections.$inferInsert, 'state' | 'id' | 'version'>;
  patch?: Partial<typeof inspections.$inferInsert>;
  evidence?: Record<string, unknown>;
}

/** The only writer of inspections.state, in the caller's transaction. */
export async function writeInspection(
  tx: DbOrTx,
  actor: Actor,
  before: InspectionRecord | null,
  action: InspectionAction,
  change: InspectionChange,
): Promise<InspectionRecord> {
  const { from, to } = decide(inspectionMachine, before, actor, action);
  const [row] = before
    ? await tx
        .update(inspections)
        .set({ ...change.patch, state: to, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(inspections.id, before.id))
        .returning()
    : await tx
        .insert(inspections)
        .values({ ...change.create!, state: to })
        .returning();
  await appendTransition(tx, inspectionMachine, actor, { recordId: row!.id, action, from, to, evidence: change.evidence });
  await appendEvent(tx, `inspection.${action}`, 'inspection', row!, actor, {
    from,
    to,
    plannedOn: row!.plannedOn,
    inspectorIds: row!.inspectorIds,
    ...change.evidence,
  });
  return row!;
}
