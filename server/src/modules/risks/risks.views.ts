// District views over the per-enterprise summary: the four-colour distribution by area or sector, and the
// enterprise → colour list the map paints. Both read enterprise_risk_summary joined to the enterprise (whose own
// area, sector and park decide scope and grouping), never the events.
import { and, eq, inArray, isNull, like, ne, sql } from 'drizzle-orm';
import { sectorLabels, type Lang, type RiskDistribution, type RiskDistributionQuery, type Sector } from '@anjian/contracts';
import { areas, enterpriseRiskSummary, enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';
import { isRiskLevel, riskColour } from '../../reference/risk/levels';

const enterpriseScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: enterprises.areaCode,
    sector: enterprises.sector,
    parkId: enterprises.parkId,
    enterpriseId: enterprises.id,
  });

/** Length of the codes one level below a prefix: province 44 → city 4403 → district 440307 → street → community → grid. */
export function childPrefixLength(prefixLength: number): number {
  if (prefixLength <= 2) return 4;
  if (prefixLength <= 4) return 6;
  return Math.min(prefixLength + 3, 15);
}

/** The prefix whose children are the groups: the asked area, else the caller's own root. */
export function rootPrefix(actor: Actor, areaCode: string | undefined): string {
  if (areaCode) return areaPrefixOf(areaCode);
  return actor.areaPrefix ?? (actor.areaCode ? areaPrefixOf(actor.areaCode) : '');
}

interface GroupRow {
  key: string;
  e_major: number;
  e_significant: number;
  e_general: number;
  e_low: number;
  e_none: number;
  major: number;
  significant: number;
  general: number;
  low: number;
}

export async function riskDistribution(db: DbOrTx, actor: Actor, q: RiskDistributionQuery, lang: Lang): Promise<RiskDistribution> {
  const prefix = rootPrefix(actor, q.areaCode);
  const n = childPrefixLength(prefix.length);
  const groupKey = q.groupBy === 'sector' ? sql`${enterprises.sector}` : sql`left(${enterprises.areaCode}, ${n})`;
  // Closed enterprises are no longer supervised; suspended ones still are (they may resume).
  const where = and(
    isNull(enterprises.deletedAt),
    ne(enterprises.operatingStatus, 'closed'),
    prefix ? like(enterprises.areaCode, likePrefix(prefix)) : undefined,
    enterpriseScope(actor),
  );
  const s = enterpriseRiskSummary;
  const result = await db.execute(sql`
    select ${groupKey} as key,
           count(*) filter (where ${s.level} = 'major')::int as e_major,
           count(*) filter (where ${s.level} = 'significant')::int as e_significant,
           count(*) filter (where ${s.level} = 'general')::int as e_general,
           count(*) filter (where ${s.level} = 'low')::int as e_low,
           count(*) filter (where ${s.level} is null)::int as e_none,
           coalesce(sum(${s.major}), 0)::int as major,
           coalesce(sum(${s.significant}), 0)::int as significant,
           coalesce(sum(${s.general}), 0)::int as general,
           coalesce(sum(${s.low}), 0)::int as low
      from ${enterprises} left join ${s} on ${s.enterpriseId} = ${enterprises.id}
     where ${where}
     group by 1
     order by 1`);
  const rows = rowsOf<GroupRow>(result);
  const names = new Map<string, string>();
  if (q.groupBy === 'area' && rows.length > 0) {
    const found = await db
      .select({ prefix: areas.prefix, name: areas.name })
      .from(areas)
      .where(
        inArray(
          areas.prefix,
          rows.map((r) => r.key),
        ),
      );
    for (const a of found) names.set(a.prefix, a.name);
  }
  const nameOf = (key: string) =>
    q.groupBy === 'sector'
      ? (sectorLabels[key as Sector]?.[lang] ?? key)
      : (names.get(key) ?? (lang === 'zh' ? `区划 ${key}` : `Area ${key}`));
  return {
    groupBy: q.groupBy,
    groups: rows.map((r) => ({
      key: r.key,
      name: nameOf(r.key),
      enterprises: { major: r.e_major, significant: r.e_significant, general: r.e_general, low: r.e_low, none: r.e_none },
      events: { major: r.major, significant: r.significant, general: r.general, low: r.low },
    })),
  };
}

export async function mapColours(db: DbOrTx, actor: Actor, q: { bbox?: string; limit: number }) {
  const box = q.bbox?.split(',').map(Number) as [number, number, number, number] | undefined;
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      longitude: enterprises.longitude,
      latitude: enterprises.latitude,
      level: enterpriseRiskSummary.level,
    })
    .from(enterprises)
    .leftJoin(enterpriseRiskSummary, eq(enterpriseRiskSummary.enterpriseId, enterprises.id))
    .where(
      and(
        isNull(enterprises.deletedAt),
        sql`${enterprises.longitude} is not null and ${enterprises.latitude} is not null`,
        box
          ? sql`${enterprises.longitude} between ${box[0]} and ${box[2]} and ${enterprises.latitude} between ${box[1]} and ${box[3]}`
          : undefined,
        enterpriseScope(actor),
      ),
    )
    .orderBy(enterprises.id)
    .limit(q.limit + 1);
  const truncated = rows.length > q.limit;
  return {
    items: rows.slice(0, q.limit).map((r) => {
      const level = isRiskLevel(r.level) ? r.level : null;
      return {
        enterpriseId: r.enterpriseId,
        name: r.name,
        longitude: r.longitude!,
        latitude: r.latitude!,
        level,
        colour: level ? riskColour(level) : null,
      };
    }),
    truncated,
  };
}
