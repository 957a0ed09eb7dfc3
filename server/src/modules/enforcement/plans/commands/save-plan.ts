// PUT /api/enforcement/plans/:year: stores the caller's organisation's plan for the year under optimistic locking
// (version 0 = none stored yet; a stale version answers 409 with the plan as GET shows it), audited in the same transaction with the groups before and after.
import { eq } from 'drizzle-orm';
import type { PutPlanBody } from '@anjian/contracts';
import { inspectionPlans } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { AppError } from '../../../../platform/errors';
import { loadForUpdate } from '../../../../platform/load-for-update';
import { cstDate } from '../../../../platform/time';
import { findPlan } from '../plans.queries';
import { presentPlan } from '../plans.presenter';

export async function savePlan(db: Db, actor: Actor, ip: string | null, year: number, input: PutPlanBody) {
  if (!actor.orgId || !actor.areaCode) throw new AppError('FORBIDDEN');
  const orgId = actor.orgId;
  return db.transaction(async (tx) => {
    const stored = await findPlan(tx, actor, year, true);
    const current = async () => presentPlan(tx, actor, year, await findPlan(tx, actor, year), cstDate());
    // No stored plan reads as version 0 (what GET answers), so a first save presents 0.
    await loadForUpdate({ load: async () => stored ?? { version: 0 }, version: input.version, present: current });
    if (stored) {
      await tx
        .update(inspectionPlans)
        .set({ groups: input.groups, updatedBy: actor.id, updatedAt: new Date(), version: stored.version + 1 })
        .where(eq(inspectionPlans.id, stored.id));
    } else {
      // Two first saves at once: the unique (org, year) key lets one insert; the other gets the 409 with its plan.
      const inserted = await tx
        .insert(inspectionPlans)
        .values({ orgId, areaCode: actor.areaCode!, year, groups: input.groups, updatedBy: actor.id })
        .onConflictDoNothing()
        .returning({ id: inspectionPlans.id });
      if (inserted.length === 0) throw new AppError('CONFLICT', [], { current: await current() });
    }
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'inspection.plan',
        entityType: 'inspection_plan',
        entityId: `${orgId}:${year}`,
        before: stored ? { groups: stored.groups, version: stored.version } : undefined,
        after: { groups: input.groups, version: input.version + 1 },
      },
    );
    return current();
  });
}
