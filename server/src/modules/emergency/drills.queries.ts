// SQL of drills, their findings, the per-enterprise drill status kept on write, and compliance (per street from the
// maintained counts of drills.area-counts.ts). Drills are filtered
// on their own scope columns; compliance reads the enterprises of the caller's scope (through the same predicate on
// the enterprises table) left-joined to their drill status, so a never-drilled enterprise counts as overdue.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { ComplianceQuery, DrillListQuery } from '@anjian/contracts';
import { emergencyDrillFindings, emergencyDrills, emergencyDrillStatus, enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { overdueBounds } from './drills.rules';
import { drillCountsByArea } from './drills.area-counts';

export type DrillRow = typeof emergencyDrills.$inferSelect;
export type FindingRow = typeof emergencyDrillFindings.$inferSelect;

export const drillScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: emergencyDrills.areaCode,
    sector: emergencyDrills.sector,
    parkId: emergencyDrills.parkId,
    enterpriseId: emergencyDrills.enterpriseId,
  });

export const enterpriseScopeOf = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: enterprises.areaCode,
    sector: enterprises.sector,
    parkId: enterprises.parkId,
    enterpriseId: enterprises.id,
  });

export async function findDrill(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<DrillRow | null> {
  const q = db
    .select()
    .from(emergencyDrills)
    .where(and(eq(emergencyDrills.id, id), drillScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findDrills(db: DbOrTx, actor: Actor, q: DrillListQuery) {
  const parts: SQL[] = [drillScope(actor)];
  if (q.enterpriseId) parts.push(eq(emergencyDrills.enterpriseId, q.enterpriseId));
  if (q.kind) parts.push(eq(emergencyDrills.kind, q.kind));
  if (q.held !== undefined) parts.push(q.held ? isNotNull(emergencyDrills.heldOn) : isNull(emergencyDrills.heldOn));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(emergencyDrills)
      .where(where)
      .orderBy(desc(emergencyDrills.createdAt), desc(emergencyDrills.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(emergencyDrills).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findFindings(db: DbOrTx, drillIds: string[]) {
  if (drillIds.length === 0) return new Map<string, FindingRow[]>();
  const rows = await db
    .select()
    .from(emergencyDrillFindings)
    .where(inArray(emergencyDrillFindings.drillId, drillIds))
    .orderBy(asc(emergencyDrillFindings.createdAt), asc(emergencyDrillFindings.id));
  const out = new Map<string, FindingRow[]>();
  for (const r of rows) out.set(r.drillId, [...(out.get(r.drillId) ?? []), r]);
  return out;
}

/** Moves the enterprise's last-drill day of the drilled plan type forward (never back) in the caller's tx. */
export async function noteHeldDrill(
  tx: DbOrTx,
  d: { enterpriseId: string; areaCode: string; sector: string | null; parkId: string | null; planType: string; heldOn: string },
) {
  const onsite = d.planType === 'onsite';
  const base = { enterpriseId: d.enterpriseId, areaCode: d.areaCode, sector: d.sector ?? 'other', parkId: d.parkId };
  await tx
    .insert(emergencyDrillStatus)
    .values({ ...base, lastPlanDrillOn: onsite ? null : d.heldOn, lastOnsiteDrillOn: onsite ? d.heldOn : null })
    .onConflictDoUpdate({
      target: emergencyDrillStatus.enterpriseId,
      set: onsite
        ? { lastOnsiteDrillOn: sql`greatest(${emergencyDrillStatus.lastOnsiteDrillOn}, ${d.heldOn}::date)`, updatedAt: new Date() }
        : { lastPlanDrillOn: sql`greatest(${emergencyDrillStatus.lastPlanDrillOn}, ${d.heldOn}::date)`, updatedAt: new Date() },
    });
}

/** "Overdue" in SQL, the same bounds as drills.rules.ts dutyState (high-risk adds nothing the on-site rule misses). */
export function overdueWhere(today: string): SQL {
  const b = overdueBounds(today);
  return sql`(${emergencyDrillStatus.lastPlanDrillOn} is null or ${emergencyDrillStatus.lastPlanDrillOn} < ${b.plan}::date
    or ${emergencyDrillStatus.lastOnsiteDrillOn} is null or ${emergencyDrillStatus.lastOnsiteDrillOn} < ${b.onsite}::date)`;
}

const liveEnterprise = () => and(isNull(enterprises.deletedAt), eq(enterprises.unitType, 'enterprise'));

export async function countOverdue(db: DbOrTx, actor: Actor, today: string, extra?: SQL) {
  const [r] = await db
    .select({ n: count() })
    .from(enterprises)
    .leftJoin(emergencyDrillStatus, eq(emergencyDrillStatus.enterpriseId, enterprises.id))
    .where(and(enterpriseScopeOf(actor), liveEnterprise(), overdueWhere(today), extra));
  return r!.n;
}

export async function findCompliance(db: DbOrTx, actor: Actor, q: ComplianceQuery, today: string) {
  const parts: (SQL | undefined)[] = [enterpriseScopeOf(actor), liveEnterprise()];
  if (q.sector) parts.push(eq(enterprises.sector, q.sector));
  if (q.overdue) parts.push(overdueWhere(today));
  const where = and(...parts);
  const overdueN = sql<number>`count(*) filter (where ${overdueWhere(today)})::int`;
  const from = () =>
    db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        areaCode: enterprises.areaCode,
        sector: enterprises.sector,
        lastPlanDrillOn: emergencyDrillStatus.lastPlanDrillOn,
        lastOnsiteDrillOn: emergencyDrillStatus.lastOnsiteDrillOn,
      })
      .from(enterprises)
      .leftJoin(emergencyDrillStatus, eq(emergencyDrillStatus.enterpriseId, enterprises.id));
  const [items, [total], bySector, byArea] = await Promise.all([
    from()
      .where(where)
      .orderBy(asc(emergencyDrillStatus.lastOnsiteDrillOn), asc(enterprises.name), asc(enterprises.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(enterprises)
      .leftJoin(emergencyDrillStatus, eq(emergencyDrillStatus.enterpriseId, enterprises.id))
      .where(where),
    db
      .select({ key: enterprises.sector, enterprises: sql<number>`count(*)::int`, overdue: overdueN })
      .from(enterprises)
      .leftJoin(emergencyDrillStatus, eq(emergencyDrillStatus.enterpriseId, enterprises.id))
      .where(where)
      .groupBy(enterprises.sector)
      .orderBy(enterprises.sector),
    // Per street: the maintained counts (drills.area-counts.ts, kept per street); an enterprise's own users, and anyone
    // whose area lies below a street, read their few rows directly.
    actor.scopeKind === 'enterprise' || (actor.areaPrefix?.length ?? 0) > 9
      ? directCountsByArea(db, where, today)
      : drillCountsByArea(db, actor, q, today),
  ]);
  return { items, total: total!.n, bySector, byArea };
}

/** Per street counted over the enterprises themselves: the reference the maintained counts are tested against. */
export async function directCountsByArea(db: DbOrTx, where: SQL | undefined, today: string) {
  const areaKey = sql<string>`left(${enterprises.areaCode}, 9)`;
  return db
    .select({
      key: areaKey,
      enterprises: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${overdueWhere(today)})::int`,
    })
    .from(enterprises)
    .leftJoin(emergencyDrillStatus, eq(emergencyDrillStatus.enterpriseId, enterprises.id))
    .where(where)
    .groupBy(areaKey)
    .orderBy(areaKey);
}

/** The direct count with the compliance read's own filters, for tests and the bench. */
export function directCountsFor(db: DbOrTx, actor: Actor, q: { sector?: string; overdue?: boolean }, today: string) {
  const parts: (SQL | undefined)[] = [enterpriseScopeOf(actor), liveEnterprise()];
  if (q.sector) parts.push(eq(enterprises.sector, q.sector));
  if (q.overdue) parts.push(overdueWhere(today));
  return directCountsByArea(db, and(...parts), today);
}
