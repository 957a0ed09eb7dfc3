// Filing (备案) through the plan's machine — submit, accept with a filing number, return with a reason, publish — and
// the 3-yearly evaluation (第三十五条), which restarts the 3 years from its day.
import { eq } from 'drizzle-orm';
import type { PlanActBody, PlanEvaluateBody } from '@anjian/contracts';
import { emergencyPlans } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findPlan } from '../plans.queries';
import { auditPlan, presentPlanDetail } from '../plans.presenter';
import { evaluationDueOn } from '../plans.rules';
import { writePlan, type PlanRow } from '../plans.workflow';

export async function actOnPlan(db: Db, actor: Actor, ip: string | null, id: string, input: PlanActBody, today = cstDate()) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findPlan(tx, actor, id, true),
      version: input.version,
      present: (row: PlanRow) => presentPlanDetail(tx, actor, row),
    });
    const patch: Partial<PlanRow> = {};
    if (input.action === 'accept' || input.action === 'publish') {
      patch.filingNo = input.action === 'accept' ? input.filingNo! : null;
      patch.filedOn = today;
      patch.returnReason = null;
      // The 3 years run from filing (a revised plan filed again starts them afresh) or from the last evaluation.
      patch.evaluationDueOn = evaluationDueOn(today);
    }
    if (input.action === 'return') patch.returnReason = input.reason!;
    const after = await writePlan(tx, actor, before, input.action, {
      patch,
      input: { filingNo: input.filingNo ?? undefined, reason: input.reason ?? undefined },
    });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: `emergency.plan.${input.action}`,
        entityType: 'emergency_plan',
        entityId: id,
        before: auditPlan(before),
        after: auditPlan(after),
      },
    );
    return after;
  });
}

export async function evaluatePlan(db: Db, actor: Actor, ip: string | null, id: string, input: PlanEvaluateBody, today = cstDate()) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findPlan(tx, actor, id, true),
      version: input.version,
      present: (row: PlanRow) => presentPlanDetail(tx, actor, row),
    });
    const owner = before.enterpriseId ? actor.enterpriseId === before.enterpriseId : actor.scopeKind === 'area';
    if (!owner) throw fieldError('version', '评估由预案编制单位组织', 'The plan owner evaluates it');
    if (before.status !== 'filed') throw fieldError('version', '只有已备案（印发）的预案需要评估', 'Only a filed plan is evaluated');
    if (input.evaluatedOn > today) throw fieldError('evaluatedOn', '评估日期不能晚于今天', 'The evaluation cannot be in the future');
    if (before.filedOn && input.evaluatedOn < before.filedOn)
      throw fieldError('evaluatedOn', '评估日期不能早于备案日期', 'The evaluation cannot predate the filing');
    const [after] = await tx
      .update(emergencyPlans)
      .set({
        lastEvaluatedOn: input.evaluatedOn,
        evaluationDueOn: evaluationDueOn(input.evaluatedOn),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(emergencyPlans.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'emergency.plan.evaluate',
        entityType: 'emergency_plan',
        entityId: id,
        before: auditPlan(before),
        after: { ...auditPlan(after!), conclusion: input.conclusion },
      },
    );
    return after!;
  });
}
