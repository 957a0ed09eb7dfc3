// Reading the two hazard rollups (hazard_stats_monthly, hazard_open_counts). Both are written by the database
// trigger hazards_rollups (migration 0015) and hold every hidden danger once per area level, so a query picks
// the one level that answers it and never reads the finer detail below it.
import { eq, like, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/actor';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';

/** Area code lengths the rollups keep: province, city, district, street, community, grid. */
export const ROLLUP_LEVELS = [2, 4, 6, 9, 12, 15] as const;

/** The coarsest kept level at which every code under a prefix of this length is distinct from its siblings. */
export function levelFor(prefixLength: number): number {
  return ROLLUP_LEVELS.find((l) => l >= prefixLength) ?? 15;
}

/** Length of the area codes one level below a root prefix: province 2 → city 4 → district 6 → street 9 → 12 → 15. */
export function childLength(prefix: string): number {
  if (prefix.length === 0) return 2;
  return prefix.length < 6 ? prefix.length + 2 : prefix.length + 3;
}

/** Enterprise users' figures are few and read live; every other scope kind is a filter the rollups can apply. */
export const rollupsServe = (actor: Actor) => actor.scopeKind === 'area' || actor.scopeKind === 'sector' || actor.scopeKind === 'park';

/**
 * The narrower of the caller's area and the requested area (they must nest), as a prefix; '' for all areas
 * (park scope); null when they do not overlap, so the answer is empty.
 */
export function rollupRoot(actor: Actor, areaFilter?: string): string | null {
  const scope = actor.scopeKind === 'area' || actor.scopeKind === 'sector' ? (actor.areaPrefix ?? '') : '';
  const asked = areaFilter ? areaPrefixOf(areaFilter) : '';
  if (asked.startsWith(scope)) return asked;
  if (scope.startsWith(asked)) return scope;
  return null;
}

interface RollupColumns {
  areaLen: AnyPgColumn;
  areaCode: AnyPgColumn;
  sector: AnyPgColumn;
  parkKey: AnyPgColumn;
}

/** Rows of one level under the root, within the caller's scope (the same predicate as every other read). */
export function rollupWhere(actor: Actor, t: RollupColumns, root: string, level: number): SQL[] {
  const where = [eq(t.areaLen, level), scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkKey })];
  // Implied by the park's own key; spelled out so the planner may use the rollups' partial park index (migration
  // 0070), a range of the park's rows, rather than every row of the level (a province's, at the street level).
  if (actor.scopeKind === 'park') where.push(sql`${t.parkKey} <> ''`);
  if (root) where.push(like(t.areaCode, likePrefix(root)));
  return where;
}

/** deadline_key of open hidden dangers with no deadline yet (never overdue). */
export const NO_DEADLINE = '9999-12-31';

/** The two states of the open-count rollup that can be overdue, and overdue among them. */
export const overdueOpenCounts = (state: AnyPgColumn, deadlineKey: AnyPgColumn, today: string) =>
  sql`(${state} in ('reported', 'rectifying') and ${deadlineKey} < ${today})`;
