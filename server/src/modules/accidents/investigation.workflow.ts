// The investigation's machine: not_started → in_progress → reported (the team's report is with the government) →
// approved (批复, which closes it: its findings are what the penalties rest on). A report sent back for rework
// returns to in_progress. The user records dates, not steps: `actionForDates` names the step the saved dates amount
// to, the machine decides whether it is allowed, and `writeInvestigation` is the only writer of the status column,
// with its state_transitions row.
import { eq } from 'drizzle-orm';
import { investigationStatuses, type InvestigationStatus } from '@anjian/contracts';
import { accidentInvestigations, accidents } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type Refusal, type StateMachine } from '../../platform/state-machine';
import type { InvestigationRow } from './accidents.queries';

export type InvestigationAction = 'start' | 'edit' | 'submit_report' | 'return_report' | 'approve' | 'extend';
type InvestigationFacts = Pick<InvestigationRow, 'status' | 'extensionDays' | 'reportSubmittedOn'>;

const refusal = (field: string, zh: string, en: string, code: Refusal['code'] = 'VALIDATION'): Refusal => ({
  reason: 'invalid_transition',
  code,
  details: [{ field, zh, en }],
});
const extendedOnce = refusal(
  'days',
  '调查报告提交期限只能延长一次（条例第二十九条）',
  'The report deadline may be extended only once (Decree 493, Art. 29)',
);

export const investigationMachine: StateMachine<InvestigationStatus, InvestigationAction, InvestigationFacts> = {
  record: 'accident_investigation',
  table: 'accident_investigations',
  column: 'status',
  states: investigationStatuses,
  actions: {
    start: { label: { zh: '开始调查', en: 'Start' }, from: ['not_started'], to: 'in_progress', permission: 'accident.update' },
    edit: { label: { zh: '修改调查记录', en: 'Edit' }, from: ['in_progress', 'reported'], to: null, permission: 'accident.update' },
    submit_report: {
      label: { zh: '提交调查报告', en: 'Submit the report' },
      from: ['not_started', 'in_progress'],
      to: 'reported',
      permission: 'accident.update',
      requires: ['reportSubmittedOn'],
    },
    return_report: {
      label: { zh: '报告退回修改', en: 'Report sent back' },
      from: ['reported'],
      to: 'in_progress',
      permission: 'accident.update',
    },
    approve: {
      label: { zh: '登记批复', en: 'Record the approval' },
      from: ['reported'],
      to: 'approved',
      permission: 'accident.update',
      requires: ['approvedOn'],
    },
    // 493号 第二十九条: one extension of the report's deadline, before the report is in.
    extend: { label: { zh: '延长调查期限', en: 'Extend' }, from: ['not_started', 'in_progress'], to: null, permission: 'accident.update' },
  },
  // No row yet: the investigation has not started.
  stateOf: (i) => (i ? (i.status as InvestigationStatus) : 'not_started'),
  refuseState(state, action, i) {
    if (state === 'approved')
      return refusal(
        'status',
        '调查报告已批复，调查记录不能再修改',
        'The report has been approved: the investigation can no longer change',
        'CONFLICT',
      );
    if (action === 'extend')
      return i && i.extensionDays > 0 ? extendedOnce : refusal('days', '调查报告已提交，无需延期', 'The report is already submitted');
    return refusal('approvedOn', '调查报告提交后才能登记批复', 'Record the report’s submission before its approval');
  },
  guard: (i, _actor, action) => (action === 'extend' && i && i.extensionDays > 0 ? extendedOnce : null),
};

/** The step that saving these dates amounts to, from the current status. */
export function actionForDates(
  from: InvestigationStatus,
  d: { reportSubmittedOn: string | null; approvedOn: string | null },
): InvestigationAction {
  if (d.approvedOn) return 'approve';
  if (d.reportSubmittedOn) return from === 'reported' ? 'edit' : 'submit_report';
  if (from === 'not_started') return 'start';
  return from === 'reported' ? 'return_report' : 'edit';
}

/** The investigation's abilities: 'save' (any step the dates may take) and 'extend'. */
export function investigationAbilities(actor: MachineActor, row: InvestigationFacts | null): string[] {
  const allowed = abilities(investigationMachine, row, actor);
  return [...(allowed.some((a) => a !== 'extend') ? ['save'] : []), ...(allowed.includes('extend') ? ['extend'] : [])];
}

type NewInvestigation = Omit<typeof accidentInvestigations.$inferInsert, 'status' | 'version'>;

/** The only writer of accident_investigations.status, in the caller's transaction. */
export async function writeInvestigation(
  tx: DbOrTx,
  actor: Actor,
  accidentId: string,
  before: InvestigationRow | null,
  action: InvestigationAction,
  change: { values: Partial<NewInvestigation>; now: Date; evidence?: Record<string, unknown> },
): Promise<InvestigationRow> {
  const { from, to } = decide(investigationMachine, before, actor, action, { ...before, ...change.values });
  const [row] = before
    ? await tx
        .update(accidentInvestigations)
        .set({ ...change.values, status: to, updatedAt: change.now, version: before.version + 1 })
        .where(eq(accidentInvestigations.accidentId, accidentId))
        .returning()
    : await tx
        .insert(accidentInvestigations)
        .values({ ...change.values, accidentId, status: to })
        .returning();
  await appendTransition(tx, investigationMachine, actor, { recordId: accidentId, action, from, to, evidence: change.evidence });
  // The investigation carries no scope of its own: its event takes the accident's, so it is seen where the accident is.
  const [scope] = await tx
    .select({
      id: accidents.id,
      areaCode: accidents.areaCode,
      enterpriseId: accidents.enterpriseId,
      sector: accidents.sector,
      parkId: accidents.parkId,
    })
    .from(accidents)
    .where(eq(accidents.id, accidentId));
  await appendEvent(tx, `investigation.${action}`, 'accident_investigation', scope!, actor, { from, to, ...change.evidence });
  return row!;
}
