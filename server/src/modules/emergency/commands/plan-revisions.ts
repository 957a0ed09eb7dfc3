// Revision duties (第三十六条): a trigger recorded by hand (by the plan's owner, or by the authority that learns of a
// law change or a major risk change) or from an event (an accident, a drill finding) creates a duty due per
// plans.rules.ts; the owner completes it (usually together with a new version of the plan).
import { eq } from 'drizzle-orm';
import type { CompleteRevisionBody, PlanTriggerBody, RevisionTrigger } from '@anjian/contracts';
import { emergencyPlanRevisions } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, DbOrTx, Tx } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findPlan, findRevision, insertRevision, refreshOpenRevisions, type RevisionRow } from '../plans.queries';
import { presentRevisions } from '../plans.presenter';
import { revisionDueOn } from '../plans.rules';
import type { PlanRow } from '../plans.workflow';

/** The one place a duty is created: copies the plan's scope columns, computes the deadline, keeps the count. */
export async function addRevisionDuty(
  tx: DbOrTx,
  plan: PlanRow,
  t: { trigger: RevisionTrigger; occurredOn: string; note: string; sourceKey?: string | null; createdBy?: string | null },
) {
  return insertRevision(tx, {
    planId: plan.id,
    enterpriseId: plan.enterpriseId,
    areaCode: plan.areaCode,
    sector: plan.sector,
    parkId: plan.parkId,
    trigger: t.trigger,
    occurredOn: t.occurredOn,
    dueOn: revisionDueOn(t.trigger, t.occurredOn),
    note: t.note,
    sourceKey: t.sourceKey ?? null,
    createdBy: t.createdBy ?? null,
  });
}

export async function recordTrigger(db: Db, actor: Actor, ip: string | null, planId: string, input: PlanTriggerBody, today = cstDate()) {
  return db.transaction(async (tx: Tx) => {
    const plan = await findPlan(tx, actor, planId, true);
    if (!plan) throw notFound();
    if (plan.status !== 'filed') throw fieldError('trigger', '只有已备案（印发）的预案需要修订', 'Only a filed plan is revised');
    if (input.occurredOn > today) throw fieldError('occurredOn', '发生日期不能晚于今天', 'The trigger cannot be in the future');
    const row = await addRevisionDuty(tx, plan, { ...input, createdBy: actor.id });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'emergency.plan.trigger', entityType: 'emergency_plan', entityId: planId, after: row ?? input },
    );
    return (await findPlan(tx, actor, planId))!;
  });
}

export async function completeRevision(
  db: Db,
  actor: Actor,
  ip: string | null,
  id: string,
  input: CompleteRevisionBody,
  today = cstDate(),
) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findRevision(tx, actor, id, true),
      version: input.version,
      present: async (row: RevisionRow) => (await presentRevisions(tx, actor, [row]))[0],
    });
    const owner = before.enterpriseId ? actor.enterpriseId === before.enterpriseId : actor.scopeKind === 'area';
    if (!owner) throw fieldError('version', '修订由预案编制单位完成', 'The plan owner completes the revision');
    if (before.completedOn) throw fieldError('version', '该修订任务已完成', 'This revision is already complete');
    const [after] = await tx
      .update(emergencyPlanRevisions)
      .set({ completedOn: today, completedNote: input.note ?? null, version: before.version + 1 })
      .where(eq(emergencyPlanRevisions.id, id))
      .returning();
    await refreshOpenRevisions(tx, before.planId);
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'emergency.revision.complete', entityType: 'emergency_plan_revision', entityId: id, before, after },
    );
    return after!;
  });
}
