// The penalty-case procedure as data (立案 → 调查取证 → 告知 → [要求听证 → 听证通知 → 举行听证] → 法制审核 → 决定 → 送达 →
// 缴纳/强制执行 → 结案), and the one function that writes penalty_cases.status, together with its timeline row.
// A requested hearing is a step of its own: review cannot start until it has been held (行政处罚法 §63–§65).
import { eq } from 'drizzle-orm';
import type { CaseAction, CaseStatus, Permission } from '@anjian/contracts';
import { can } from '@anjian/contracts';
import { penaltyCaseEvents, penaltyCases } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { CaseRow } from './cases.queries';

export interface CaseStep {
  label: { zh: string; en: string };
  from: readonly CaseStatus[];
  /** null: the status stays (extension, change of a decision). */
  to: CaseStatus | null;
  permission: Permission;
}

export const caseWorkflow: Record<CaseAction, CaseStep> = {
  investigate: { label: { zh: '调查取证', en: 'Investigate' }, from: ['filed'], to: 'investigating', permission: 'case.manage' },
  notify: {
    label: { zh: '告知（陈述申辩、听证）', en: 'Notify rights' },
    from: ['investigating'],
    to: 'notified',
    permission: 'case.manage',
  },
  request_hearing: {
    label: { zh: '当事人要求听证', en: 'Hearing requested' },
    from: ['notified'],
    to: 'hearing_requested',
    permission: 'case.manage',
  },
  schedule_hearing: {
    label: { zh: '听证通知', en: 'Notify the hearing' },
    from: ['hearing_requested'],
    to: 'hearing_scheduled',
    permission: 'case.manage',
  },
  hold_hearing: {
    label: { zh: '举行听证', en: 'Hold the hearing' },
    from: ['hearing_scheduled'],
    to: 'heard',
    permission: 'case.manage',
  },
  submit_review: {
    label: { zh: '提交法制审核', en: 'Submit for legal review' },
    from: ['notified', 'heard'],
    to: 'legal_review',
    permission: 'case.manage',
  },
  approve_review: {
    label: { zh: '法制审核通过', en: 'Approve legal review' },
    from: ['legal_review'],
    to: 'reviewed',
    permission: 'case.review',
  },
  decide: { label: { zh: '作出处罚决定', en: 'Decide' }, from: ['reviewed'], to: 'decided', permission: 'case.review' },
  serve: { label: { zh: '送达', en: 'Serve' }, from: ['decided'], to: 'served', permission: 'case.manage' },
  pay: { label: { zh: '缴纳罚款', en: 'Record payment' }, from: ['served', 'enforced'], to: 'paid', permission: 'case.manage' },
  enforce: { label: { zh: '申请强制执行', en: 'Apply for enforcement' }, from: ['served'], to: 'enforced', permission: 'case.manage' },
  close: { label: { zh: '结案', en: 'Close' }, from: ['paid', 'enforced'], to: 'closed', permission: 'case.manage' },
  extend: {
    label: { zh: '延长办案期限', en: 'Extend the time limit' },
    from: ['filed', 'investigating', 'notified', 'hearing_requested', 'hearing_scheduled', 'heard', 'legal_review', 'reviewed'],
    to: null,
    permission: 'case.review',
  },
  change_decision: {
    label: { zh: '变更或撤销决定', en: 'Change or revoke the decision' },
    from: ['decided', 'served', 'paid', 'enforced', 'closed'],
    to: null,
    permission: 'case.review',
  },
};

export function availableCaseActions(actor: Actor, status: CaseStatus): CaseAction[] {
  return (Object.keys(caseWorkflow) as CaseAction[]).filter(
    (a) => caseWorkflow[a].from.includes(status) && can(actor.role, caseWorkflow[a].permission),
  );
}

/** Refuses an action the case's status or the caller's role does not allow. */
export function checkCaseAction(actor: Actor, status: CaseStatus, action: CaseAction): CaseStatus {
  const step = caseWorkflow[action];
  if (!can(actor.role, step.permission)) throw new AppError('FORBIDDEN');
  if (!step.from.includes(status)) {
    throw new AppError('VALIDATION', [
      {
        field: 'action',
        zh: `案件当前状态不能执行“${step.label.zh}”`,
        en: `"${step.label.en}" is not possible in the case's current status`,
      },
    ]);
  }
  return step.to ?? status;
}

/** The only writer of penalty_cases.status: applies the patch, bumps the version and appends the timeline row. */
export async function applyCaseStep(
  tx: DbOrTx,
  actor: Actor,
  before: CaseRow,
  action: CaseAction | 'file',
  to: CaseStatus,
  patch: Partial<typeof penaltyCases.$inferInsert>,
  evidence: Record<string, unknown>,
) {
  await tx
    .update(penaltyCases)
    .set({ ...patch, status: to, version: before.version + 1, updatedAt: new Date() })
    .where(eq(penaltyCases.id, before.id));
  await appendCaseEvent(tx, actor, before.id, action, before.status, to, evidence);
}

export async function appendCaseEvent(
  tx: DbOrTx,
  actor: Actor,
  caseId: string,
  action: string,
  from: string | null,
  to: string,
  evidence: Record<string, unknown>,
) {
  await tx
    .insert(penaltyCaseEvents)
    .values({ caseId, actorId: actor.id, actorName: actor.displayName, action, fromStatus: from, toStatus: to, evidence });
}

/** Opens a case in its first status: 立案 for the general procedure; decided and served on the spot for 简易程序. */
export async function openCase(
  tx: DbOrTx,
  actor: Actor,
  values: Omit<typeof penaltyCases.$inferInsert, 'status' | 'version'>,
  simple: boolean,
) {
  const status: CaseStatus = simple ? 'served' : 'filed';
  const [row] = await tx
    .insert(penaltyCases)
    .values({ ...values, status })
    .returning();
  await appendCaseEvent(tx, actor, row!.id, simple ? 'decide_on_the_spot' : 'file', null, status, {});
  return row!;
}
