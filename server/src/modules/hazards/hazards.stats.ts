// Supervision statistics read from the maintained rollups: cohorts by month found (hazard_stats_monthly) and the
// open ones by deadline (hazard_open_counts) for "overdue now". Both at the one area level that answers the
// question, under the caller's scope, so a street officer's figures cover its street only and a province's by
// city read a few thousand rows whatever the history holds.
import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import { sectorLabels, type Bilingual, type HazardStats, type HazardStatsQuery, type HazardStatsRow, type Sector } from '@anjian/contracts';
import { areas, hazardOpenCounts, hazardStatsMonthly } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { hazardGradeInfo, hazardSourceInfo, type HazardGrade, type HazardSource } from '../../reference/hazards/classification';
import { childLength, levelFor, overdueOpenCounts, rollupRoot, rollupsServe, rollupWhere } from './hazards.rollups';

type Dimension = 'areaCode' | 'sector' | 'source' | 'grade';

function grouping(q: HazardStatsQuery): { dimension: Dimension; label(key: string, names: Map<string, string>): Bilingual } {
  switch (q.groupBy) {
    case 'area':
      return {
        dimension: 'areaCode',
        label: (key, names) => {
          const name = names.get(key.padEnd(6, '0')) ?? key;
          return { zh: name, en: name };
        },
      };
    case 'sector':
      return { dimension: 'sector', label: (k) => sectorLabels[k as Sector] ?? { zh: k, en: k } };
    case 'source':
      return { dimension: 'source', label: (k) => hazardSourceInfo[k as HazardSource]?.label ?? { zh: k, en: k } };
    case 'grade':
      return { dimension: 'grade', label: (k) => hazardGradeInfo[k as HazardGrade]?.label ?? { zh: k, en: k } };
  }
}

const ZERO = { found: 0, closed: 0, closedLate: 0, closeDays: 0, self: 0, major: 0, overdue: 0 };
const TOTAL: Bilingual = { zh: '合计', en: 'Total' };

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

function finish(
  key: string,
  label: Bilingual,
  c: { found: number; closed: number; closedLate: number; closeDays: number; self: number; major: number; overdue: number },
): HazardStatsRow {
  return {
    key,
    label,
    found: c.found,
    rectified: c.closed,
    rectificationRate: ratio(c.closed, c.found),
    overdue: c.overdue,
    closedLate: c.closedLate,
    averageDaysToClose: c.closed > 0 ? Math.round((c.closeDays / c.closed) * 10) / 10 : null,
    selfReported: c.self,
    selfReportShare: ratio(c.self, c.found),
    major: c.major,
  };
}

const STREET_LENGTH = 9;

/**
 * The code length of the areas a "by area" answer lists. One level below the root for area and sector scopes: a
 * district by street, a street by community. A park station's root is the whole province (its scope is the park,
 * not an area), so one level down was a single province row; a park lies within a district, and what its station
 * compares is the streets its enterprises stand in — so a park is answered by street at the least (by community
 * within a street it picks). Its rows are the park's own, read through the rollups' park index (migration 0070).
 */
export function areaGroupLength(actor: Actor, root: string): number {
  const child = childLength(root);
  return actor.scopeKind === 'park' ? Math.max(child, STREET_LENGTH) : child;
}

export async function hazardStatistics(db: DbOrTx, actor: Actor, q: HazardStatsQuery, today: string): Promise<HazardStats> {
  const g = grouping(q);
  const root = rollupsServe(actor) ? rollupRoot(actor, q.areaCode) : null;
  const empty = (rows: HazardStatsRow[]) => ({
    groupBy: q.groupBy,
    from: q.from ?? null,
    to: q.to ?? null,
    rows,
    total: finish('total', TOTAL, ZERO),
  });
  if (root === null) return empty([]);
  // By area: the rows one level below the root; otherwise the root's own level, a handful of rows per month.
  const level = levelFor(q.groupBy === 'area' ? areaGroupLength(actor, root) : root.length);
  const s = hazardStatsMonthly;
  const o = hazardOpenCounts;
  const statsWhere = rollupWhere(actor, s, root, level);
  const openWhere = [...rollupWhere(actor, o, root, level), overdueOpenCounts(o.state, o.deadlineKey, today)];
  if (q.from) {
    statsWhere.push(gte(s.month, q.from));
    openWhere.push(gte(o.month, q.from));
  }
  if (q.to) {
    statsWhere.push(lte(s.month, q.to));
    openWhere.push(lte(o.month, q.to));
  }
  const [cohorts, overdue] = await Promise.all([
    db
      .select({
        key: sql<string>`${s[g.dimension]}`,
        found: sql<number>`sum(${s.found})::int`,
        closed: sql<number>`sum(${s.closed})::int`,
        closedLate: sql<number>`sum(${s.closedLate})::int`,
        closeDays: sql<number>`sum(${s.closeDays})::int`,
        self: sql<number>`(coalesce(sum(${s.found}) filter (where ${s.source} = 'enterprise_self_check'), 0))::int`,
        major: sql<number>`(coalesce(sum(${s.found}) filter (where ${s.grade} = 'major'), 0))::int`,
      })
      .from(s)
      .where(and(...statsWhere))
      .groupBy(s[g.dimension]),
    db
      .select({ key: sql<string>`${o[g.dimension]}`, n: sql<number>`sum(${o.n})::int` })
      .from(o)
      .where(and(...openWhere))
      .groupBy(o[g.dimension]),
  ]);
  const keys = [...new Set([...cohorts.map((c) => c.key), ...overdue.map((o) => o.key)])].sort();
  const names = new Map<string, string>();
  if (q.groupBy === 'area' && keys.length > 0) {
    const rows = await db
      .select({ code: areas.code, name: areas.name })
      .from(areas)
      .where(
        inArray(
          areas.code,
          keys.map((k) => k.padEnd(6, '0')),
        ),
      );
    for (const r of rows) names.set(r.code, r.name);
  }
  const total = { ...ZERO };
  const rows = keys.map((key) => {
    const c = { ...ZERO, ...cohorts.find((x) => x.key === key), overdue: overdue.find((o) => o.key === key)?.n ?? 0 };
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    return finish(key, g.label(key, names), c);
  });
  return { ...empty(rows), total: finish('total', TOTAL, total) };
}
