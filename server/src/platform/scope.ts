// Record scope: the one predicate that decides which rows a caller may see or touch.
// Capability tables carry area_code (and sector, park_id, enterprise_id where they apply) so
// the predicate is a plain indexed WHERE on the table itself, with no join.
import { and, eq, like, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor';

export interface ScopeColumns {
  areaCode: AnyPgColumn;
  sector?: AnyPgColumn;
  parkId?: AnyPgColumn;
  /** The enterprise the row belongs to (for the enterprises table itself: its id). */
  enterpriseId?: AnyPgColumn;
}

const nothing = sql`false`;

/** Escapes LIKE metacharacters; area prefixes are digits, but never trust that in a predicate. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column LIKE 'prefix%'` as the byte-order range it means (text_pattern_ops' operators, which every
 * PostgreSQL-derived database has): the same rows and the same index range, without re-checking the pattern on each
 * row, which is a seventh of a scan over a million index entries. For scans that size; elsewhere LIKE reads better.
 */
export function prefixRange(column: SQL, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  const next = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
  return sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${next})`;
}

export function scopeWhere(actor: Actor, cols: ScopeColumns): SQL {
  switch (actor.scopeKind) {
    case 'area':
      return actor.areaPrefix ? like(cols.areaCode, likePrefix(actor.areaPrefix)) : nothing;
    case 'sector': {
      if (!actor.areaPrefix || !cols.sector || actor.sectors.length === 0) return nothing;
      const inArea = like(cols.areaCode, likePrefix(actor.areaPrefix));
      return and(
        inArea,
        sql`${cols.sector} in (${sql.join(
          actor.sectors.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      )!;
    }
    case 'park':
      return actor.parkId && cols.parkId ? eq(cols.parkId, actor.parkId) : nothing;
    case 'enterprise':
      return actor.enterpriseId && cols.enterpriseId ? eq(cols.enterpriseId, actor.enterpriseId) : nothing;
    case 'none':
      return nothing;
  }
}

/** For rows checked in memory (e.g. a parent fetched without the predicate). */
export function inScope(
  actor: Actor,
  row: { areaCode: string; sector?: string | null; parkId?: string | null; enterpriseId?: string | null },
): boolean {
  switch (actor.scopeKind) {
    case 'area':
      return !!actor.areaPrefix && row.areaCode.startsWith(actor.areaPrefix);
    case 'sector':
      return !!actor.areaPrefix && row.areaCode.startsWith(actor.areaPrefix) && !!row.sector && actor.sectors.includes(row.sector);
    case 'park':
      return !!actor.parkId && row.parkId === actor.parkId;
    case 'enterprise':
      return !!actor.enterpriseId && row.enterpriseId === actor.enterpriseId;
    case 'none':
      return false;
  }
}

/** Area prefix of a national code: trailing zero pairs of 6-digit codes are dropped (440300 → 4403). */
export function areaPrefixOf(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/**
 * A region a set of rows is known to lie in (a 双随机 draw's pool): every row's area code starts with `areaCode`;
 * `sectors` null = any sector, else every row is in one of them; `parkId` null = any park, else every row is in it.
 */
export interface RegionColumns {
  areaCode: AnyPgColumn;
  sectors: AnyPgColumn;
  parkId: AnyPgColumn;
}
export interface Region {
  areaCode: string;
  sectors: string[] | null;
  parkId: string | null;
}

/**
 * Where the caller's scope contains the whole region, not merely part of it: the same scope as scopeWhere, asked of
 * a region instead of a row. A region spanning any sector is covered only by area scopes; a park's only by that park.
 */
export function coversWhere(actor: Actor, cols: RegionColumns): SQL {
  switch (actor.scopeKind) {
    case 'area':
      return actor.areaPrefix ? like(cols.areaCode, likePrefix(actor.areaPrefix)) : nothing;
    case 'sector': {
      if (!actor.areaPrefix || actor.sectors.length === 0) return nothing;
      const mine = sql`array[${sql.join(
        actor.sectors.map((s) => sql`${s}`),
        sql`, `,
      )}]::text[]`;
      return and(like(cols.areaCode, likePrefix(actor.areaPrefix)), sql`cardinality(${cols.sectors}) > 0 and ${cols.sectors} <@ ${mine}`)!;
    }
    case 'park':
      return actor.parkId ? eq(cols.parkId, actor.parkId) : nothing;
    case 'enterprise':
    case 'none':
      return nothing;
  }
}

/** coversWhere for a region in memory. */
export function covers(actor: Actor, region: Region): boolean {
  switch (actor.scopeKind) {
    case 'area':
      return !!actor.areaPrefix && region.areaCode.startsWith(actor.areaPrefix);
    case 'sector':
      return (
        !!actor.areaPrefix &&
        region.areaCode.startsWith(actor.areaPrefix) &&
        !!region.sectors &&
        region.sectors.length > 0 &&
        region.sectors.every((s) => actor.sectors.includes(s))
      );
    case 'park':
      return !!actor.parkId && region.parkId === actor.parkId;
    case 'enterprise':
    case 'none':
      return false;
  }
}
