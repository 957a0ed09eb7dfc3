// SQL of 网格化巡查. Every read goes through the scope predicate on the table's own scope columns: units are the
// caller's enterprises (a grid inspector's area is its grid, so it sees the units filed under its grid), visits and
// registrations carry the unit's area, the coverage aggregate the unit's area, the activity aggregate the inspector's.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { riskLevelKeys, type GridRegistrationListQuery, type GridUnitsQuery } from '@anjian/contracts';
import {
  areas,
  enterprises,
  files,
  gridCoverageMonthly,
  gridDueCounts,
  gridInfoReports,
  gridInspectorMonthly,
  gridRegistrations,
  gridUnitStatus,
  gridVisits,
  users,
} from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { prefixRange, scopeWhere } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { defaultGridFrequency, monthEnd, type GridFrequency } from './grid.rules';

export type GridVisitRow = typeof gridVisits.$inferSelect;
export type GridRegistrationRow = typeof gridRegistrations.$inferSelect;

const enterpriseScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: enterprises.areaCode,
    sector: enterprises.sector,
    parkId: enterprises.parkId,
    enterpriseId: enterprises.id,
  });
const visitScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: gridVisits.areaCode,
    sector: gridVisits.sector,
    parkId: gridVisits.parkId,
    enterpriseId: gridVisits.enterpriseId,
  });
const registrationScope = (actor: Actor) => scopeWhere(actor, { areaCode: gridRegistrations.areaCode });

/** Units a grid patrols: live, operating enterprises. */
const liveUnit = sql`${enterprises.deletedAt} is null and ${enterprises.operatingStatus} = 'operating'`;

/** grid.rules visitIntervalDays as SQL over enterprises (numbers from the configuration only). */
export function intervalSql(f: GridFrequency = defaultGridFrequency): SQL {
  const n = (x: number) => sql.raw(String(Math.trunc(x)));
  const byLevel = riskLevelKeys.map((level) => sql`when ${sql.raw(`'${level}'`)} then ${n(f.byLevel[level])}`);
  const days = sql`(case ${enterprises.riskLevel} ${sql.join(byLevel, sql` `)} else ${n(f.unassessed)} end)`;
  return sql`(case when ${enterprises.isKey} then least(${days}, ${n(f.keyAtMost)}) else ${days} end)`;
}
const nextDueSql = (f: GridFrequency) => sql`(${gridUnitStatus.lastVisitedOn} + ${intervalSql(f)})`;

/** One enterprise the caller may patrol (scope, live); `lock` for the visit's summary. */
export async function findUnit(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      areaCode: enterprises.areaCode,
      sector: enterprises.sector,
      parkId: enterprises.parkId,
      longitude: enterprises.longitude,
      latitude: enterprises.latitude,
    })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseScope(actor), sql`${enterprises.deletedAt} is null`));
  return row ?? null;
}

