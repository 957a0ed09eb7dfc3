// SQL of occupational health. Every read goes through the scope predicate on the table's own scope columns.
// refreshProfile is the one place the counted flags change: it recomputes an enterprise's flags from its source rows
// (occupational-health.rules.ts flagsOf) and moves oh_rate_cells by the difference, in the caller's transaction, so
// the rates read from the cells equal a recount of the profiles.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { areas, enterprises, ohDetections, ohHealthChecks, ohPpeIssues, ohProfiles, ohRateCells, ohWorkers } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { flagsOf, ohKeySectors } from './occupational-health.rules';

export type ProfileRow = typeof ohProfiles.$inferSelect;
export type WorkerRow = typeof ohWorkers.$inferSelect;

const profileScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: ohProfiles.areaCode,
    sector: ohProfiles.sector,
    parkId: ohProfiles.parkId,
    enterpriseId: ohProfiles.enterpriseId,
  });
const workerScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: ohWorkers.areaCode,
    sector: ohWorkers.sector,
    parkId: ohWorkers.parkId,
    enterpriseId: ohWorkers.enterpriseId,
  });
const cellScope = (actor: Actor) => scopeWhere(actor, { areaCode: ohRateCells.areaCode, sector: ohRateCells.sector });

export async function findEnterpriseInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      areaCode: enterprises.areaCode,
      sector: enterprises.sector,
      parkId: enterprises.parkId,
    })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.id, id),
        isNull(enterprises.deletedAt),
        scopeWhere(actor, {
          areaCode: enterprises.areaCode,
          sector: enterprises.sector,
          parkId: enterprises.parkId,
          enterpriseId: enterprises.id,
        }),
      ),
    );
  return row ?? null;
}

