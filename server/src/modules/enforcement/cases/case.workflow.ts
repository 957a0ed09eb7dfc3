// The penalty-case procedure as a platform state machine (立案 → 调查取证 → 告知 → [要求听证 → 听证通知 → 举行听证] →
// 法制审核 → 决定 → 送达 → 缴纳/强制执行 → 结案): per step the statuses it starts from, the next status, the permission
// and the input it requires; and `writeCase`, the one function that writes penalty_cases.status, together with its
// timeline row. A requested hearing is a step of its own: review cannot start until it has been held (行政处罚法 §63–§65).
// The steps' legal conditions (fine range, rights period, hearing notice period …) are act-on-case.ts's.
import { eq } from 'drizzle-orm';
import { caseStatuses, type CaseAction, type CaseStatus } from '@anjian/contracts';
import { penaltyCaseEvents, penaltyCases } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { appendEvent } from '../../../platform/outbox';
import {
  abilities,
  assertAllowed,
  decide,
  type MachineAction,
  type MachineActor,
  type StateMachine,
} from '../../../platform/state-machine';
import type { CaseRow } from './cases.queries';

/** How a case comes to exist: 立案 (general procedure), or decided and served on the spot (简易程序). */
export type CaseOpening = 'file' | 'decide_on_the_spot';
export type CaseMachineAction = CaseAction | CaseOpening;
export type CaseStep = MachineAction<CaseStatus, CaseFacts>;
type CaseFacts = Pick<CaseRow, 'status'>;

const beforeDecision: CaseStatus[] = [
  'filed',
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'legal_review',
  'reviewed',
];

