// The enterprise's quarterly and annual hidden-danger statistics (令16号: analyse every quarter and year, report
// by the 15th of the next quarter's first month / 31 January), generated from its own hazards.
import { and, eq, sql } from 'drizzle-orm';
import type { HazardReport } from '@anjian/contracts';
import { hazardListings, hazards } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { fieldError, notFound } from '../../platform/errors';
import { cstIso } from '../../platform/time';
import { statisticsReportDue, type StatisticsPeriod } from '../../reference/hazards/deadlines';
import { findEnterpriseInScope } from '../enterprises/enterprises.queries';

export function parsePeriod(period: string): StatisticsPeriod & { from: string; to: string; label: string } {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(period);
  if (!m) throw fieldError('period', '统计期应写作 2026Q3 或 2026', 'Write the period as 2026Q3 or 2026');
  const year = Number(m[1]);
  if (year < 2008) throw fieldError('period', '令16号自2008年起施行', '令16号 applies from 2008');
  if (!m[2]) return { kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  const quarter = Number(m[2]) as 1 | 2 | 3 | 4;
  const startMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, startMonth + 2, 0)).getUTCDate();
  return {
    kind: 'quarter',
    year,
    quarter,
    from: `${year}-${String(startMonth).padStart(2, '0')}-01`,
    to: `${year}-${String(startMonth + 2).padStart(2, '0')}-${lastDay}`,
    label: `${year}年第${quarter}季度`,
  };
}

export async function enterpriseHazardReport(
  db: DbOrTx,
  actor: Actor,
  enterpriseId: string,
  period: string,
  today: string,
): Promise<HazardReport> {
  const p = parsePeriod(period);
  const enterprise = await findEnterpriseInScope(db, actor, enterpriseId);
  if (!enterprise) throw notFound();
  // As of the period's end, or today for the current period: "open" and "overdue" are judged on that day.
  const asOf = p.to < today ? p.to : today;
  const rectifiedOn = sql`coalesce(${hazards.submittedOn}, ${hazards.closedOn})`;
  const found = sql`${hazards.foundOn} between ${p.from} and ${p.to}`;
  const openAtEnd = sql`${hazards.foundOn} <= ${asOf} and (${hazards.closedOn} is null or ${hazards.closedOn} > ${asOf})`;
  const rows = await db
    .select({
      id: hazards.id,
      number: hazards.number,
      description: hazards.description,
      state: hazards.state,
      grade: hazards.grade,
      source: hazards.source,
      category: hazards.category,
      listed: sql<boolean>`${hazardListings.hazardId} is not null`,
      inPeriod: sql<boolean>`${found}`,
      closedInPeriod: sql<boolean>`coalesce(${hazards.closedOn} between ${p.from} and ${p.to}, false)`,
      closedAmongFound: sql<boolean>`coalesce(${hazards.closedOn} <= ${asOf}, false)`,
      open: sql<boolean>`${openAtEnd}`,
      overdue: sql<boolean>`coalesce(${openAtEnd} and ${hazards.deadline} < ${asOf} and (${rectifiedOn} is null or ${rectifiedOn} > ${asOf}), false)`,
    })
    .from(hazards)
    .leftJoin(hazardListings, eq(hazardListings.hazardId, hazards.id))
    .where(
      and(eq(hazards.enterpriseId, enterprise.id), sql`(${found} or ${openAtEnd} or ${hazards.closedOn} between ${p.from} and ${p.to})`),
    );
  const tally = (key: 'grade' | 'source' | 'category') => {
    const out: Record<string, number> = {};
    for (const r of rows.filter((x) => x.inPeriod)) out[r[key]] = (out[r[key]] ?? 0) + 1;
    return out;
  };
  const inPeriod = rows.filter((r) => r.inPeriod);
  const closedOfFound = inPeriod.filter((r) => r.closedAmongFound).length;
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    period: { kind: p.kind, label: p.label, from: p.from, to: p.to },
    due: statisticsReportDue(p),
    found: inPeriod.length,
    foundByGrade: tally('grade'),
    foundBySource: tally('source'),
    foundByCategory: tally('category'),
    closedInPeriod: rows.filter((r) => r.closedInPeriod).length,
    openAtEnd: rows.filter((r) => r.open).length,
    overdueAtEnd: rows.filter((r) => r.overdue).length,
    rectificationRate: inPeriod.length > 0 ? Math.round((closedOfFound / inPeriod.length) * 10000) / 10000 : null,
    majorHazards: rows
      .filter((r) => r.grade === 'major' && (r.inPeriod || r.open))
      .map((r) => ({
        id: r.id,
        number: r.number,
        description: r.description,
        state: r.state as HazardReport['majorHazards'][number]['state'],
        listed: r.listed,
      })),
    generatedAt: cstIso(new Date()),
  };
}