export async function findProfile(db: DbOrTx, actor: Actor, enterpriseId: string, lock = false): Promise<ProfileRow | null> {
  const q = db
    .select()
    .from(ohProfiles)
    .where(and(eq(ohProfiles.enterpriseId, enterpriseId), profileScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function profileExtras(db: DbOrTx, enterpriseId: string) {
  const [name, detections, ppe] = await Promise.all([
    db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, enterpriseId)),
    db.select().from(ohDetections).where(eq(ohDetections.enterpriseId, enterpriseId)).orderBy(desc(ohDetections.detectedOn)).limit(20),
    db.select().from(ohPpeIssues).where(eq(ohPpeIssues.enterpriseId, enterpriseId)).orderBy(desc(ohPpeIssues.issuedOn)).limit(20),
  ]);
  return { enterpriseName: name[0]?.name ?? '', detections, ppe };
}

/** Each worker's latest periodic check (what the check-up rate counts). */
async function workersWithLastPeriodic(db: DbOrTx, enterpriseId: string) {
  return rowsOf<{ leftOn: string | null; employedFrom: string; lastPeriodicOn: string | null }>(
    await db.execute(sql`select w.left_on::text as "leftOn", w.employed_from::text as "employedFrom",
      (select max(c.checked_on)::text from ${ohHealthChecks} c where c.worker_id = w.id and c.kind = 'periodic') as "lastPeriodicOn"
      from ${ohWorkers} w where w.enterprise_id = ${enterpriseId}`),
  );
}

/** Recomputes a profile's flags and moves the rate cell by the difference. The profile row must be locked or new. */
export async function refreshProfile(tx: DbOrTx, enterpriseId: string, today: string) {
  const [p] = await tx.select().from(ohProfiles).where(eq(ohProfiles.enterpriseId, enterpriseId));
  if (!p) return;
  const next = flagsOf(p, await workersWithLastPeriodic(tx, enterpriseId), today);
  const d = (a: boolean, b: boolean) => Number(b) - Number(a);
  const delta = {
    declared: d(p.declared, next.declared),
    detected: d(p.detected, next.detected),
    ppe: d(p.ppe, next.ppe),
    graded: d(p.graded, next.graded),
    exposedWorkers: next.exposedWorkers - p.exposedWorkers,
    workersChecked: next.workersChecked - p.workersChecked,
  };
  await tx
    .update(ohProfiles)
    .set({
      declared: next.declared,
      detected: next.detected,
      ppe: next.ppe,
      graded: next.graded,
      exposedWorkers: next.exposedWorkers,
      workersChecked: next.workersChecked,
      lapsesOn: next.lapsesOn,
    })
    .where(eq(ohProfiles.enterpriseId, enterpriseId));
  if (Object.values(delta).some((v) => v !== 0)) await moveCell(tx, p.areaCode, p.sector, { enterprises: 0, ...delta });
}

export async function moveCell(
  tx: DbOrTx,
  areaCode: string,
  sector: string,
  d: {
    enterprises: number;
    declared: number;
    detected: number;
    ppe: number;
    graded: number;
    exposedWorkers: number;
    workersChecked: number;
  },
) {
  const c = ohRateCells;
  await tx
    .insert(c)
    .values({ areaCode, sector, ...d })
    .onConflictDoUpdate({
      target: [c.areaCode, c.sector],
      set: {
        enterprises: sql`${c.enterprises} + ${d.enterprises}`,
        declared: sql`${c.declared} + ${d.declared}`,
        detected: sql`${c.detected} + ${d.detected}`,
        ppe: sql`${c.ppe} + ${d.ppe}`,
        graded: sql`${c.graded} + ${d.graded}`,
        exposedWorkers: sql`${c.exposedWorkers} + ${d.exposedWorkers}`,
        workersChecked: sql`${c.workersChecked} + ${d.workersChecked}`,
      },
    });
}

export type CellSums = {
  key: string;
  enterprises: number;
  declared: number;
  detected: number;
  ppe: number;
  graded: number;
  keyEnterprises: number;
  keyDetected: number;
  keyPpe: number;
  keyGraded: number;
  exposedWorkers: number;
  workersChecked: number;
};

/** Where the counted flags are read from: per column, the expression the sums add up. */
interface RateSource {
  from: SQL;
  where: SQL;
  areaCode: SQL;
  sector: SQL;
  enterprises: SQL;
  declared: SQL;
  detected: SQL;
  ppe: SQL;
  graded: SQL;
  exposedWorkers: SQL;
  workersChecked: SQL;
}

/**
 * Area and sector scopes read the maintained cells: a district or a province would otherwise sum hundreds of
 * thousands of profiles. The cells are kept by area and sector only, so they cannot answer a park station (the
 * park is not in their key, and scopeWhere gives a park nothing on them); a park's rates are summed from its own
 * profiles instead — the same counted flags refreshProfile keeps on each profile, so both paths agree — read through
 * oh_profiles_park_idx (migration 0069): one index range of the park's registered enterprises, which a park holds
 * by the hundreds, never a scan of the province's profiles. Keeping a third key in the cells would move every
 * profile's contribution on a change of park as well, for a read that this bounded sum answers as cheaply.
 */
function rateSource(actor: Actor): RateSource {
  if (actor.scopeKind === 'park') {
    const p = ohProfiles;
    const n = (flag: unknown) => sql`(${flag})::int`;
    return {
      from: sql`${p}`,
      where: profileScope(actor),
      areaCode: sql`${p.areaCode}`,
      sector: sql`${p.sector}`,
      enterprises: sql`1`,
      declared: n(p.declared),
      detected: n(p.detected),
      ppe: n(p.ppe),
      graded: n(p.graded),
      exposedWorkers: sql`${p.exposedWorkers}`,
      workersChecked: sql`${p.workersChecked}`,
    };
  }
  const c = ohRateCells;
  return {
    from: sql`${c}`,
    where: cellScope(actor),
    areaCode: sql`${c.areaCode}`,
    sector: sql`${c.sector}`,
    enterprises: sql`${c.enterprises}`,
    declared: sql`${c.declared}`,
    detected: sql`${c.detected}`,
    ppe: sql`${c.ppe}`,
    graded: sql`${c.graded}`,
    exposedWorkers: sql`${c.exposedWorkers}`,
    workersChecked: sql`${c.workersChecked}`,
  };
}

/** The counted flags summed per street or sector in the caller's scope, key-sector columns beside the totals. */
export async function findRateSums(db: DbOrTx, actor: Actor, by: 'street' | 'sector', page: { page: number; pageSize: number }) {
  const c = rateSource(actor);
  const key = by === 'street' ? sql`left(${c.areaCode}, 9)` : c.sector;
  const isKey = sql`${c.sector} in (${sql.join(
    ohKeySectors.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const k = (col: SQL) => sql`coalesce(sum(case when ${isKey} then ${col} else 0 end), 0)::int`;
  const s = (col: SQL) => sql`coalesce(sum(${col}), 0)::int`;
  const sums = sql`${s(c.enterprises)} as "enterprises", ${s(c.declared)} as "declared", ${s(c.detected)} as "detected",
    ${s(c.ppe)} as "ppe", ${s(c.graded)} as "graded", ${k(c.enterprises)} as "keyEnterprises", ${k(c.detected)} as "keyDetected",
    ${k(c.ppe)} as "keyPpe", ${k(c.graded)} as "keyGraded", ${s(c.exposedWorkers)} as "exposedWorkers",
    ${s(c.workersChecked)} as "workersChecked"`;
  const rows = rowsOf<CellSums>(
    await db.execute(sql`select ${key} as key, ${sums} from ${c.from} where ${c.where} group by 1 order by 1
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
  );
  const [total] = rowsOf<CellSums & { groups: number }>(
    await db.execute(sql`select count(distinct ${key})::int as groups, 'all' as key, ${sums} from ${c.from} where ${c.where}`),
  );
  let names = new Map<string, string>();
  if (by === 'street' && rows.length) {
    const a = await db
      .select({ code: areas.code, name: areas.name })
      .from(areas)
      .where(
        inArray(
          areas.code,
          rows.map((r) => r.key),
        ),
      );
    names = new Map(a.map((x) => [x.code, x.name]));
  }
  return { rows: rows.map((r) => ({ ...r, name: names.get(r.key) ?? null })), total: total! };
}

