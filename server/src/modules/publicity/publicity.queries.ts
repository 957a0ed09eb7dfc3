// SQL of publicity reach. Campaigns belong to the issuing office's area (area scopes read them); targets carry their
// enterprise's scope columns; coverage rows carry area and sector. `deliverItems` is the one writer of deliveries: it
// inserts the missing items, marks the target reached when the last one arrives and moves the maintained coverage in
// the same transaction, so coverage always equals a recount of the targets.
import { and, asc, count, desc, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { PublicityChannel, PublicityItem, TargetListQuery } from '@anjian/contracts';
import { areas, enterprises, people, publicityCampaigns, publicityCoverage, publicityDeliveries, publicityTargets } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { isReached } from './publicity.rules';

export type CampaignRow = typeof publicityCampaigns.$inferSelect;
export type TargetRow = typeof publicityTargets.$inferSelect;

const campaignScope = (actor: Actor) => scopeWhere(actor, { areaCode: publicityCampaigns.areaCode });
const targetScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: publicityTargets.areaCode,
    sector: publicityTargets.sector,
    parkId: publicityTargets.parkId,
    enterpriseId: publicityTargets.enterpriseId,
  });
const coverageScope = (actor: Actor) => scopeWhere(actor, { areaCode: publicityCoverage.areaCode, sector: publicityCoverage.sector });

export async function findCampaign(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(publicityCampaigns)
    .where(and(eq(publicityCampaigns.id, id), campaignScope(actor)));
  return row ?? null;
}

export async function findCampaigns(db: DbOrTx, actor: Actor, q: { page: number; pageSize: number }) {
  const where = campaignScope(actor);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(publicityCampaigns)
      .where(where)
      .orderBy(desc(publicityCampaigns.startsOn), asc(publicityCampaigns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(publicityCampaigns).where(where),
  ]);
  return { items, total: total!.n };
}

/** Targets and reached per campaign in the caller's scope, from the maintained coverage. */
export async function campaignTotals(db: DbOrTx, actor: Actor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { targets: number; reached: number }>();
  const rows = await db
    .select({
      id: publicityCoverage.campaignId,
      targets: sql<number>`coalesce(sum(${publicityCoverage.targets}), 0)::int`,
      reached: sql<number>`coalesce(sum(${publicityCoverage.reached}), 0)::int`,
    })
    .from(publicityCoverage)
    .where(and(inArray(publicityCoverage.campaignId, ids), coverageScope(actor)))
    .groupBy(publicityCoverage.campaignId);
  return new Map(rows.map((r) => [r.id, { targets: r.targets, reached: r.reached }]));
}

/** Coverage of one campaign per street (the 9-digit area code) or per sector, in the caller's scope. */
export async function findCoverage(db: DbOrTx, actor: Actor, campaignId: string, by: 'street' | 'sector') {
  const c = publicityCoverage;
  const key = by === 'street' ? sql`left(${c.areaCode}, 9)` : sql`${c.sector}`;
  const where = and(eq(c.campaignId, campaignId), coverageScope(actor));
  const rows = rowsOf<{ key: string; targets: number; reached: number }>(
    await db.execute(sql`select ${key} as key, coalesce(sum(${c.targets}), 0)::int as targets,
      coalesce(sum(${c.reached}), 0)::int as reached from ${c} where ${where} group by 1 order by 1`),
  );
  let names = new Map<string, string>();
  if (by === 'street' && rows.length) {
    const a = await db
      .select({ code: areas.code, name: areas.name })
      .from(areas)
      .where(
        inArray(
          areas.code,
          rows.map((r) => r.key),
        ),
      );
    names = new Map(a.map((x) => [x.code, x.name]));
  }
  return rows.map((r) => ({ ...r, name: names.get(r.key) ?? null }));
}

/** Creates the campaign's targets (the area's enterprises, of its sector if set) and their coverage rows. */
export async function insertTargets(tx: DbOrTx, c: CampaignRow) {
  const sectorCond = c.sector ? sql`and e.sector = ${c.sector}` : sql``;
  await tx.execute(sql`insert into ${publicityTargets} (campaign_id, enterprise_id, area_code, sector, park_id)
    select ${c.id}, e.id, e.area_code, e.sector, e.park_id from ${enterprises} e
    where e.deleted_at is null and e.area_code like ${c.areaCode + '%'} ${sectorCond}`);
  await tx.execute(sql`insert into ${publicityCoverage} (campaign_id, area_code, sector, targets, reached)
    select campaign_id, area_code, sector, count(*)::int, 0 from ${publicityTargets}
    where campaign_id = ${c.id} group by campaign_id, area_code, sector`);
}

