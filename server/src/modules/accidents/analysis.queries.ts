// Aggregate SQL for analysis, hotspots and indicators. Area- and sector-scoped callers are answered from the
// per-dimension rollup accident_dimension_rollup (one slice: area level, dimension, filter keys, so at most
// months × dimension values rows whatever the registry holds); callers whose scope or filter is finer than a
// street (grid, park, enterprise) are answered from the registry itself, which for them is small by
// construction. Both paths share one shape, and tests hold them equal.
import { and, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { accidentDimensionRollup as d, accidents as a, accidentStatistics as s } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { likePrefix, scopeWhere } from '../../platform/scope';
import { cstStartOfDay } from '../../platform/time';
import { accidentScope } from './accidents.queries';

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
function childArea(col: SQL | typeof d.areaCode, rootLength: number): SQL {
  if (rootLength < 2) return sql`rpad(left(${col}, 2), 6, '0')`;
  if (rootLength < 4) return sql`rpad(left(${col}, 4), 6, '0')`;
  if (rootLength < 6) return sql`left(${col}, 6)`;
  if (rootLength < 9) return sql`left(${col}, 9)`;
  if (rootLength < 12) return sql`left(${col}, 12)`;
  return sql`left(${col}, 15)`;
}

/** Area levels (code lengths) the dimension rollup keeps, coarsest first. */
export const DIMENSION_LEVELS = [2, 4, 6, 9] as const;

const childLength = (rootLength: number) => (rootLength < 2 ? 2 : rootLength < 4 ? 4 : rootLength < 6 ? 6 : rootLength < 9 ? 9 : 12);

/** Which rows of accident_dimension_rollup hold an answer: one level, one area prefix, the filter keys. */
export interface RollupSlice {
  level: number;
  prefix: string;
  /** null = any sector ('*' rows). */
  sectors: readonly string[] | null;
  /** null = any category ('*' rows). */
  categories: readonly string[] | null;
}

const intersect = (a: readonly string[] | null, b: readonly string[]) => (a ? a.filter((x) => b.includes(x)) : [...new Set(b)]);

/**
 * The slice that answers for this caller and filter: 'empty' when scope and filter exclude everything, null when
 * only the registry can answer (a scope or filter finer than a street: grid, park, enterprise — small by construction).
 * Scope stays exact: the caller's area prefix and the filter's are both applied, and a sector scope reads only the
 * rows keyed by its sectors.
 */
export function rollupSlice(actor: Actor | null, f: AggFilter, group: GroupKey, rootLength: number): RollupSlice | 'empty' | null {
  let sectors: readonly string[] | null = null;
  const prefixes: string[] = [];
  if (actor) {
    if (actor.scopeKind !== 'area' && actor.scopeKind !== 'sector') return null;
    if (!actor.areaPrefix) return 'empty'; // scopeWhere: an area or sector scope without an area sees nothing
    if (actor.scopeKind === 'sector') {
      if (actor.sectors.length === 0) return 'empty';
      sectors = actor.sectors;
    }
    prefixes.push(actor.areaPrefix);
  }
  if (f.areaPrefix) prefixes.push(f.areaPrefix);
  const prefix = prefixes.reduce((p, q) => (q.length > p.length ? q : p), '');
  if (!prefixes.every((p) => prefix.startsWith(p))) return 'empty';
  if (f.sector) sectors = intersect(sectors, [f.sector]);
  let categories: readonly string[] | null = null;
  if (f.category) categories = [f.category];
  if (f.categories) categories = intersect(categories, f.categories);
  if (sectors?.length === 0 || categories?.length === 0) return 'empty';
  const need = group === 'area' ? Math.max(childLength(rootLength), prefix.length) : prefix.length;
  const level = DIMENSION_LEVELS.find((l) => l >= need);
  return level === undefined ? null : { level, prefix, sectors, categories };
}

const inList = (col: SQL | AnyPgColumn, values: readonly string[]) =>
  sql`${col} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** Figures from the dimension rollup: at most months × values rows of one slice (× the scope's sectors). */
export function rollupQuery(db: DbOrTx, slice: RollupSlice, group: GroupKey, w: MonthWindow, rootLength: number) {
  const byValue = group !== 'year' && group !== 'month' && group !== 'area';
  const key =
    group === 'year'
      ? sql`(${d.ym} / 100)::text`
      : group === 'month'
        ? sql`(${d.ym} / 100)::text || '-' || lpad((${d.ym} % 100)::text, 2, '0')`
        : group === 'area'
          ? childArea(d.areaCode, rootLength)
          : sql`${d.value}`;
  const where: SQL[] = [eq(d.areaLen, slice.level), eq(d.dim, byValue ? group : 'all'), sql`${d.ym} between ${w.from} and ${w.to}`];
  if (slice.prefix)
    where.push(slice.prefix.length === slice.level ? eq(d.areaCode, slice.prefix) : like(d.areaCode, likePrefix(slice.prefix)));
  // A grouping dimension's rows carry only the '*' key for it; its filter applies to the value instead.
  for (const [dim, keyCol, values] of [
    ['sector', d.sectorKey, slice.sectors],
    ['category', d.categoryKey, slice.categories],
  ] as const) {
    if (group === dim) {
      where.push(eq(keyCol, '*'));
      if (values) where.push(inList(d.value, values));
    } else where.push(values ? inList(keyCol, values) : eq(keyCol, '*'));
  }
  return db
    .select({
      key: sql<string>`${key}`,
      accidents: sql<number>`coalesce(sum(${d.accidents}), 0)::int`,
      deaths: sql<number>`coalesce(sum(${d.deaths} + ${d.missing}), 0)::int`,
      seriousInjuries: sql<number>`coalesce(sum(${d.seriousInjuries}), 0)::int`,
      directLossWan: sql<number>`coalesce(sum(${d.directLossWan}), 0)`.mapWith(Number),
    })
    .from(d)
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
  if (f.categories) where.push(inList(sql`${a.category}`, f.categories));
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
  const slice = rollupSlice(actor, f, group, rootLength);
  if (slice === 'empty') return [];
  return slice ? rollupQuery(db, slice, group, w, rootLength) : registryQuery(db, actor, group, w, f, rootLength);
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
  if (f.categories) where.push(inList(sql`${s.category}`, f.categories));
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