export const caseMachine: StateMachine<CaseStatus, CaseMachineAction, CaseFacts> = {
  record: 'penalty_case',
  table: 'penalty_cases',
  column: 'status',
  states: caseStatuses,
  actions: {
    file: { label: { zh: '立案', en: 'File' }, from: [null], to: 'filed', permission: 'case.manage' },
    decide_on_the_spot: {
      label: { zh: '当场处罚（简易程序）', en: 'Decide on the spot' },
      from: [null],
      to: 'served',
      permission: 'case.manage',
      requires: ['fine'],
    },
    investigate: { label: { zh: '调查取证', en: 'Investigate' }, from: ['filed'], to: 'investigating', permission: 'case.manage' },
    notify: {
      label: { zh: '告知（陈述申辩、听证）', en: 'Notify rights' },
      from: ['investigating'],
      to: 'notified',
      permission: 'case.manage',
      requires: ['fine'],
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
      requires: ['hearingOn', 'hearingPlace', 'presiderId'],
    },
    hold_hearing: {
      label: { zh: '举行听证', en: 'Hold the hearing' },
      from: ['hearing_scheduled'],
      to: 'heard',
      permission: 'case.manage',
      requires: ['hearingRecord'],
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
    decide: {
      label: { zh: '作出处罚决定', en: 'Decide' },
      from: ['reviewed'],
      to: 'decided',
      permission: 'case.review',
      requires: ['fine'],
    },
    serve: { label: { zh: '送达', en: 'Serve' }, from: ['decided'], to: 'served', permission: 'case.manage' },
    pay: { label: { zh: '缴纳罚款', en: 'Record payment' }, from: ['served', 'enforced'], to: 'paid', permission: 'case.manage' },
    enforce: { label: { zh: '申请强制执行', en: 'Apply for enforcement' }, from: ['served'], to: 'enforced', permission: 'case.manage' },
    close: { label: { zh: '结案', en: 'Close' }, from: ['paid', 'enforced'], to: 'closed', permission: 'case.manage' },
    extend: {
      label: { zh: '延长办案期限', en: 'Extend the time limit' },
      from: beforeDecision,
      to: null,
      permission: 'case.review',
      requires: ['extensionDays', 'note'],
    },
    change_decision: {
      label: { zh: '变更或撤销决定', en: 'Change or revoke the decision' },
      from: ['decided', 'served', 'paid', 'enforced', 'closed'],
      to: null,
      permission: 'case.review',
      requires: ['note'],
    },
  },
  stateOf: (c) => (c ? (c.status as CaseStatus) : null),
  fieldLabels: {
    fine: { zh: '罚款数额', en: 'fine' },
    hearingOn: { zh: '听证日期', en: 'hearing date' },
    hearingPlace: { zh: '听证地点', en: 'hearing place' },
    presiderId: { zh: '听证主持人', en: 'presiding officer' },
    hearingRecord: { zh: '听证笔录', en: 'hearing record' },
    extensionDays: { zh: '延长天数', en: 'days of extension' },
    note: { zh: '理由', en: 'reason' },
  },
  refuseState: (_status, action) => {
    const label = caseMachine.actions[action].label;
    return {
      reason: 'invalid_transition',
      code: 'VALIDATION',
      details: [
        { field: 'action', zh: `案件当前状态不能执行“${label.zh}”`, en: `"${label.en}" is not possible in the case's current status` },
      ],
    };
  },
};

/** The steps on an existing case (the openings aside), as the oracle test reads them. */
export const caseWorkflow = Object.fromEntries(
  Object.entries(caseMachine.actions).filter(([, step]) => !step.from.includes(null)),
) as Record<CaseAction, Omit<CaseStep, 'from'> & { from: readonly CaseStatus[] }>;

export function availableCaseActions(actor: MachineActor, status: CaseStatus): CaseAction[] {
  return abilities(caseMachine, { status }, actor) as CaseAction[];
}

/** Refuses an action the case's status or the caller's role does not allow; returns the status it leads to. */
export function checkCaseAction(actor: MachineActor, status: CaseStatus, action: CaseAction): CaseStatus {
  assertAllowed(caseMachine, { status }, actor, action);
  return caseWorkflow[action].to ?? status;
}

type NewCase = Omit<typeof penaltyCases.$inferInsert, 'status' | 'version'>;

export interface CaseChange {
  /** A new case's columns (file, decide_on_the_spot). */
  create?: NewCase;
  /** The step's column changes. */
  patch?: Partial<typeof penaltyCases.$inferInsert>;
  /** What the machine checks for the step's required input. */
  input?: Record<string, unknown>;
  /** What the timeline keeps. */
  evidence?: Record<string, unknown>;
}

/**
 * The only writer of penalty_cases.status: asks the machine, inserts the case or applies the patch with a bumped
 * version, and appends the timeline row, in the caller's transaction.
 */
export async function writeCase(tx: DbOrTx, actor: Actor, before: CaseRow | null, action: CaseMachineAction, change: CaseChange) {
  const { from, to } = decide(caseMachine, before, actor, action, change.input ?? {});
  let row: typeof penaltyCases.$inferSelect | undefined;
  if (!before) {
    if (!change.create) throw new Error('writeCase: a new case needs its columns');
    [row] = await tx
      .insert(penaltyCases)
      .values({ ...change.create, status: to })
      .returning();
  } else {
    [row] = await tx
      .update(penaltyCases)
      .set({ ...change.patch, status: to, version: before.version + 1, updatedAt: new Date() })
      .where(eq(penaltyCases.id, before.id))
      .returning();
  }
  await tx.insert(penaltyCaseEvents).values({
    caseId: row!.id,
    actorId: actor.id,
    actorName: actor.displayName,
    action,
    fromStatus: from,
    toStatus: to,
    evidence: change.evidence ?? {},
  });
  await appendEvent(tx, `case.${action}`, 'penalty_case', row!, actor, { from, to });
  return row!;
}

/** Opens a case in its first status: 立案 for the general procedure; decided and served on the spot for 简易程序. */
export async function openCase(tx: DbOrTx, actor: Actor, values: NewCase, simple: boolean) {
  return writeCase(tx, actor, null, simple ? 'decide_on_the_spot' : 'file', { create: values, input: { fine: values.fine } });
}