export async function findUnits(db: DbOrTx, actor: Actor, q: GridUnitsQuery, today: string, f: GridFrequency = defaultGridFrequency) {
  const parts: SQL[] = [liveUnit, enterpriseScope(actor)];
  if (q.q) parts.push(sql`${enterprises.name} like ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const due = nextDueSql(f);
  switch (q.due) {
    case 'never':
      parts.push(sql`${gridUnitStatus.enterpriseId} is null`);
      break;
    case 'overdue':
      parts.push(sql`${due} < ${today}::date`);
      break;
    case 'due_soon':
      parts.push(sql`${due} >= ${today}::date and ${due} <= ${addDays(today, f.dueSoonDays)}::date`);
      break;
    case 'ok':
      parts.push(sql`${due} > ${addDays(today, f.dueSoonDays)}::date`);
      break;
  }
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select({
        enterpriseId: enterprises.id,
        name: enterprises.name,
        address: enterprises.address,
        areaCode: enterprises.areaCode,
        lon: enterprises.longitude,
        lat: enterprises.latitude,
        riskLevel: enterprises.riskLevel,
        isKey: enterprises.isKey,
        lastVisitedAt: gridUnitStatus.lastVisitedAt,
        lastVisitedOn: gridUnitStatus.lastVisitedOn,
        visits: gridUnitStatus.visits,
      })
      .from(enterprises)
      .leftJoin(gridUnitStatus, eq(gridUnitStatus.enterpriseId, enterprises.id))
      .where(where)
      // never visited first, then the most pressing due date
      .orderBy(sql`${due} asc nulls first`, asc(enterprises.name), asc(enterprises.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(enterprises).leftJoin(gridUnitStatus, eq(gridUnitStatus.enterpriseId, enterprises.id)).where(where),
  ]);
  return { items, total: total!.n };
}

/**
 * The caller's units whose next visit is due by `horizon` or that were never visited, most pressing first (never
 * visited, then the earliest due day): the grid inspector's workbench items. Same scope, live-unit rule and frequency
 * as findUnits; risk level and key flag come along for the due day (grid.rules nextDueOn).
 */
export async function findUnitsDueBy(db: DbOrTx, actor: Actor, horizon: string, limit: number, f: GridFrequency = defaultGridFrequency) {
  const due = nextDueSql(f);
  return db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      riskLevel: enterprises.riskLevel,
      isKey: enterprises.isKey,
      lastVisitedOn: gridUnitStatus.lastVisitedOn,
    })
    .from(enterprises)
    .leftJoin(gridUnitStatus, eq(gridUnitStatus.enterpriseId, enterprises.id))
    .where(and(liveUnit, enterpriseScope(actor), sql`(${gridUnitStatus.enterpriseId} is null or ${due} <= ${horizon}::date)`))
    .orderBy(sql`${due} asc nulls first`, asc(enterprises.name), asc(enterprises.id))
    .limit(limit);
}

export async function findVisit(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(gridVisits)
    .where(and(eq(gridVisits.id, id), visitScope(actor)));
  return row ?? null;
}

/** A visit by its id whatever the scope: the idempotency check (answered only to the inspector who sent it). */
export async function findVisitById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(gridVisits).where(eq(gridVisits.id, id));
  return row ?? null;
}

export async function findVisits(db: DbOrTx, actor: Actor, q: { enterpriseId?: string; page: number; pageSize: number }) {
  const parts: SQL[] = [visitScope(actor)];
  if (q.enterpriseId) parts.push(eq(gridVisits.enterpriseId, q.enterpriseId));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(gridVisits)
      .where(where)
      .orderBy(desc(gridVisits.checkedInAt), asc(gridVisits.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(gridVisits).where(where),
  ]);
  return { items, total: total!.n };
}

/** Names, photos and information reports a page of visits refers to. */
export async function visitExtras(db: DbOrTx, rows: GridVisitRow[]) {
  const ids = rows.map((r) => r.id);
  const entIds = [...new Set(rows.map((r) => r.enterpriseId))];
  const userIds = [...new Set(rows.map((r) => r.inspectorId))];
  if (ids.length === 0) return { names: new Map<string, string>(), users: new Map<string, string>(), files: [], reports: [] };
  const [e, u, f, r] = await Promise.all([
    db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, entIds)),
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)),
    db
      .select({ id: files.id, name: files.originalName, mime: files.mime, ownerId: files.ownerId })
      .from(files)
      .where(and(eq(files.ownerType, 'grid_visit'), inArray(files.ownerId, ids)))
      .orderBy(asc(files.createdAt)),
    db
      .select({
        id: gridInfoReports.id,
        kind: gridInfoReports.kind,
        description: gridInfoReports.description,
        visitId: gridInfoReports.visitId,
      })
      .from(gridInfoReports)
      .where(inArray(gridInfoReports.visitId, ids))
      .orderBy(asc(gridInfoReports.createdAt), asc(gridInfoReports.id)),
  ]);
  return { names: new Map(e.map((x) => [x.id, x.name])), users: new Map(u.map((x) => [x.id, x.name])), files: f, reports: r };
}

const LEVEL_LENGTH = { grid: 15, community: 12, street: 9 } as const;
/** The area levels grid_due_counts holds (grid_due_counts_move). */
const DUE_LEVELS: readonly number[] = [9, 12, 15];

/** The frequency grid_due_counts was bucketed with (db/functions/grid_visit_interval.sql: the defaults). */
function bucketedFrequency(f: GridFrequency): boolean {
  const d = defaultGridFrequency;
  return (
    f.unassessed === d.unassessed && f.keyAtMost === d.keyAtMost && riskLevelKeys.every((level) => f.byLevel[level] === d.byLevel[level])
  );
}

/**
 * The level of grid_due_counts that answers an area-scoped caller grouping by `len` characters: the longer of `len`
 * and the caller's prefix, when the table holds it (a prefix of a district or coarser reads the grouping's own level;
 * a community officer's prefix reads community rows). Null for any other scope or frequency: read the units.
 */
export function dueCountsLevel(actor: Actor, len: number, f: GridFrequency): number | null {
  if (actor.scopeKind !== 'area' || !actor.areaPrefix || !bucketedFrequency(f)) return null;
  const level = Math.max(len, actor.areaPrefix.length);
  return DUE_LEVELS.includes(level) ? level : null;
}

/**
 * Coverage for `month` grouped by grid, community or street: units (live enterprises), units visited and visits
 * (the maintained aggregate), units never visited and units still due by the month's end. For an area scope the
 * units come from grid_due_counts (per area level and due month: a sum over a few rows per area); otherwise, or with
 * a frequency other than the one the buckets were made with, from enterprises ⟕ grid_unit_status.
 */
export async function findCoverage(
  db: DbOrTx,
  actor: Actor,
  month: string,
  level: keyof typeof LEVEL_LENGTH,
  f: GridFrequency = defaultGridFrequency,
  opts: { fromUnits?: boolean } = {},
) {
  const len = sql.raw(String(LEVEL_LENGTH[level]));
  const monthStart = `${month}-01`;
  const end = monthEnd(month);
  const covScope = scopeWhere(actor, { areaCode: gridCoverageMonthly.areaCode });
  const dueLevel = opts.fromUnits ? null : dueCountsLevel(actor, LEVEL_LENGTH[level], f);
  // "Still due" by the month's end: never visited, or last visited before the month and due on or before its end.
  const units =
    dueLevel !== null
      ? sql`
        select left(${gridDueCounts.areaCode}, ${len}) as code,
               sum(${gridDueCounts.n})::int as units,
               coalesce(sum(${gridDueCounts.n}) filter (where ${gridDueCounts.dueMonth} = ''), 0)::int as never,
               coalesce(sum(${gridDueCounts.n}) filter (where ${gridDueCounts.dueMonth} < ${month}
                 or (${gridDueCounts.dueMonth} = ${month} and not ${gridDueCounts.dueInVisitMonth})), 0)::int as still_due
        from ${gridDueCounts}
        where ${gridDueCounts.areaLen} = ${dueLevel} and ${scopeWhere(actor, { areaCode: gridDueCounts.areaCode })}
          and ${prefixRange(sql`${gridDueCounts.areaCode}`, actor.areaPrefix ?? '')}
        group by 1
        having sum(${gridDueCounts.n}) > 0`
      : sql`
        select left(${enterprises.areaCode}, ${len}) as code,
               count(*)::int as units,
               count(*) filter (where ${gridUnitStatus.enterpriseId} is null)::int as never,
               count(*) filter (where ${gridUnitStatus.enterpriseId} is null
                 or (${gridUnitStatus.lastVisitedOn} < ${monthStart}::date and ${nextDueSql(f)} <= ${end}::date))::int as still_due
        from ${enterprises} left join ${gridUnitStatus} on ${gridUnitStatus.enterpriseId} = ${enterprises.id}
        where ${liveUnit} and ${enterpriseScope(actor)} and length(${enterprises.areaCode}) >= ${len}
        group by 1`;
  const rows = rowsOf<{
    area_code: string;
    units: number;
    visited: number;
    visits: number;
    never: number;
    still_due: number;
  }>(
    await db.execute(sql`
      with units as (${units}), cov as (
        select left(${gridCoverageMonthly.areaCode}, ${len}) as code,
               sum(${gridCoverageMonthly.unitsVisited})::int as visited, sum(${gridCoverageMonthly.visits})::int as visits
        from ${gridCoverageMonthly}
        where ${gridCoverageMonthly.month} = ${month} and ${covScope} and length(${gridCoverageMonthly.areaCode}) >= ${len}
        group by 1
      )
      select coalesce(u.code, c.code) as area_code, coalesce(u.units, 0) as units, coalesce(c.visited, 0) as visited,
             coalesce(c.visits, 0) as visits, coalesce(u.never, 0) as never, coalesce(u.still_due, 0) as still_due
      from units u full join cov c on c.code = u.code
      order by 1`),
  );
  const names = await areaNames(
    db,
    rows.map((r) => r.area_code),
  );
  return rows.map((r) => ({
    areaCode: r.area_code,
    areaName: names.get(r.area_code) ?? null,
    units: r.units,
    visitedThisMonth: r.visited,
    visits: r.visits,
    stillDue: r.still_due,
    neverVisited: r.never,
  }));
}

export async function findActivity(db: DbOrTx, actor: Actor, month: string) {
  const rows = await db
    .select({
      inspectorId: gridInspectorMonthly.inspectorId,
      name: users.displayName,
      areaCode: gridInspectorMonthly.areaCode,
      visits: gridInspectorMonthly.visits,
      units: gridInspectorMonthly.units,
    })
    .from(gridInspectorMonthly)
    .leftJoin(users, eq(users.id, gridInspectorMonthly.inspectorId))
    .where(and(eq(gridInspectorMonthly.month, month), scopeWhere(actor, { areaCode: gridInspectorMonthly.areaCode })))
    .orderBy(desc(gridInspectorMonthly.visits), asc(gridInspectorMonthly.inspectorId))
    .limit(1000);
  const names = await areaNames(
    db,
    rows.map((r) => r.areaCode),
  );
  return rows.map((r) => ({ ...r, areaName: names.get(r.areaCode) ?? null }));
}

export async function areaNames(db: DbOrTx, codes: string[]) {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique));
  return new Map(rows.map((x) => [x.code, x.name]));
}

export async function findRegistration(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<GridRegistrationRow | null> {
  const q = db
    .select()
    .from(gridRegistrations)
    .where(and(eq(gridRegistrations.id, id), registrationScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findRegistrations(db: DbOrTx, actor: Actor, q: GridRegistrationListQuery) {
  const parts: SQL[] = [registrationScope(actor)];
  if (q.status) parts.push(eq(gridRegistrations.status, q.status));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(gridRegistrations)
      .where(where)
      .orderBy(desc(gridRegistrations.createdAt), asc(gridRegistrations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(gridRegistrations).where(where),
  ]);
  return { items, total: total!.n };
}

export async function registrationNames(db: DbOrTx, rows: GridRegistrationRow[]) {
  const userIds = [...new Set(rows.map((r) => r.registeredBy))];
  const entIds = [...new Set(rows.map((r) => r.enterpriseId).filter((x): x is string => !!x))];
  const [a, u, e] = await Promise.all([
    areaNames(
      db,
      rows.map((r) => r.areaCode),
    ),
    userIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [],
    entIds.length ? db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, entIds)) : [],
  ]);
  return { areas: a, users: new Map(u.map((x) => [x.id, x.name])), enterprises: new Map(e.map((x) => [x.id, x.name])) };
}

/** An area the inspector may file a unit under: a community or grid inside its scope. */
export async function findFilingArea(db: DbOrTx, actor: Actor, code: string) {
  const [row] = await db
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.code, code), inArray(areas.level, ['community', 'grid']), scopeWhere(actor, { areaCode: areas.code })));
  return row ?? null;
}
