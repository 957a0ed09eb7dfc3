// All SQL over indicator base data, targets and imported statistics, plus the monthly death series the
// rates are computed from (registry via the rollup, plus imported statistics).
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { accidentStatistics, areas, indicatorBase, indicatorTargets } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { likePrefix } from '../../platform/scope';
import { aggregateRegistry } from '../accidents/analysis.queries';

export type BaseRow = typeof indicatorBase.$inferSelect;
export type TargetRow = typeof indicatorTargets.$inferSelect;

export async function findAreaRow(db: DbOrTx, code: string) {
  const [row] = await db.select().from(areas).where(eq(areas.code, code));
  return row ?? null;
}

/**
 * Indicators are area aggregates, not records: staff may read those of their own area and below.
 * An industry officer's area is their department's district (their record scope narrows by sector,
 * but a district's rate is by definition over all sectors).
 */
export function mayReadArea(actor: Actor | null, areaCode: string): boolean {
  if (!actor) return true;
  if (actor.scopeKind !== 'area' && actor.scopeKind !== 'sector') return false;
  return !!actor.areaPrefix && areaCode.startsWith(actor.areaPrefix);
}

export async function findBase(db: DbOrTx, areaCode: string, year: number): Promise<BaseRow | null> {
  const [row] = await db
    .select()
    .from(indicatorBase)
    .where(and(eq(indicatorBase.areaCode, areaCode), eq(indicatorBase.year, year)));
  return row ?? null;
}

export async function findTargets(db: DbOrTx, areaCode: string, year: number): Promise<TargetRow[]> {
  return db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.areaCode, areaCode), eq(indicatorTargets.year, year)))
    .orderBy(asc(indicatorTargets.indicator));
}

export interface DeathSeries {
  /** Deaths (含失踪) per month, January first; registry plus monthly statistics. */
  months: number[];
  /** Whole-year statistics (month 0) that the source did not split by month. */
  wholeYear: number;
  hasWholeYear: boolean;
}

/** Monthly deaths in the area subtree for one year, optionally limited to some categories. */
export async function deathSeries(db: DbOrTx, prefix: string, year: number, categories?: readonly string[]): Promise<DeathSeries> {
  const months = new Array<number>(12).fill(0);
  const registry = await aggregateRegistry(
    db,
    null,
    'month',
    { from: year * 100 + 1, to: year * 100 + 12 },
    { areaPrefix: prefix, categories },
    prefix.length,
  );
  for (const r of registry) months[Number(r.key.slice(5, 7)) - 1]! += r.deaths;
  const where = [like(accidentStatistics.areaCode, likePrefix(prefix)), eq(accidentStatistics.year, year)];
  if (categories) {
    where.push(
      sql`${accidentStatistics.category} in (${sql.join(
        categories.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  const stats = await db
    .select({ month: accidentStatistics.month, deaths: sql<number>`sum(${accidentStatistics.deaths})::int` })
    .from(accidentStatistics)
    .where(and(...where))
    .groupBy(accidentStatistics.month);
  let wholeYear = 0;
  let hasWholeYear = false;
  for (const s of stats) {
    if (s.month === 0) {
      wholeYear += s.deaths;
      hasWholeYear = true;
    } else months[s.month - 1]! += s.deaths;
  }
  return { months, wholeYear, hasWholeYear };
}
