// Aggregate SQL for analysis, hotspots and indicators. Area- and sector-scoped callers are answered
// from the monthly rollup (street-level rows, so a province is a few thousand rows, never the
// registry); callers whose scope or filter is finer than a street (grid, park, enterprise) are answered
// from the registry itself, which for them is small by construction. Both paths share one shape.
import { and, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { accidentMonthlyRollup as r, accidents as a, accidentStatistics as s } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { likePrefix, scopeWhere } from '../../platform/scope';
import { cstStartOfDay } from '../../platform/time';
import { accidentScope } from './accidents.queries';
import { ROLLUP_AREA_DIGITS } from './rollup';

export type GroupKey = 'year' | 'month' | 'area' | 'sector' | 'type' | 'cause' | 'category' | 'level';

/** Months as yyyymm numbers, both ends inclusive. */
export interface MonthWindow {
  from: number;
  to: number;
}

export interface AggFilter {
  /** Area code prefix (platform/scope.ts `areaPrefixOf`). */
  areaPrefix?: string;
  category?: string;
  categories?: readonly string[];
  sector?: string;
}

export interface AggRow {
  key: string;
  accidents: number;
  /** 死亡（含失踪）, as the national statistics count them. */
  deaths: number;
  seriousInjuries: number;
  directLossWan: number;
}

const ymStart = (ym: number) => cstStartOfDay(`${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')}-01`);
export const nextMonth = (ym: number) => (ym % 100 === 12 ? ym + 89 : ym + 1);
export const shiftYears = (w: MonthWindow, years: number): MonthWindow => ({ from: w.from + years * 100, to: w.to + years * 100 });

/** The code of the child area under a root prefix of the given length (province → city → district → street …). */
function childArea(col: SQL | typeof r.areaCode, rootLength: number): SQL {
  if (rootLength < 2) return sql`rpad(left(${col}, 2), 6, '0')`;
  if (rootLength < 4) return sql`rpad(left(${col}, 4), 6, '0')`;
  if (rootLength < 6) return sql`left(${col}, 6)`;
  if (rootLength < 9) return sql`left(${col}, 9)`;
  if (rootLength < 12) return sql`left(${col}, 12)`;
  return sql`left(${col}, 15)`;
}

/** Whether the rollup can answer: it holds street-level areas and has no park or enterprise column. */
export function rollupCanAnswer(actor: Actor | null, f: AggFilter, group: GroupKey, rootLength: number): boolean {
  if (actor && actor.scopeKind !== 'area' && actor.scopeKind !== 'sector') return false;
  if (actor && (actor.areaPrefix?.length ?? 99) > ROLLUP_AREA_DIGITS) return false;
  if ((f.areaPrefix?.length ?? 0) > ROLLUP_AREA_DIGITS) return false;
  return group !== 'area' || rootLength < ROLLUP_AREA_DIGITS;
}

const inCategories = (col: SQL | typeof r.category, cats: readonly string[]) =>
  sql`${col} in (${sql.join(
    cats.map((c) => sql`${c}`),
    sql`, `,
  )})`;

export function rollupQuery(db: DbOrTx, actor: Actor | null, group: GroupKey, w: MonthWindow, f: AggFilter, rootLength: number) {
  const keys: Record<GroupKey, SQL> = {
    year: sql`${r.year}::text`,
    month: sql`${r.year}::text || '-' || lpad(${r.month}::text, 2, '0')`,
    area: childArea(r.areaCode, rootLength),
    sector: sql`${r.sector}`,
    type: sql`${r.typeKey}`,
    cause: sql`${r.causeCategory}`,
    category: sql`${r.category}`,
    level: sql`${r.level}`,
  };
  const where: SQL[] = [sql`(${r.year} * 100 + ${r.month}) between ${w.from} and ${w.to}`];
  if (actor) where.push(scopeWhere(actor, { areaCode: r.areaCode, sector: r.sector }));
  if (f.areaPrefix) where.push(like(r.areaCode, likePrefix(f.areaPrefix)));
  if (f.category) where.push(eq(r.category, f.category));
  if (f.categories) where.push(inCategories(r.category, f.categories));
  if (f.sector) where.push(eq(r.sector, f.sector));
  const key = keys[group];
  return db
    .select({
      key: sql<string>`${key}`,
      accidents: sql<number>`coalesce(sum(${r.accidents}), 0)::int`,
      deaths: sql<number>`coalesce(sum(${r.deaths} + ${r.missing}), 0)::int`,
      seriousInjuries: sql<number>`coalesce(sum(${r.seriousInjuries}), 0)::int`,
      directLossWan: sql<number>`coalesce(sum(${r.directLossWan}), 0)`.mapWith(Number),
    })
    .from(r)
    .where(and(...where))
    .groupBy(key);
}

export function registryQuery(db: DbOrTx, actor: Actor | null, group: GroupKey, w: MonthWindow, f: AggFilter, rootLength: number) {
  const local = sql`(${a.occurredAt} at time zone 'Asia/Shanghai')`;
  const keys: Record<GroupKey, SQL> = {
    year: sql`to_char(${local}, 'YYYY')`,
    month: sql`to_char(${local}, 'YYYY-MM')`,
    area: childArea(sql`${a.areaCode}`, rootLength),
    sector: sql`coalesce(${a.sector}, '')`,
    type: sql`${a.typeScheme} || ':' || ${a.typeCode}`,
    cause: sql`${a.causeCategory}`,
    category: sql`${a.category}`,
    level: sql`${a.level}`,
  };
  const where: SQL[] = [gte(a.occurredAt, ymStart(w.from)), lt(a.occurredAt, ymStart(nextMonth(w.to)))];
  if (actor) where.push(accidentScope(actor));
  if (f.areaPrefix) where.push(like(a.areaCode, likePrefix(f.areaPrefix)));
  if (f.category) where.push(eq(a.category, f.category));
  if (f.categories) where.push(inCategories(sql`${a.category}`, f.categories));
  if (f.sector) where.push(eq(a.sector, f.sector));
  const key = keys[group];
  return db
    .select({
      key: sql<string>`${key}`,
      accidents: sql<number>`count(*)::int`,
      deaths: sql<number>`coalesce(sum(${a.deaths} + ${a.missing}), 0)::int`,
      seriousInjuries: sql<number>`coalesce(sum(${a.seriousInjuries}), 0)::int`,
      directLossWan: sql<number>`coalesce(sum(${a.directLossWan}), 0)`.mapWith(Number),
    })
    .from(a)
    .where(and(...where))
    .groupBy(key);
}

/** Registry figures grouped by `group`; `actor` null means no record scope (the caller checked the area). */
export async function aggregateRegistry(
  db: DbOrTx,
  actor: Actor | null,
  group: GroupKey,
  w: MonthWindow,
  f: AggFilter,
  rootLength: number,
): Promise<AggRow[]> {
  const q = rollupCanAnswer(actor, f, group, rootLength) ? rollupQuery : registryQuery;
  return q(db, actor, group, w, f, rootLength);
}

export const STATISTICS_GROUPS: readonly GroupKey[] = ['year', 'month', 'area', 'category'];

/**
 * Imported statistics of other departments, for the groupings they have (no sector, type or cause).
 * A whole-year row (month 0) counts only when the window covers that whole year.
 */
export async function aggregateStatistics(
  db: DbOrTx,
  actor: Actor | null,
  group: GroupKey,
  w: MonthWindow,
  f: AggFilter,
  rootLength: number,
): Promise<AggRow[]> {
  if (!STATISTICS_GROUPS.includes(group) || f.sector) return [];
  const keys: Partial<Record<GroupKey, SQL>> = {
    year: sql`${s.year}::text`,
    month: sql`${s.year}::text || '-' || lpad(${s.month}::text, 2, '0')`,
    area: childArea(sql`${s.areaCode}`, rootLength),
    category: sql`${s.category}`,
  };
  const monthly = sql`${s.month} > 0 and (${s.year} * 100 + ${s.month}) between ${w.from} and ${w.to}`;
  const wholeYear = sql`${s.month} = 0 and ${s.year} * 100 + 1 >= ${w.from} and ${s.year} * 100 + 12 <= ${w.to}`;
  const where: SQL[] = [group === 'month' ? monthly : sql`((${monthly}) or (${wholeYear}))`];
  if (actor) where.push(scopeWhere(actor, { areaCode: s.areaCode }));
  if (f.areaPrefix) where.push(like(s.areaCode, likePrefix(f.areaPrefix)));
  if (f.category) where.push(eq(s.category, f.category));
  if (f.categories) where.push(inCategories(sql`${s.category}`, f.categories));
  const key = keys[group]!;
  return db
    .select({
      key: sql<string>`${key}`,
      accidents: sql<number>`coalesce(sum(${s.accidents}), 0)::int`,
      deaths: sql<number>`coalesce(sum(${s.deaths}), 0)::int`,
      seriousInjuries: sql<number>`0`.mapWith(Number),
      directLossWan: sql<number>`0`.mapWith(Number),
    })
    .from(s)
    .where(and(...where))
    .groupBy(key);
}
