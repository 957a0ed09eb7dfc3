// SQL of 抽查. The draw reads the holders through the certificates' own scope predicate (so an officer samples only
// holders they may see) and orders them by md5(seed || id): a uniform shuffle that the stored seed replays. A spot check
// is read through its rule's area; its items through their copied enterprise scope columns.
import { and, asc, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { areas, certificates, people, spotCheckItems, spotChecks, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { currentSql } from './people.queries';

export type SpotCheckRow = typeof spotChecks.$inferSelect;
export type SpotCheckItemRow = typeof spotCheckItems.$inferSelect;

const checkScope = (actor: Actor) => scopeWhere(actor, { areaCode: spotChecks.areaCode });
const itemScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: spotCheckItems.areaCode,
    sector: spotCheckItems.sector,
    parkId: spotCheckItems.parkId,
    enterpriseId: spotCheckItems.enterpriseId,
  });

/** The holders a rule matches on `today`: held (not revoked), not past due, held by someone employed today, in scope. */
function populationWhere(actor: Actor, rule: { areaCode: string; sector?: string | null; kind?: string | null }, today: string) {
  const parts: SQL[] = [
    scopeWhere(actor, {
      areaCode: certificates.areaCode,
      sector: certificates.sector,
      parkId: certificates.parkId,
      enterpriseId: certificates.enterpriseId,
    }),
    like(certificates.areaCode, `${rule.areaCode}%`),
    eq(certificates.standing, 'held'),
    sql`${certificates.dueOn} >= ${today}`,
    currentSql(today),
  ];
  if (rule.sector) parts.push(eq(certificates.sector, rule.sector));
  if (rule.kind) parts.push(eq(certificates.kind, rule.kind));
  return and(...parts)!;
}

export async function countPopulation(db: DbOrTx, actor: Actor, rule: Parameters<typeof populationWhere>[1], today: string) {
  const [row] = await db
    .select({ n: count() })
    .from(certificates)
    .innerJoin(people, eq(people.id, certificates.personId))
    .where(populationWhere(actor, rule, today));
  return row!.n;
}

/** Inserts the first `size` holders in md5(seed || id) order as the spot check's items. */
export async function insertSample(db: DbOrTx, actor: Actor, check: SpotCheckRow, today: string) {
  const where = populationWhere(actor, check, today);
  await db.execute(sql`
    insert into ${spotCheckItems} (spot_check_id, certificate_id, person_id, enterprise_id, area_code, sector, park_id)
    select ${check.id}, ${certificates.id}, ${certificates.personId}, ${certificates.enterpriseId}, ${certificates.areaCode},
           ${certificates.sector}, ${certificates.parkId}
      from ${certificates} join ${people} on ${people.id} = ${certificates.personId}
     where ${where}
     order by md5(${check.seed} || ${certificates.id}::text)
     limit ${check.sampleSize}`);
}

export async function findSpotCheck(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(spotChecks)
    .where(and(eq(spotChecks.id, id), checkScope(actor)));
  return row ?? null;
}

export async function findSpotChecks(db: DbOrTx, actor: Actor, q: { page: number; pageSize: number }) {
  const where = checkScope(actor);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(spotChecks)
      .where(where)
      .orderBy(desc(spotChecks.drawnOn), desc(spotChecks.createdAt), asc(spotChecks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(spotChecks).where(where),
  ]);
  return { items, total: total!.n };
}

export async function itemsOf(db: DbOrTx, actor: Actor, spotCheckId: string) {
  return db
    .select()
    .from(spotCheckItems)
    .where(and(eq(spotCheckItems.spotCheckId, spotCheckId), itemScope(actor)))
    .orderBy(asc(spotCheckItems.areaCode), asc(spotCheckItems.enterpriseId), asc(spotCheckItems.id));
}

export async function findSpotCheckItem(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<SpotCheckItemRow | null> {
  const q = db
    .select()
    .from(spotCheckItems)
    .where(and(eq(spotCheckItems.id, id), itemScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Checked, failed and revoked per spot check (over all its items: the draw's result, not the caller's slice). */
export async function tallies(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { checked: number; failed: number; revoked: number }>();
  const rows = rowsOf<{ id: string; checked: number; failed: number; revoked: number }>(
    await db.execute(sql`select spot_check_id as id, count(outcome)::int as checked,
        count(*) filter (where outcome is not null and outcome <> 'pass')::int as failed,
        count(*) filter (where revoked)::int as revoked
      from ${spotCheckItems} where spot_check_id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}) group by 1`),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function areaNames(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function certificatesByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof certificates.$inferSelect>();
  const rows = await db.select().from(certificates).where(inArray(certificates.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
