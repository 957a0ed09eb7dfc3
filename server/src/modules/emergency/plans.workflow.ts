// The plan's machine (备案): an enterprise plan is written (draft), submitted for filing, then accepted by the
// authority with a filing number (filed) or returned with a reason; a returned plan is corrected and submitted again.
// A government plan is published by its office (draft → filed, no filing with itself). A new version of a filed plan
// (revision) sends it back to draft, to be filed again. `writePlan` is the only writer of emergency_plans.status.
import { eq } from 'drizzle-orm';
import { governmentPlanTypes, planStatuses, type PlanStatus, type PlanType } from '@anjian/contracts';
import { emergencyPlans } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type Refusal, type StateMachine } from '../../platform/state-machine';

export type PlanRow = typeof emergencyPlans.$inferSelect;
export type PlanAction = 'create' | 'submit' | 'accept' | 'return' | 'publish' | 'revise';

const isGovernment = (t: string) => (governmentPlanTypes as readonly string[]).includes(t);
const isEnterpriseRole = (a: MachineActor) => a.role === 'enterprise_principal' || a.role === 'enterprise_safety_manager';

const refuse = (zh: string, en: string): Refusal => ({
  reason: 'plan_kind',
  code: 'VALIDATION',
  details: [{ field: 'action', zh, en }],
});

export const planMachine: StateMachine<PlanStatus, PlanAction, { status: string; planType: string }> = {
  record: 'emergency_plan',
  table: 'emergency_plans',
  column: 'status',
  states: planStatuses,
  actions: {
    create: { label: { zh: '编制预案', en: 'Write the plan' }, from: [null], to: 'draft', permission: 'plan.write' },
    submit: { label: { zh: '提交备案', en: 'Submit for filing' }, from: ['draft', 'returned'], to: 'submitted', permission: 'plan.write' },
    accept: {
      label: { zh: '受理备案', en: 'Accept the filing' },
      from: ['submitted'],
      to: 'filed',
      permission: 'plan.review',
      requires: ['filingNo'],
    },
    return: {
      label: { zh: '退回', en: 'Return' },
      from: ['submitted'],
      to: 'returned',
      permission: 'plan.review',
      requires: ['reason'],
    },
    publish: { label: { zh: '印发', en: 'Publish' }, from: ['draft'], to: 'filed', permission: 'plan.write' },
    revise: {
      label: { zh: '修订（新版本）', en: 'Revise (new version)' },
      from: ['filed', 'returned', 'draft'],
      to: 'draft',
      permission: 'plan.write',
    },
  },
  stateOf: (r) => (r ? (r.status as PlanStatus) : null),
  fieldLabels: { filingNo: { zh: '备案编号', en: 'Filing number' }, reason: { zh: '退回理由', en: 'Reason' } },
  guard(record, actor, action) {
    if (!record) return null;
    const gov = isGovernment(record.planType);
    if (action === 'publish' && (!gov || isEnterpriseRole(actor)))
      return refuse('企业预案须提交备案，不能直接印发', 'An enterprise plan is filed, not published');
    if (action === 'submit' && (gov || !isEnterpriseRole(actor)))
      return refuse('备案由企业提交', 'The enterprise submits its own plan for filing');
    if ((action === 'accept' || action === 'return') && gov) return refuse('政府预案无需备案', 'A government plan is not filed');
    if (action === 'revise' && gov === isEnterpriseRole(actor)) return refuse('只能修订本单位的预案', 'Only the plan owner revises it');
    return null;
  },
};

export function availablePlanActions(actor: MachineActor, row: { status: string; planType: PlanType | string }) {
  return abilities(planMachine, row, actor).filter((a) => a !== 'create');
}

export interface PlanChange {
  create?: Omit<typeof emergencyPlans.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof emergencyPlans.$inferInsert>;
  input?: Record<string, unknown>;
}

export async function writePlan(tx: DbOrTx, actor: Actor, before: PlanRow | null, action: PlanAction, change: PlanChange) {
  const { from, to } = decide(planMachine, before ? before : null, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(emergencyPlans)
        .set({ ...change.patch, status: to!, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(emergencyPlans.id, before.id))
        .returning()
    : await tx
        .insert(emergencyPlans)
        .values({ ...change.create!, status: to! })
        .returning();
  await appendTransition(tx, planMachine, actor, { recordId: row!.id, action, from, to: to!, evidence: change.input ?? {} });
  await appendEvent(tx, `emergency_plan.${action}`, 'emergency_plan', row!, actor, { from, to });
  return row!;
}
