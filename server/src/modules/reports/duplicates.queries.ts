// SQL of duplicate suggestion and merge. Candidates are in the caller's scope (the same predicate as every report
// read), not merged, submitted within the window of the report, and either about the same enterprise (its id, or
// the same name as typed, case-insensitive) or pinned within the distance: a bounding box on the indexed lat/lon
// prefilters, the haversine distance decides (as modules/emergency/nearest.ts). Bounded by `duplicateRules.limit`.
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { reports } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { boundingBox, EARTH_RADIUS_M } from '../emergency/nearest';
import { duplicateRules } from './duplicates.rules';
import type { ReportRow } from './reports.workflow';

const scope = (actor: Actor) =>
  scopeWhere(actor, { areaCode: reports.areaCode, sector: reports.sector, parkId: reports.parkId, enterpriseId: reports.enterpriseId });

function distanceSql(lat: number, lon: number): SQL<number> {
  return sql<number>`(2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(${reports.lat} - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(${reports.lat})) * power(sin(radians(${reports.lon} - ${lon}::float8) / 2), 2)))))`;
}

export interface DuplicateCandidate {
  row: ReportRow;
  sameEnterprise: boolean;
  distanceM: number | null;
}

type Rules = { distanceM: number; windowDays: number; limit: number };

export async function findDuplicateCandidates(
  db: DbOrTx,
  actor: Actor,
  report: ReportRow,
  rules: Rules = duplicateRules,
): Promise<DuplicateCandidate[]> {
  const base = and(
    scope(actor),
    ne(reports.id, report.id),
    ne(reports.status, 'merged'),
    sql`${reports.submittedOn} between ${addDays(report.submittedOn, -rules.windowDays)} and ${addDays(report.submittedOn, rules.windowDays)}`,
  );
  const order = [asc(reports.submittedOn), asc(reports.createdAt), asc(reports.id)];
  const sameEnterprise: SQL[] = [];
  if (report.enterpriseId) sameEnterprise.push(eq(reports.enterpriseId, report.enterpriseId));
  if (report.enterpriseName) sameEnterprise.push(sql`lower(${reports.enterpriseName}) = lower(${report.enterpriseName})`);
  const byEnterprise = sameEnterprise.length
    ? await db
        .select()
        .from(reports)
        .where(and(base, sameEnterprise.length > 1 ? sql`(${sql.join(sameEnterprise, sql` or `)})` : sameEnterprise[0]))
        .orderBy(...order)
        .limit(rules.limit)
    : [];
  let nearby: { row: ReportRow; d: number }[] = [];
  if (report.lat !== null && report.lon !== null) {
    const b = boundingBox({ lat: report.lat, lng: report.lon }, rules.distanceM);
    const d = distanceSql(report.lat, report.lon);
    const rows = await db
      .select({ row: reports, d })
      .from(reports)
      .where(
        and(
          base,
          sql`${reports.lat} between ${b.latMin} and ${b.latMax}`,
          sql`${reports.lon} between ${b.lngMin} and ${b.lngMax}`,
          sql`${d} <= ${rules.distanceM}`,
        ),
      )
      .orderBy(d, ...order)
      .limit(rules.limit);
    nearby = rows.map((r) => ({ row: r.row, d: Number(r.d) }));
  }
  const out = new Map<string, DuplicateCandidate>();
  for (const row of byEnterprise) out.set(row.id, { row, sameEnterprise: true, distanceM: null });
  for (const { row, d } of nearby) {
    const seen = out.get(row.id);
    if (seen) seen.distanceM = d;
    else out.set(row.id, { row, sameEnterprise: false, distanceM: d });
  }
  return [...out.values()].slice(0, rules.limit);
}

/** Reports already merged into `id` (they follow it when it is merged in turn). */
export async function findMergedInto(db: DbOrTx, id: string) {
  return db.select({ id: reports.id, submittedBy: reports.submittedBy }).from(reports).where(eq(reports.mergedInto, id));
}

/** Moves the reports merged into `from` onto `to` (no status change: they stay 'merged'). */
export async function repointMerged(db: DbOrTx, from: string, to: string) {
  return db
    .update(reports)
    .set({ mergedInto: to, updatedAt: new Date() })
    .where(eq(reports.mergedInto, from))
    .returning({ id: reports.id });
}

/** The accounts that submitted these reports (for the merge notice; the vault is not read). */
export async function submittersOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ submittedBy: reports.submittedBy })
    .from(reports)
    .where(and(inArray(reports.id, ids), sql`${reports.submittedBy} is not null`));
  return [...new Set(rows.map((r) => r.submittedBy!))];
}

/** At most this many points in one answer; a wider viewport is told it is truncated (the web asks to zoom in). */
export const MAP_MAX_POINTS = 5000;

/** Reports in scope pinned inside the viewport (the lat/lon index), newest first; never a reporter field. */
export async function findReportMapPoints(
  db: DbOrTx,
  actor: Actor,
  q: { west: number; south: number; east: number; north: number; status?: string | undefined },
) {
  const where = and(
    scope(actor),
    sql`${reports.lat} between ${Math.min(q.south, q.north)} and ${Math.max(q.south, q.north)}`,
    sql`${reports.lon} between ${Math.min(q.west, q.east)} and ${Math.max(q.west, q.east)}`,
    q.status ? eq(reports.status, q.status) : undefined,
  );
  const rows = await db
    .select({ id: reports.id, lat: reports.lat, lon: reports.lon, status: reports.status, category: reports.category })
    .from(reports)
    .where(where)
    .orderBy(sql`${reports.submittedOn} desc`, asc(reports.id))
    .limit(MAP_MAX_POINTS + 1);
  const truncated = rows.length > MAP_MAX_POINTS;
  const total = truncated
    ? ((
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(reports)
          .where(where)
      )[0]?.n ?? 0)
    : rows.length;
  return { points: rows.slice(0, MAP_MAX_POINTS).map((r) => ({ ...r, lat: r.lat!, lon: r.lon! })), total, truncated };
}
