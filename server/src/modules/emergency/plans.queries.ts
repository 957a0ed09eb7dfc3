// SQL of emergency plans and revision duties. Every read goes through the scope predicate on the table's own scope
// columns (area, sector, park, enterprise), copied from the enterprise at write time.
import { and, asc, count, desc, eq, ilike, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PlanListQuery } from '@anjian/contracts';
import { emergencyPlanCards, emergencyPlanRevisions, emergencyPlans, emergencyPlanVersions, enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { addDays } from '../../platform/time';
import { scopeWhere } from '../../platform/scope';
import { planRules } from './plans.rules';
import type { PlanRow } from './plans.workflow';

export type RevisionRow = typeof emergencyPlanRevisions.$inferSelect;

export const planScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: emergencyPlans.areaCode,
    sector: emergencyPlans.sector,
    parkId: emergencyPlans.parkId,
    enterpriseId: emergencyPlans.enterpriseId,
  });

export const revisionScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: emergencyPlanRevisions.areaCode,
    sector: emergencyPlanRevisions.sector,
    parkId: emergencyPlanRevisions.parkId,
    enterpriseId: emergencyPlanRevisions.enterpriseId,
  });

export async function findPlan(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<PlanRow | null> {
  const q = db
    .select()
    .from(emergencyPlans)
    .where(and(eq(emergencyPlans.id, id), planScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The "due for evaluation" predicate: filed plans whose evaluation day is within the warning window or past. */
export const evaluationDueWhere = (today: string) =>
  and(eq(emergencyPlans.status, 'filed'), lte(emergencyPlans.evaluationDueOn, addDays(today, planRules.evaluationWarningDays)))!;

export async function findPlans(db: DbOrTx, actor: Actor, q: PlanListQuery, today: string) {
  const parts: SQL[] = [planScope(actor)];
  if (q.status) parts.push(eq(emergencyPlans.status, q.status));
  if (q.planType) parts.push(eq(emergencyPlans.planType, q.planType));
  if (q.enterpriseId) parts.push(eq(emergencyPlans.enterpriseId, q.enterpriseId));
  if (q.evaluationDue) parts.push(evaluationDueWhere(today));
  if (q.q) parts.push(ilike(emergencyPlans.title, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(emergencyPlans)
      .where(where)
      .orderBy(desc(emergencyPlans.updatedAt), desc(emergencyPlans.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(emergencyPlans).where(where),
  ]);
  return { items, total: total!.n };
}

export async function enterpriseNames(db: DbOrTx, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findPlanParts(db: DbOrTx, planId: string) {
  const [cards, versions, revisions] = await Promise.all([
    db.select().from(emergencyPlanCards).where(eq(emergencyPlanCards.planId, planId)).orderBy(asc(emergencyPlanCards.position)),
    db.select().from(emergencyPlanVersions).where(eq(emergencyPlanVersions.planId, planId)).orderBy(desc(emergencyPlanVersions.versionNo)),
    db
      .select()
      .from(emergencyPlanRevisions)
      .where(eq(emergencyPlanRevisions.planId, planId))
      .orderBy(desc(emergencyPlanRevisions.occurredOn), desc(emergencyPlanRevisions.createdAt)),
  ]);
  return { cards, versions, revisions };
}

export async function replaceCards(
  tx: DbOrTx,
  planId: string,
  cards: { post: string; risks: string; steps: string; reportTo?: string | null }[],
) {
  await tx.delete(emergencyPlanCards).where(eq(emergencyPlanCards.planId, planId));
  if (cards.length)
    await tx
      .insert(emergencyPlanCards)
      .values(cards.map((c, i) => ({ planId, position: i, post: c.post, risks: c.risks, steps: c.steps, reportTo: c.reportTo ?? null })));
}

export async function findRevision(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<RevisionRow | null> {
  const q = db
    .select()
    .from(emergencyPlanRevisions)
    .where(and(eq(emergencyPlanRevisions.id, id), revisionScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findRevisions(db: DbOrTx, actor: Actor, q: { open?: boolean; page: number; pageSize: number }) {
  const where = and(revisionScope(actor), q.open ? isNull(emergencyPlanRevisions.completedOn) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(emergencyPlanRevisions)
      .where(where)
      .orderBy(asc(emergencyPlanRevisions.dueOn), asc(emergencyPlanRevisions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(emergencyPlanRevisions).where(where),
  ]);
  return { items, total: total!.n };
}

export async function planTitles(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: emergencyPlans.id, title: emergencyPlans.title })
    .from(emergencyPlans)
    .where(inArray(emergencyPlans.id, unique));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Keeps the plan's open-revision count (shown on every list row) in step with its duties, in the caller's tx. */
export async function refreshOpenRevisions(tx: DbOrTx, planId: string) {
  await tx
    .update(emergencyPlans)
    .set({
      openRevisions: sql`(select count(*)::int from emergency_plan_revisions r where r.plan_id = ${planId} and r.completed_on is null)`,
    })
    .where(eq(emergencyPlans.id, planId));
}

/**
 * Inserts a revision duty unless one with the same source key exists for the plan (events arrive at least once).
 * Returns the new row, or null when it was already there.
 */
export async function insertRevision(tx: DbOrTx, values: typeof emergencyPlanRevisions.$inferInsert) {
  const [row] = await tx
    .insert(emergencyPlanRevisions)
    .values(values)
    .onConflictDoNothing({ target: [emergencyPlanRevisions.planId, emergencyPlanRevisions.sourceKey] })
    .returning();
  if (row) await refreshOpenRevisions(tx, values.planId);
  return row ?? null;
}