export async function findWorker(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<WorkerRow | null> {
  const q = db
    .select()
    .from(ohWorkers)
    .where(and(eq(ohWorkers.id, id), workerScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findWorkers(db: DbOrTx, actor: Actor, enterpriseId: string, q: { page: number; pageSize: number }) {
  const where = and(eq(ohWorkers.enterpriseId, enterpriseId), workerScope(actor));
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(ohWorkers)
      .where(where)
      .orderBy(asc(ohWorkers.name), asc(ohWorkers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(ohWorkers).where(where),
  ]);
  return { items, total: total!.n };
}

export async function checksOf(db: DbOrTx, workerIds: string[]) {
  const map = new Map<string, (typeof ohHealthChecks.$inferSelect)[]>();
  if (workerIds.length === 0) return map;
  const rows = await db
    .select()
    .from(ohHealthChecks)
    .where(inArray(ohHealthChecks.workerId, workerIds))
    .orderBy(desc(ohHealthChecks.checkedOn));
  for (const r of rows) map.set(r.workerId, [...(map.get(r.workerId) ?? []), r]);
  return map;
}

/** Profiles whose detection is due within `withinDays` (or overdue, or never done), in the caller's scope. */
export async function findDetectionDue(
  db: DbOrTx,
  actor: Actor,
  today: string,
  withinDays: number,
  page: { page: number; pageSize: number },
) {
  const until = addDays(today, withinDays);
  const where = and(profileScope(actor), sql`(${ohProfiles.nextDetectionDue} is null or ${ohProfiles.nextDetectionDue} <= ${until})`);
  const [items, [total]] = await Promise.all([
    db
      .select({ p: ohProfiles, name: enterprises.name })
      .from(ohProfiles)
      .innerJoin(enterprises, eq(enterprises.id, ohProfiles.enterpriseId))
      .where(where)
      .orderBy(sql`${ohProfiles.nextDetectionDue} asc nulls first`, asc(ohProfiles.enterpriseId))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(ohProfiles).where(where),
  ]);
  return { items, total: total!.n };
}

/** Profiles whose flags change by time alone today (a detection, an issue or a check grew old), paged by id. */
export async function lapsedProfiles(db: DbOrTx, today: string, after: string | null, limit: number) {
  const rows = await db
    .select({ id: ohProfiles.enterpriseId })
    .from(ohProfiles)
    .where(
      and(isNotNull(ohProfiles.lapsesOn), lte(ohProfiles.lapsesOn, today), after ? sql`${ohProfiles.enterpriseId} > ${after}` : undefined),
    )
    .orderBy(asc(ohProfiles.enterpriseId))
    .limit(limit);
  return rows.map((r) => r.id);
}
