// SQL of the resource register and the stock ledger. Every read goes through the scope predicate on the resource's own
// area code (a street officer sees its street's resources, the district all of them); stock rows carry the depot's
// area code too, so the shortage list is filtered on its own table.
import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { ResourceListQuery } from '@anjian/contracts';
import { areas, emergencyDepotItems, emergencyResources, emergencyStock, emergencyStockMovements } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';

export type ResourceRow = typeof emergencyResources.$inferSelect;
export type StockRow = typeof emergencyStock.$inferSelect;

export const resourceScope = (actor: Actor) => scopeWhere(actor, { areaCode: emergencyResources.areaCode });

export async function findResource(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<ResourceRow | null> {
  const q = db
    .select()
    .from(emergencyResources)
    .where(and(eq(emergencyResources.id, id), resourceScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findResources(db: DbOrTx, actor: Actor, q: ResourceListQuery) {
  const parts: SQL[] = [resourceScope(actor)];
  if (q.kind) parts.push(eq(emergencyResources.kind, q.kind));
  if (q.areaCode) parts.push(sql`${emergencyResources.areaCode} like ${likePrefix(areaPrefixOf(q.areaCode))}`);
  if (q.q) parts.push(ilike(emergencyResources.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(emergencyResources)
      .where(where)
      .orderBy(asc(emergencyResources.kind), asc(emergencyResources.name), asc(emergencyResources.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(emergencyResources).where(where),
  ]);
  return { items, total: total!.n };
}

/** The map layer: every resource of the caller's scope (of one kind), capped. */
export async function findMapLayer(db: DbOrTx, actor: Actor, kind: string | undefined, cap: number) {
  const rows = await db
    .select({
      id: emergencyResources.id,
      kind: emergencyResources.kind,
      name: emergencyResources.name,
      lng: emergencyResources.lng,
      lat: emergencyResources.lat,
      teamType: emergencyResources.teamType,
      available: emergencyResources.available,
    })
    .from(emergencyResources)
    .where(and(resourceScope(actor), kind ? eq(emergencyResources.kind, kind) : undefined))
    .orderBy(asc(emergencyResources.id))
    .limit(cap + 1);
  return { items: rows.slice(0, cap), truncated: rows.length > cap };
}

export async function areaNames(db: DbOrTx, codes: string[]) {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function areaExists(db: DbOrTx, code: string) {
  const [row] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, code));
  return !!row;
}

/** Items below their minimum per depot (usable = on hand in batches not expired on `today`). */
export async function shortageCounts(db: DbOrTx, depotIds: string[], today: string): Promise<Map<string, number>> {
  if (depotIds.length === 0) return new Map();
  const rows = await db
    .select({ depotId: emergencyDepotItems.depotId, n: count() })
    .from(emergencyDepotItems)
    .where(
      and(
        inArray(emergencyDepotItems.depotId, depotIds),
        sql`${emergencyDepotItems.minimum} > coalesce((select sum(s.on_hand) from emergency_stock s
              where s.depot_id = ${emergencyDepotItems.depotId} and s.item_code = ${emergencyDepotItems.itemCode}
                and (s.expires_on is null or s.expires_on >= ${today}::date)), 0)`,
      ),
    )
    .groupBy(emergencyDepotItems.depotId);
  return new Map(rows.map((r) => [r.depotId, r.n]));
}

export async function findStock(db: DbOrTx, depotId: string) {
  const [batches, minimums] = await Promise.all([
    db
      .select()
      .from(emergencyStock)
      .where(eq(emergencyStock.depotId, depotId))
      .orderBy(asc(emergencyStock.itemCode), asc(emergencyStock.expiresOn), asc(emergencyStock.batchNo)),
    db.select().from(emergencyDepotItems).where(eq(emergencyDepotItems.depotId, depotId)),
  ]);
  return { batches, minimums: new Map(minimums.map((m) => [m.itemCode, m.minimum])) };
}

export async function findBatch(db: DbOrTx, depotId: string, itemCode: string, batchNo: string, lock = false) {
  const q = db
    .select()
    .from(emergencyStock)
    .where(and(eq(emergencyStock.depotId, depotId), eq(emergencyStock.itemCode, itemCode), eq(emergencyStock.batchNo, batchNo)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findMovements(db: DbOrTx, depotId: string, q: { itemCode?: string; page: number; pageSize: number }) {
  const where = and(
    eq(emergencyStockMovements.depotId, depotId),
    q.itemCode ? eq(emergencyStockMovements.itemCode, q.itemCode) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(emergencyStockMovements)
      .where(where)
      .orderBy(desc(emergencyStockMovements.at), desc(emergencyStockMovements.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(emergencyStockMovements).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findShortages(db: DbOrTx, actor: Actor, today: string, page: number, pageSize: number) {
  const usable = sql<number>`coalesce((select sum(s.on_hand) from emergency_stock s
      where s.depot_id = ${emergencyDepotItems.depotId} and s.item_code = ${emergencyDepotItems.itemCode}
        and (s.expires_on is null or s.expires_on >= ${today}::date)), 0)::int`;
  const where = and(scopeWhere(actor, { areaCode: emergencyDepotItems.areaCode }), sql`${emergencyDepotItems.minimum} > ${usable}`);
  const [items, [total]] = await Promise.all([
    db
      .select({
        depotId: emergencyDepotItems.depotId,
        depotName: emergencyResources.name,
        areaCode: emergencyDepotItems.areaCode,
        itemCode: emergencyDepotItems.itemCode,
        usable,
        minimum: emergencyDepotItems.minimum,
      })
      .from(emergencyDepotItems)
      .innerJoin(emergencyResources, eq(emergencyResources.id, emergencyDepotItems.depotId))
      .where(where)
      .orderBy(asc(emergencyResources.name), asc(emergencyDepotItems.itemCode))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(emergencyDepotItems).where(where),
  ]);
  return { items: items.map((i) => ({ ...i, usable: Number(i.usable) })), total: total!.n };
}
