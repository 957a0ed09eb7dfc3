// SQL over areas, organisations and parks, always within the caller's jurisdiction.
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { areas, organisations, parks } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { likePrefix, scopeWhere } from '../../platform/scope';

const areaColumns = {
  code: areas.code,
  name: areas.name,
  level: areas.level,
  parentCode: areas.parentCode,
  // Qualified by hand: drizzle leaves columns unqualified in single-table selects.
  hasChildren: sql<boolean>`exists (select 1 from areas c where c.parent_code = "areas"."code")`,
};

/** The caller's root area, or the children of `parent` when it lies inside the caller's area. */
export async function findAreaChildren(db: DbOrTx, actor: Actor, parent?: string) {
  if (!actor.areaCode || !actor.areaPrefix) return [];
  if (!parent) return db.select(areaColumns).from(areas).where(eq(areas.code, actor.areaCode));
  if (!parent.startsWith(actor.areaPrefix)) return [];
  return db.select(areaColumns).from(areas).where(eq(areas.parentCode, parent)).orderBy(asc(areas.sort), asc(areas.code));
}

export async function findArea(db: DbOrTx, code: string) {
  const [row] = await db.select().from(areas).where(eq(areas.code, code));
  return row ?? null;
}

/** The chain from the top of the tree down to `code` (for breadcrumbs and address text). */
export async function findAreaPath(db: DbOrTx, code: string) {
  const out: (typeof areas.$inferSelect)[] = [];
  let next: string | null = code;
  while (next) {
    const row = await findArea(db, next);
    if (!row) break;
    out.unshift(row);
    next = row.parentCode;
  }
  return out;
}

export async function findOrganisation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function findPark(db: DbOrTx, id: string) {
  const [row] = await db.select().from(parks).where(eq(parks.id, id));
  return row ?? null;
}

export async function findOrganisations(db: DbOrTx, actor: Actor) {
  const where =
    actor.scopeKind === 'area'
      ? scopeWhere(actor, { areaCode: organisations.areaCode })
      : actor.orgId
        ? eq(organisations.id, actor.orgId)
        : sql`false`;
  return db.select().from(organisations).where(where).orderBy(asc(organisations.areaCode), asc(organisations.name));
}

export async function findParks(db: DbOrTx, actor: Actor) {
  const where =
    actor.scopeKind === 'park'
      ? scopeWhere(actor, { areaCode: parks.areaCode, parkId: parks.id })
      : actor.areaPrefix
        ? like(parks.areaCode, likePrefix(actor.areaPrefix))
        : sql`false`;
  return db.select().from(parks).where(and(where)).orderBy(asc(parks.name));
}