export async function findTarget(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<TargetRow | null> {
  const q = db
    .select()
    .from(publicityTargets)
    .where(and(eq(publicityTargets.id, id), targetScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findTargets(db: DbOrTx, actor: Actor, q: TargetListQuery) {
  const t = publicityTargets;
  const parts: SQL[] = [targetScope(actor)];
  if (q.campaignId) parts.push(eq(t.campaignId, q.campaignId));
  if (q.reached !== undefined) parts.push(eq(t.reached, q.reached));
  if (q.areaCode) parts.push(like(t.areaCode, `${q.areaCode}%`));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select({ target: t })
      .from(t)
      .innerJoin(publicityCampaigns, eq(publicityCampaigns.id, t.campaignId))
      .where(where)
      .orderBy(desc(publicityCampaigns.startsOn), asc(t.areaCode), asc(t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { items: items.map((r) => r.target), total: total!.n };
}

export async function campaignsByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, CampaignRow>();
  const rows = await db.select().from(publicityCampaigns).where(inArray(publicityCampaigns.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function enterpriseNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function deliveriesOf(db: DbOrTx, targetIds: string[]) {
  const map = new Map<string, (typeof publicityDeliveries.$inferSelect)[]>();
  if (targetIds.length === 0) return map;
  const rows = await db
    .select()
    .from(publicityDeliveries)
    .where(inArray(publicityDeliveries.targetId, targetIds))
    .orderBy(asc(publicityDeliveries.deliveredAt));
  for (const r of rows) map.set(r.targetId, [...(map.get(r.targetId) ?? []), r]);
  return map;
}

/**
 * Records `items` as delivered to a (locked) target by `channel`; items already delivered stay as first recorded.
 * Returns the target row after the write and the items that were new. The version moves only when something changed.
 */
export async function deliverItems(
  tx: DbOrTx,
  target: TargetRow,
  campaignItems: readonly PublicityItem[],
  items: readonly PublicityItem[],
  channel: PublicityChannel,
  sourceId: string | null,
) {
  const wanted = items.filter((i) => campaignItems.includes(i));
  if (wanted.length === 0) return { row: target, added: [] as PublicityItem[] };
  const added = (
    await tx
      .insert(publicityDeliveries)
      .values(wanted.map((item) => ({ targetId: target.id, item, channel, sourceId })))
      .onConflictDoNothing()
      .returning({ item: publicityDeliveries.item })
  ).map((r) => r.item as PublicityItem);
  if (added.length === 0) return { row: target, added };
  const delivered = (
    await tx.select({ item: publicityDeliveries.item }).from(publicityDeliveries).where(eq(publicityDeliveries.targetId, target.id))
  ).map((r) => r.item);
  const nowReached = !target.reached && isReached(campaignItems, delivered);
  const [row] = await tx
    .update(publicityTargets)
    .set({ version: target.version + 1, ...(nowReached ? { reached: true, reachedAt: new Date() } : {}) })
    .where(eq(publicityTargets.id, target.id))
    .returning();
  if (nowReached) {
    await tx
      .update(publicityCoverage)
      .set({ reached: sql`${publicityCoverage.reached} + 1` })
      .where(
        and(
          eq(publicityCoverage.campaignId, target.campaignId),
          eq(publicityCoverage.areaCode, target.areaCode),
          eq(publicityCoverage.sector, target.sector),
        ),
      );
  }
  return { row: row!, added };
}

/** Unreached targets of the given enterprises in campaigns running on `day`, locked, with their campaigns' items. */
export async function openTargetsOf(tx: DbOrTx, enterpriseIds: string[], day: string) {
  if (enterpriseIds.length === 0) return [];
  return tx
    .select({ target: publicityTargets, items: publicityCampaigns.items })
    .from(publicityTargets)
    .innerJoin(publicityCampaigns, eq(publicityCampaigns.id, publicityTargets.campaignId))
    .where(
      and(
        inArray(publicityTargets.enterpriseId, enterpriseIds),
        eq(publicityTargets.reached, false),
        sql`${publicityCampaigns.startsOn} <= ${day} and ${publicityCampaigns.endsOn} >= ${day}`,
      ),
    )
    .orderBy(asc(publicityTargets.id))
    .for('update', { of: publicityTargets });
}

/** The enterprises of the people who attended a session (the event names people; the lecture reached their employers). */
export async function enterprisesOfPeople(tx: DbOrTx, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await tx.selectDistinct({ id: people.enterpriseId }).from(people).where(inArray(people.id, personIds));
  return rows.map((r) => r.id);
}

export async function enterpriseInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.id, id),
        isNull(enterprises.deletedAt),
        scopeWhere(actor, {
          areaCode: enterprises.areaCode,
          sector: enterprises.sector,
          parkId: enterprises.parkId,
          enterpriseId: enterprises.id,
        }),
      ),
    );
  return row ?? null;
}

/**
 * An enterprise moved: its targets whose scope differs from the enterprise's take the new one, and each moved target
 * leaves its old coverage row (targets − 1, reached − 1 when reached) for the new one, in the consumer's transaction.
 */
export async function moveTargets(tx: DbOrTx, enterpriseId: string) {
  const moved = rowsOf<{ campaign_id: string; old_area: string; old_sector: string; area_code: string; sector: string; reached: boolean }>(
    await tx.execute(sql`
      with old as (
        select t.id, t.area_code as old_area, t.sector as old_sector from ${publicityTargets} t join ${enterprises} e on e.id = t.enterprise_id
         where t.enterprise_id = ${enterpriseId}
           and (t.area_code <> e.area_code or t.sector <> e.sector or t.park_id is distinct from e.park_id)
         for update of t)
      update ${publicityTargets} t set area_code = e.area_code, sector = e.sector, park_id = e.park_id
        from old, ${enterprises} e
       where t.id = old.id and e.id = t.enterprise_id
      returning t.campaign_id, old.old_area, old.old_sector, t.area_code, t.sector, t.reached`),
  );
  for (const m of moved) {
    const r = m.reached ? 1 : 0;
    await tx
      .update(publicityCoverage)
      .set({ targets: sql`${publicityCoverage.targets} - 1`, reached: sql`${publicityCoverage.reached} - ${r}` })
      .where(
        and(
          eq(publicityCoverage.campaignId, m.campaign_id),
          eq(publicityCoverage.areaCode, m.old_area),
          eq(publicityCoverage.sector, m.old_sector),
        ),
      );
    await tx
      .insert(publicityCoverage)
      .values({ campaignId: m.campaign_id, areaCode: m.area_code, sector: m.sector, targets: 1, reached: r })
      .onConflictDoUpdate({
        target: [publicityCoverage.campaignId, publicityCoverage.areaCode, publicityCoverage.sector],
        set: { targets: sql`${publicityCoverage.targets} + 1`, reached: sql`${publicityCoverage.reached} + ${r}` },
      });
  }
  return moved.length;
}

/**
 * An enterprise registered (or moved into an area) after campaigns started becomes a target of every campaign of its
 * area and sector that has not ended by `day`, with its coverage row counted up. Keyed by (campaign, enterprise), so
 * a replayed event adds nothing. Answers the targets added.
 */
export async function joinOpenCampaigns(tx: DbOrTx, enterpriseId: string, day: string) {
  const added = rowsOf<{ id: string; campaign_id: string; area_code: string; sector: string }>(
    await tx.execute(sql`insert into ${publicityTargets} (campaign_id, enterprise_id, area_code, sector, park_id)
      select c.id, e.id, e.area_code, e.sector, e.park_id from ${enterprises} e
        join ${publicityCampaigns} c on e.area_code like c.area_code || '%' and (c.sector is null or c.sector = e.sector)
       where e.id = ${enterpriseId} and e.deleted_at is null and c.ends_on >= ${day}
      on conflict (campaign_id, enterprise_id) do nothing
      returning id, campaign_id, area_code, sector`),
  );
  for (const t of added) {
    await tx
      .insert(publicityCoverage)
      .values({ campaignId: t.campaign_id, areaCode: t.area_code, sector: t.sector, targets: 1, reached: 0 })
      .onConflictDoUpdate({
        target: [publicityCoverage.campaignId, publicityCoverage.areaCode, publicityCoverage.sector],
        set: { targets: sql`${publicityCoverage.targets} + 1` },
      });
  }
  return added;
}
