// Compliance with the 八个一次 for a year, read from the maintained aggregates: the counts of one level of
// duty_compliance (province, city, district or street rows, the children of the caller's root) against the live
// enterprise counts (enterprise_counts, kept by its trigger), so a province read sums a few thousand rows. An
// obligation is due once its period has ended (China date); the rate is accepted ÷ (enterprises × due obligations),
// the 100% target of seed 001 line 13. Enterprises that joined during the year count for the whole year.
import { and, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { DutyComplianceQuery, DutyComplianceView, LaggardQuery } from '@anjian/contracts';
import { areas, dutyCompliance, dutyEnterpriseYears, enterpriseCounts, enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';
import { childLength, rollupRoot } from '../hazards/hazards.rollups';
import { dueOf, missingOf, obligationsOf } from './commitments.rules';
import { COMPLIANCE_LEVELS } from './duties.aggregates';

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

/** The level whose rows answer a root: its children down to streets (a street's own row below that). */
function levelFor(root: string): number {
  const child = childLength(root);
  return COMPLIANCE_LEVELS.find((l) => l >= child) ?? 9;
}

export async function readCompliance(db: DbOrTx, actor: Actor, q: DutyComplianceQuery, today: string): Promise<DutyComplianceView> {
  const year = q.year ?? Number(today.slice(0, 4));
  const root = rollupRoot(actor, q.areaCode);
  const { obligations } = dueOf(year, today);
  const due = new Set(obligations.map((o) => `${o.duty}:${o.period}`));
  const empty: DutyComplianceView = {
    year,
    asOf: today,
    root: root ?? '',
    enterprises: 0,
    due: 0,
    accepted: 0,
    rate: null,
    periods: [],
    areas: [],
    sectors: [],
  };
  if (root === null || root.length > 9) return empty;
  const level = levelFor(root);

  const where: SQL[] = [
    eq(dutyCompliance.year, year),
    eq(dutyCompliance.areaLen, level),
    scopeWhere(actor, { areaCode: dutyCompliance.areaCode, sector: dutyCompliance.sector, parkId: dutyCompliance.parkKey }),
  ];
  if (root) where.push(like(dutyCompliance.areaCode, likePrefix(root)));
  if (q.sector) where.push(eq(dutyCompliance.sector, q.sector));
  const counts = await db
    .select({
      areaCode: dutyCompliance.areaCode,
      sector: dutyCompliance.sector,
      duty: dutyCompliance.duty,
      period: dutyCompliance.period,
      recorded: sql<number>`sum(${dutyCompliance.recorded})::int`,
      accepted: sql<number>`sum(${dutyCompliance.accepted})::int`,
    })
    .from(dutyCompliance)
    .where(and(...where))
    .groupBy(dutyCompliance.areaCode, dutyCompliance.sector, dutyCompliance.duty, dutyCompliance.period);

  const entWhere: SQL[] = [
    scopeWhere(actor, { areaCode: enterpriseCounts.areaCode, sector: enterpriseCounts.sector, parkId: enterpriseCounts.parkId }),
  ];
  if (root) entWhere.push(like(enterpriseCounts.areaCode, likePrefix(root)));
  if (q.sector) entWhere.push(eq(enterpriseCounts.sector, q.sector));
  // The level inlined (a constant from COMPLIANCE_LEVELS): as a parameter, the SELECT and GROUP BY would differ.
  const cut = sql<string>`substr(${enterpriseCounts.areaCode}, 1, ${sql.raw(String(level))})`;
  const ents = await db
    .select({ areaCode: cut, sector: enterpriseCounts.sector, n: sql<number>`sum(${enterpriseCounts.n})::int` })
    .from(enterpriseCounts)
    .where(and(...entWhere))
    .groupBy(cut, enterpriseCounts.sector);

  const byArea = new Map<string, { enterprises: number; accepted: number }>();
  const bySector = new Map<string, { enterprises: number; accepted: number }>();
  const bump = (m: Map<string, { enterprises: number; accepted: number }>, k: string, e: number, a: number) => {
    const v = m.get(k) ?? { enterprises: 0, accepted: 0 };
    v.enterprises += e;
    v.accepted += a;
    m.set(k, v);
  };
  let total = 0;
  for (const e of ents) {
    if (e.n === 0) continue;
    total += e.n;
    bump(byArea, e.areaCode, e.n, 0);
    bump(bySector, e.sector, e.n, 0);
  }
  const perObligation = new Map<string, { recorded: number; accepted: number }>();
  let accepted = 0;
  for (const c of counts) {
    const key = `${c.duty}:${c.period}`;
    const v = perObligation.get(key) ?? { recorded: 0, accepted: 0 };
    v.recorded += c.recorded;
    v.accepted += c.accepted;
    perObligation.set(key, v);
    if (!due.has(key)) continue;
    accepted += c.accepted;
    bump(byArea, c.areaCode, 0, c.accepted);
    bump(bySector, c.sector, 0, c.accepted);
  }
  const names = byArea.size
    ? await db
        .select({ prefix: areas.prefix, name: areas.name })
        .from(areas)
        .where(inArray(areas.prefix, [...byArea.keys()]))
    : [];
  const nameOf = new Map(names.map((n) => [n.prefix, n.name]));
  const dueCount = due.size;
  return {
    year,
    asOf: today,
    root,
    enterprises: total,
    due: total * dueCount,
    accepted,
    rate: rate(accepted, total * dueCount),
    periods: obligationsOf(year).map((o) => {
      const v = perObligation.get(`${o.duty}:${o.period}`) ?? { recorded: 0, accepted: 0 };
      return { duty: o.duty, period: o.period, ended: due.has(`${o.duty}:${o.period}`), ...v, rate: rate(v.accepted, total) };
    }),
    areas: [...byArea.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([areaCode, v]) => ({
        areaCode,
        areaName: nameOf.get(areaCode) ?? null,
        enterprises: v.enterprises,
        due: v.enterprises * dueCount,
        accepted: v.accepted,
        rate: rate(v.accepted, v.enterprises * dueCount),
      })),
    sectors: [...bySector.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([sector, v]) => ({
        sector,
        enterprises: v.enterprises,
        due: v.enterprises * dueCount,
        accepted: v.accepted,
        rate: rate(v.accepted, v.enterprises * dueCount),
      })),
  };
}

/**
 * The enterprises falling behind: live enterprises in scope whose accepted mask lacks an obligation of an ended
 * period. Read from the enterprise-year masks (one row per enterprise), paged; meant for a street or a district.
 */
export async function readLaggards(db: DbOrTx, actor: Actor, q: LaggardQuery, today: string) {
  const year = q.year ?? Number(today.slice(0, 4));
  const { mask, obligations } = dueOf(year, today);
  if (mask === 0) return { items: [], total: 0 };
  const parts: SQL[] = [
    sql`${enterprises.deletedAt} is null`,
    scopeWhere(actor, {
      areaCode: enterprises.areaCode,
      sector: enterprises.sector,
      parkId: enterprises.parkId,
      enterpriseId: enterprises.id,
    }),
    sql`(coalesce(${dutyEnterpriseYears.acceptedMask}, 0) & ${mask}) <> ${mask}`,
  ];
  if (q.areaCode) parts.push(like(enterprises.areaCode, likePrefix(areaPrefixOf(q.areaCode))));
  if (q.sector) parts.push(eq(enterprises.sector, q.sector));
  const from = sql`${enterprises} left join ${dutyEnterpriseYears} on ${dutyEnterpriseYears.enterpriseId} = ${enterprises.id} and ${dutyEnterpriseYears.year} = ${year}`;
  const where = sql.join(parts, sql` and `);
  const rows = rowsOf<{ id: string; name: string; area_code: string; sector: string; accepted_mask: number }>(
    await db.execute(sql`
      select ${enterprises.id} id, ${enterprises.name} name, ${enterprises.areaCode} area_code, ${enterprises.sector} sector,
             coalesce(${dutyEnterpriseYears.acceptedMask}, 0)::int accepted_mask
      from ${from} where ${where}
      order by ${enterprises.areaCode}, ${enterprises.name}, ${enterprises.id}
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  );
  const [n] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int n from ${from} where ${where}`));
  return {
    items: rows.map((r) => {
      const missing = missingOf(year, today, r.accepted_mask);
      return {
        enterpriseId: r.id,
        enterpriseName: r.name,
        areaCode: r.area_code,
        sector: r.sector,
        missing,
        due: obligations.length,
        accepted: obligations.length - missing.length,
      };
    }),
    total: n?.n ?? 0,
  };
}
