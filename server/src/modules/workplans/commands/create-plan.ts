// Issuing a work plan: the caller's organisation is the issuer and the plan's area is the organisation's area (the
// scope column every task copies). Audited in the same transaction.
import type { CreateWorkPlanBody } from '@anjian/contracts';
import { workPlans } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';

export async function createPlan(db: Db, actor: Actor, ip: string | null, input: CreateWorkPlanBody) {
  return db.transaction((tx) => createPlanIn(tx, actor, ip, input));
}

export async function createPlanIn(tx: Tx, actor: Actor, ip: string | null, input: CreateWorkPlanBody) {
  if (!actor.orgId || !actor.areaCode)
    throw fieldError('title', '您的账号未归属单位，不能印发工作方案', 'Your account has no organisation to issue a plan');
  const [row] = await tx
    .insert(workPlans)
    .values({
      title: input.title,
      docNumber: input.docNumber ?? null,
      year: input.year,
      issuerOrgId: actor.orgId,
      areaCode: actor.areaCode,
      phases: input.phases,
      sourceDocument: input.sourceDocument ?? null,
      reportDay: input.reportDay,
      createdBy: actor.id,
    })
    .returning();
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'workplan.create',
      entityType: 'work_plan',
      entityId: row!.id,
      after: { title: row!.title, year: row!.year, reportDay: row!.reportDay },
    },
  );
  return row!;
}
