// Supervision statistics read from the maintained rollup (hazard_stats_monthly) plus one indexed count of
// hazards overdue now. The caller's scope applies to both, so a street officer's figures cover its street only.
import { and, gte, inArray, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import { sectorLabels, type Bilingual, type HazardStats, type HazardStatsQuery, type HazardStatsRow, type Sector } from '@anjian/contracts';
import { areas, hazards, hazardStatsMonthly } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';
import { addMonths } from '../../platform/time';
import { hazardGradeInfo, hazardSourceInfo, type HazardGrade, type HazardSource } from '../../reference/hazards/classification';
import { hazardScope, overdueWhere } from './hazards.queries';

/** Length of the area codes one level below a root prefix: province 2 → city 4 → district 6 → street 9 → 12 → 15. */
export function childLength(prefix: string): number {
  return prefix.length < 6 ? prefix.length + 2 : prefix.length + 3;
}

interface Grouping {
  rollup: SQL;
  live: SQL;
  label(key: string, names: Map<string, string>): Bilingual;
}

function grouping(q: HazardStatsQuery, root: string): Grouping {
  switch (q.groupBy) {
    case 'area': {
      // Inlined, not a parameter: SELECT and GROUP BY must be the same expression, and two $n would differ.
      const n = sql.raw(String(childLength(root)));
      return {
        rollup: sql`left(${hazardStatsMonthly.areaCode}, ${n})`,
        live: sql`left(${hazards.areaCode}, ${n})`,
        label: (key, names) => {
          const name = names.get(key.padEnd(6, '0')) ?? key;
          return { zh: name, en: name };
        },
      };
    }
    case 'sector':
      return {
        rollup: sql`${hazardStatsMonthly.sector}`,
        live: sql`${hazards.sector}`,
        label: (k) => sectorLabels[k as Sector] ?? { zh: k, en: k },
      };
    case 'source':
      return {
        rollup: sql`${hazardStatsMonthly.source}`,
        live: sql`${hazards.source}`,
        label: (k) => hazardSourceInfo[k as HazardSource]?.label ?? { zh: k, en: k },
      };
    case 'grade':
      return {
        rollup: sql`${hazardStatsMonthly.grade}`,
        live: sql`${hazards.grade}`,
        label: (k) => hazardGradeInfo[k as HazardGrade]?.label ?? { zh: k, en: k },
      };
  }
}

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

export async function hazardStatistics(db: DbOrTx, actor: Actor, q: HazardStatsQuery, today: string): Promise<HazardStats> {
  const root = areaPrefixOf(q.areaCode ?? actor.areaCode ?? '');
  const g = grouping(q, root);
  const rollupWhere: SQL[] = [
    scopeWhere(actor, { areaCode: hazardStatsMonthly.areaCode, sector: hazardStatsMonthly.sector, parkId: hazardStatsMonthly.parkKey }),
  ];
  const liveWhere: SQL[] = [hazardScope(actor), overdueWhere(today)];
  if (q.areaCode) {
    rollupWhere.push(like(hazardStatsMonthly.areaCode, likePrefix(root)));
    liveWhere.push(like(hazards.areaCode, likePrefix(root)));
  }
  if (q.from) {
    rollupWhere.push(gte(hazardStatsMonthly.month, q.from));
    liveWhere.push(gte(hazards.foundOn, `${q.from}-01`));
  }
  if (q.to) {
    rollupWhere.push(lte(hazardStatsMonthly.month, q.to));
    liveWhere.push(lt(hazards.foundOn, addMonths(`${q.to}-01`, 1)));
  }
  const [cohorts, overdue] = await Promise.all([
    db
      .select({
        key: sql<string>`${g.rollup}`,
        found: sql<number>`sum(${hazardStatsMonthly.found})::int`,
        closed: sql<number>`sum(${hazardStatsMonthly.closed})::int`,
        closedLate: sql<number>`sum(${hazardStatsMonthly.closedLate})::int`,
        closeDays: sql<number>`sum(${hazardStatsMonthly.closeDays})::int`,
        self: sql<number>`(coalesce(sum(${hazardStatsMonthly.found}) filter (where ${hazardStatsMonthly.source} = 'enterprise_self_check'), 0))::int`,
        major: sql<number>`(coalesce(sum(${hazardStatsMonthly.found}) filter (where ${hazardStatsMonthly.grade} = 'major'), 0))::int`,
      })
      .from(hazardStatsMonthly)
      .where(and(...rollupWhere))
      .groupBy(g.rollup),
    db
      .select({ key: sql<string>`${g.live}`, n: sql<number>`count(*)::int` })
      .from(hazards)
      .where(and(...liveWhere))
      .groupBy(g.live),
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
  const zero = { found: 0, closed: 0, closedLate: 0, closeDays: 0, self: 0, major: 0, overdue: 0 };
  const total = { ...zero };
  const rows = keys.map((key) => {
    const c = { ...zero, ...cohorts.find((x) => x.key === key), overdue: overdue.find((o) => o.key === key)?.n ?? 0 };
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    return finish(key, g.label(key, names), c);
  });
  return { groupBy: q.groupBy, from: q.from ?? null, to: q.to ?? null, rows, total: finish('total', { zh: '合计', en: 'Total' }, total) };
}
