// The machine of a 八个一次 record: the enterprise records a duty for a period (submitted); the street accepts it
// (the duty counts as kept for that period) or returns it with a note (returned), after which the enterprise corrects
// and resubmits it. `writeDutyRecord` is the one writer: it asks the machine, writes the row (insert for `record`,
// update with version + 1 otherwise), keeps the compliance aggregates, appends the transition and the domain event
// duty_record.<action>, all in the caller's transaction.
import { eq } from 'drizzle-orm';
import { dutyRecordStatuses, type DutyKind, type DutyRecordStatus } from '@anjian/contracts';
import { dutyRecords } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';
import { bumpDutyAggregates } from './duties.aggregates';

export type DutyAction = 'record' | 'resubmit' | 'accept' | 'return';
type DutyFacts = { status: string };

export const dutyRecordMachine: StateMachine<DutyRecordStatus, DutyAction, DutyFacts> = {
  record: 'duty_record',
  table: 'duty_records',
  column: 'status',
  states: dutyRecordStatuses,
  actions: {
    record: { label: { zh: '登记', en: 'Record' }, from: [null], to: 'submitted', permission: 'duty.record' },
    resubmit: { label: { zh: '修改后重新提交', en: 'Resubmit' }, from: ['returned'], to: 'submitted', permission: 'duty.record' },
    accept: { label: { zh: '核查通过', en: 'Accept' }, from: ['submitted'], to: 'accepted', permission: 'duty.check' },
    return: {
      label: { zh: '退回', en: 'Return' },
      from: ['submitted'],
      to: 'returned',
      permission: 'duty.check',
      requires: ['note'],
    },
  },
  fieldLabels: { note: { zh: '退回理由', en: 'reason for returning' } },
  stateOf: (r) => (r ? (r.status as DutyRecordStatus) : null),
  refuseState: (state) => ({
    reason: 'invalid_transition',
    code: 'VALIDATION',
    details: [
      state === null
        ? { field: 'status', zh: '记录不存在', en: 'No such record' }
        : { field: 'status', zh: '该记录当前状态不允许此操作', en: 'The record’s status does not allow this' },
    ],
  }),
};

export const dutyRecordAbilities = (actor: MachineActor, r: DutyFacts) => abilities(dutyRecordMachine, r, actor);

type DutyRow = typeof dutyRecords.$inferSelect;
type NewDutyRow = typeof dutyRecords.$inferInsert;

export async function writeDutyRecord(
  tx: DbOrTx,
  actor: Actor,
  before: DutyRow | null,
  action: DutyAction,
  change: Partial<NewDutyRow>,
  input: Record<string, unknown> = {},
): Promise<DutyRow> {
  const { from, to } = decide(dutyRecordMachine, before, actor, action, input);
  const [row] = before
    ? await tx
        .update(dutyRecords)
        .set({ ...change, status: to, version: before.version + 1 })
        .where(eq(dutyRecords.id, before.id))
        .returning()
    : await tx
        .insert(dutyRecords)
        .values({ ...(change as NewDutyRow), status: to })
        .returning();
  const r = row!;
  // A new record counts as recorded; acceptance as kept. A return or a resubmission changes neither count.
  if (action === 'record' || action === 'accept') {
    await bumpDutyAggregates(tx, { ...r, duty: r.duty as DutyKind }, { recorded: action === 'record', accepted: action === 'accept' });
  }
  await appendTransition(tx, dutyRecordMachine, actor, { recordId: r.id, action, from, to });
  await appendEvent(tx, `duty_record.${action}`, 'duty_record', r, actor, {
    from,
    to,
    duty: r.duty,
    period: r.period,
  });
  return r;
}
