// Writing a plan: an enterprise user writes its own enterprise plan (comprehensive, special, on-site disposal); an
// officer of an area writes a government plan for an area of its own. Editing is open while draft or returned; a new
// version (revision) of a plan sends it back to draft through the machine, to be filed or published again.
import { eq } from 'drizzle-orm';
import { enterprisePlanTypes, governmentPlanTypes, type NewPlanVersionBody, type PlanBody, type UpdatePlanBody } from '@anjian/contracts';
import { emergencyPlans, emergencyPlanVersions, enterprises } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { inScope } from '../../../platform/scope';
import { areaExists } from '../resources.queries';
import { findPlan, replaceCards } from '../plans.queries';
import { auditPlan, presentPlanDetail } from '../plans.presenter';
import { writePlan, type PlanRow } from '../plans.workflow';

const isIn = (list: readonly string[], v: string) => list.includes(v);

export async function createPlan(db: Db, actor: Actor, ip: string | null, input: PlanBody) {
  return db.transaction((tx) => createPlanIn(tx, actor, ip, input));
}

export async function createPlanIn(tx: Tx, actor: Actor, ip: string | null, input: PlanBody) {
  let scope: { areaCode: string; sector: string | null; parkId: string | null; enterpriseId: string | null };
  if (actor.enterpriseId) {
    if (!isIn(enterprisePlanTypes, input.planType))
      throw fieldError(
        'planType',
        '企业只能编制综合、专项预案或现场处置方案',
        'An enterprise writes comprehensive, special or on-site plans',
      );
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, actor.enterpriseId));
    if (!e) throw fieldError('planType', '企业不存在', 'Unknown enterprise');
    scope = { areaCode: e.areaCode, sector: e.sector, parkId: e.parkId, enterpriseId: e.id };
  } else {
    if (!isIn(governmentPlanTypes, input.planType))
      throw fieldError('planType', '企业预案由企业编制并备案', 'Enterprise plans are written and filed by the enterprise');
    const areaCode = input.areaCode ?? actor.areaCode;
    if (!areaCode || !(await areaExists(tx, areaCode))) throw fieldError('areaCode', '区划不存在', 'Unknown area');
    if (actor.scopeKind !== 'area' || !inScope(actor, { areaCode }))
      throw fieldError('areaCode', '该地区不在本单位辖区内', 'This area is outside your jurisdiction');
    scope = { areaCode, sector: null, parkId: null, enterpriseId: null };
  }
  const row = await writePlan(tx, actor, null, 'create', {
    create: {
      ...scope,
      planType: input.planType,
      title: input.title,
      summary: input.summary ?? null,
      publishedOn: input.publishedOn,
      versionNo: 1,
      createdBy: actor.id,
    },
  });
  await tx.insert(emergencyPlanVersions).values({ planId: row.id, versionNo: 1, publishedOn: input.publishedOn, createdBy: actor.id });
  await replaceCards(tx, row.id, input.cards);
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'emergency.plan.create', entityType: 'emergency_plan', entityId: row.id, after: { ...auditPlan(row), cards: input.cards } },
  );
  return row;
}

const lockPlan = (tx: Tx, actor: Actor, id: string, version: number) =>
  loadForUpdate({
    load: () => findPlan(tx, actor, id, true),
    version,
    present: (row: PlanRow) => presentPlanDetail(tx, actor, row),
  });

export async function updatePlan(db: Db, actor: Actor, ip: string | null, id: string, input: UpdatePlanBody) {
  return db.transaction(async (tx) => {
    const before = await lockPlan(tx, actor, id, input.version);
    const owner = before.enterpriseId ? actor.enterpriseId === before.enterpriseId : actor.scopeKind === 'area';
    if (!owner) throw fieldError('version', '只能修改本单位的预案', 'Only the plan owner edits it');
    if (before.status !== 'draft' && before.status !== 'returned')
      throw fieldError(
        'version',
        '已提交或已备案的预案不能直接修改，请修订为新版本',
        'Submitted or filed plans change only by a new version',
      );
    const [after] = await tx
      .update(emergencyPlans)
      .set({
        title: input.title ?? before.title,
        summary: input.summary === undefined ? before.summary : input.summary,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(emergencyPlans.id, id))
      .returning();
    if (input.cards) await replaceCards(tx, id, input.cards);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'emergency.plan.update',
        entityType: 'emergency_plan',
        entityId: id,
        before: auditPlan(before),
        after: { ...auditPlan(after!), ...(input.cards ? { cards: input.cards } : {}) },
      },
    );
    return after!;
  });
}

export async function newPlanVersion(db: Db, actor: Actor, ip: string | null, id: string, input: NewPlanVersionBody) {
  return db.transaction(async (tx) => {
    const before = await lockPlan(tx, actor, id, input.version);
    if (input.publishedOn < before.publishedOn)
      throw fieldError('publishedOn', '新版本发布日期不能早于上一版本', 'A new version cannot predate the previous one');
    const versionNo = before.versionNo + 1;
    const after = await writePlan(tx, actor, before, 'revise', {
      patch: { versionNo, publishedOn: input.publishedOn, filingNo: null, filedOn: null, returnReason: null },
      input: { changeNote: input.changeNote },
    });
    await tx
      .insert(emergencyPlanVersions)
      .values({ planId: id, versionNo, publishedOn: input.publishedOn, changeNote: input.changeNote, createdBy: actor.id });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'emergency.plan.revise', entityType: 'emergency_plan', entityId: id, before: auditPlan(before), after: auditPlan(after) },
    );
    return after;
  });
}
