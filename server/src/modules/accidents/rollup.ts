// The monthly rollup (accident_monthly_rollup): each accident contributes one unit to one key, and every
// write moves that contribution in the same transaction; the workbench and the assessment read it. (Analysis
// reads the per-dimension rollup, kept by a trigger: every dimension at once makes this one nearly as large as
// the registry.) `rollupFromRegistry` is the plain GROUP BY the rollup must always equal (tests compare them;
// an operator can rebuild from it).
import { and, eq, sql } from 'drizzle-orm';
import { accidentMonthlyRollup as rollup, accidents } from '../../db/schema';
import { insertRowsSql } from '../../platform/bulk-insert';
import type { DbOrTx } from '../../platform/db';
import { cstDate } from '../../platform/time';

/** Street level (9 digits) is the finest area the rollup keeps. */
export const ROLLUP_AREA_DIGITS = 9;

export interface RollupKey {
  areaCode: string;
  sector: string;
  category: string;
  typeKey: string;
  causeCategory: string;
  level: string;
  year: number;
  month: number;
}

export interface RollupValues {
  accidents: number;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossWan: number;
}

type Contributor = Pick<
  typeof accidents.$inferSelect,
  | 'areaCode'
  | 'sector'
  | 'category'
  | 'typeScheme'
  | 'typeCode'
  | 'causeCategory'
  | 'level'
  | 'occurredAt'
  | 'deaths'
  | 'missing'
  | 'seriousInjuries'
  | 'directLossWan'
>;

export function rollupKeyOf(a: Contributor): RollupKey {
  const day = cstDate(a.occurredAt);
  return {
    areaCode: a.areaCode.slice(0, ROLLUP_AREA_DIGITS),
    sector: a.sector ?? '',
    category: a.category,
    typeKey: `${a.typeScheme}:${a.typeCode}`,
    causeCategory: a.causeCategory,
    level: a.level,
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
  };
}

/** Adds (sign 1) or removes (sign −1) one accident's contribution; empty keys are deleted. */
export async function applyToRollup(db: DbOrTx, a: Contributor, sign: 1 | -1): Promise<void> {
  const key = rollupKeyOf(a);
  const values: RollupValues = {
    accidents: sign,
    deaths: sign * a.deaths,
    missing: sign * a.missing,
    seriousInjuries: sign * a.seriousInjuries,
    directLossWan: sign * a.directLossWan,
  };
  await db
    .insert(rollup)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [
        rollup.areaCode,
        rollup.sector,
        rollup.category,
        rollup.typeKey,
        rollup.causeCategory,
        rollup.level,
        rollup.year,
        rollup.month,
      ],
      set: {
        accidents: sql`${rollup.accidents} + excluded.accidents`,
        deaths: sql`${rollup.deaths} + excluded.deaths`,
        missing: sql`${rollup.missing} + excluded.missing`,
        seriousInjuries: sql`${rollup.seriousInjuries} + excluded.serious_injuries`,
        directLossWan: sql`${rollup.directLossWan} + excluded.direct_loss_wan`,
      },
    });
  if (sign < 0) {
    await db
      .delete(rollup)
      .where(
        and(
          eq(rollup.areaCode, key.areaCode),
          eq(rollup.sector, key.sector),
          eq(rollup.category, key.category),
          eq(rollup.typeKey, key.typeKey),
          eq(rollup.causeCategory, key.causeCategory),
          eq(rollup.level, key.level),
          eq(rollup.year, key.year),
          eq(rollup.month, key.month),
          eq(rollup.accidents, 0),
        ),
      );
  }
}

/** Moves an accident's contribution from its old figures and key to the new ones. */
export async function moveInRollup(db: DbOrTx, before: Contributor, after: Contributor): Promise<void> {
  await applyToRollup(db, before, -1);
  await applyToRollup(db, after, 1);
}

const cstMonthOf = (part: 'year' | 'month') =>
  sql<number>`extract(${sql.raw(part)} from ${accidents.occurredAt} at time zone 'Asia/Shanghai')::int`;

/** The plain GROUP BY over the registry that the rollup must equal, key for key. */
export async function rollupFromRegistry(db: DbOrTx): Promise<(RollupKey & RollupValues)[]> {
  const key = {
    areaCode: sql<string>`left(${accidents.areaCode}, ${sql.raw(String(ROLLUP_AREA_DIGITS))})`,
    sector: sql<string>`coalesce(${accidents.sector}, '')`,
    category: accidents.category,
    typeKey: sql<string>`${accidents.typeScheme} || ':' || ${accidents.typeCode}`,
    causeCategory: accidents.causeCategory,
    level: accidents.level,
    year: cstMonthOf('year'),
    month: cstMonthOf('month'),
  };
  const rows = await db
    .select({
      ...key,
      accidents: sql<number>`count(*)::int`,
      deaths: sql<number>`sum(${accidents.deaths})::int`,
      missing: sql<number>`sum(${accidents.missing})::int`,
      seriousInjuries: sql<number>`sum(${accidents.seriousInjuries})::int`,
      directLossWan: sql<number>`sum(${accidents.directLossWan})`.mapWith(Number),
    })
    .from(accidents)
    .groupBy(...Object.values(key));
  return rows;
}

/**
 * Replaces the monthly rollup with the GROUP BY, and the per-dimension rollup analysis reads (kept by a trigger,
 * see analysis.queries.ts) with its rebuild function: operator repair and bulk loads that bypass the commands or
 * run with the trigger off. Returns the monthly rollup's row count.
 */
export async function rebuildRollup(db: DbOrTx): Promise<number> {
  await db.delete(rollup);
  const rows = await rollupFromRegistry(db);
  // In chunks of 5,000 rows, each one JSON parameter (platform/bulk-insert.ts): drizzle's builder overflowed its stack on
  // every group of a province's ten years in one INSERT, and spent ~4.5 µs a value on chunks.
  for (let i = 0; i < rows.length; i += 5000) await db.execute(insertRowsSql(rollup, rows.slice(i, i + 5000)));
  await db.execute(sql`select accident_dimension_rollup_rebuild()`);
  return rows.length;
}
