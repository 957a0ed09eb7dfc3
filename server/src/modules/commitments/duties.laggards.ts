// The enterprises falling behind on the 八个一次, counted per area for any scope up to a province, from the maintained
// aggregates only: per child area of the caller's root, its live enterprises (enterprise_counts) minus the
// enterprise-years kept through today's stage (duty_kept_counts, kept_through ≥ stageOn(year, today)). No enterprise
// and no mask is read, so a province answers from a few thousand rows; the list of one street's laggards by name is
// readLaggards (duties.compliance.ts), which reads the masks. Sorted by laggards, then area code; paged.
// Enterprises moved to another area or deleted after their records keep their counts where they were (as
// duty_compliance does); the count never goes below zero.
import { and, eq, gte, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { LaggardAreaQuery } from '@anjian/contracts';
import { areas, dutyKeptCounts, enterpriseCounts } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { likePrefix, scopeWhere } from '../../platform/scope';
import { childLength, rollupRoot } from '../hazards/hazards.rollups';
import { stageOn } from './commitments.rules';
import { COMPLIANCE_LEVELS } from './duties.aggregates';

const levelFor = (root: string) => COMPLIANCE_LEVELS.find((l) => l >= childLength(root)) ?? 9;

export async function readLaggardAreas(db: DbOrTx, actor: Actor, q: LaggardAreaQuery, today: string) {
  const year = q.year ?? Number(today.slice(0, 4));
  const stage = stageOn(year, today);
  const root = rollupRoot(actor, q.areaCode);
  const empty = { year, stage, items: [], total: 0, laggards: 0 };
  if (root === null || root.length > 9 || stage === 0) return empty;
  const level = levelFor(root);

  const keptWhere: SQL[] = [
    eq(dutyKeptCounts.year, year),
    eq(dutyKeptCounts.areaLen, level),
    gte(dutyKeptCounts.keptThrough, stage),
    scopeWhere(actor, { areaCode: dutyKeptCounts.areaCode, sector: dutyKeptCounts.sector, parkId: dutyKeptCounts.parkKey }),
  ];
  if (root) keptWhere.push(like(dutyKeptCounts.areaCode, likePrefix(root)));
  if (q.sector) keptWhere.push(eq(dutyKeptCounts.sector, q.sector));
  const kept = await db
    .select({ areaCode: dutyKeptCounts.areaCode, n: sql<number>`sum(${dutyKeptCounts.n})::int` })
    .from(dutyKeptCounts)
    .where(and(...keptWhere))
    .groupBy(dutyKeptCounts.areaCode);

  const entWhere: SQL[] = [
    scopeWhere(actor, { areaCode: enterpriseCounts.areaCode, sector: enterpriseCounts.sector, parkId: enterpriseCounts.parkId }),
  ];
  if (root) entWhere.push(like(enterpriseCounts.areaCode, likePrefix(root)));
  if (q.sector) entWhere.push(eq(enterpriseCounts.sector, q.sector));
  // The level inlined (a constant of COMPLIANCE_LEVELS) so the SELECT and the GROUP BY are the same expression.
  const cut = sql<string>`substr(${enterpriseCounts.areaCode}, 1, ${sql.raw(String(level))})`;
  const ents = await db
    .select({ areaCode: cut, n: sql<number>`sum(${enterpriseCounts.n})::int` })
    .from(enterpriseCounts)
    .where(and(...entWhere))
    .groupBy(cut);

  const keptBy = new Map(kept.map((k) => [k.areaCode, k.n]));
  const rows = ents
    .filter((e) => e.n > 0)
    .map((e) => {
      const k = Math.min(e.n, keptBy.get(e.areaCode) ?? 0);
      return { areaCode: e.areaCode, enterprises: e.n, kept: k, laggards: e.n - k };
    })
    .sort((a, b) => b.laggards - a.laggards || a.areaCode.localeCompare(b.areaCode));
  const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const names = page.length
    ? await db
        .select({ prefix: areas.prefix, name: areas.name })
        .from(areas)
        .where(
          inArray(
            areas.prefix,
            page.map((r) => r.areaCode),
          ),
        )
    : [];
  const nameOf = new Map(names.map((n) => [n.prefix, n.name]));
  return {
    year,
    stage,
    items: page.map((r) => ({
      ...r,
      areaName: nameOf.get(r.areaCode) ?? null,
      rate: r.enterprises > 0 ? Math.round((r.kept / r.enterprises) * 10000) / 10000 : null,
    })),
    total: rows.length,
    laggards: rows.reduce((s, r) => s + r.laggards, 0),
  };
}
