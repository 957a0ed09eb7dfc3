// SQL of 出租屋备案: premises and filings through the scope predicate on their own area code.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PremisesListQuery } from '@anjian/contracts';
import { areas, rentalFilings, rentalPremises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { RentalFilingRow } from './rental.workflow';

export type PremisesRow = typeof rentalPremises.$inferSelect;
const premisesScope = (actor: Actor) => scopeWhere(actor, { areaCode: rentalPremises.areaCode });
const filingScope = (actor: Actor) => scopeWhere(actor, { areaCode: rentalFilings.areaCode });

/** SQL: the premises has an accepted filing whose lease runs on `today`. */
const filedSql = (today: string) => sql`exists (select 1 from ${rentalFilings} f where f.premises_id = ${rentalPremises.id}
  and f.status = 'accepted' and f.lease_start <= ${today}::date and f.lease_end >= ${today}::date)`;

export async function findPremises(db: DbOrTx, actor: Actor, id: string, o: { lock?: boolean } = {}) {
  const q = db
    .select()
    .from(rentalPremises)
    .where(and(eq(rentalPremises.id, id), premisesScope(actor)));
  const [row] = o.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPremisesList(db: DbOrTx, actor: Actor, q: PremisesListQuery, today: string) {
  const parts: SQL[] = [premisesScope(actor)];
  if (q.unfiled) parts.push(sql`${rentalPremises.occupancy} = 'let_to_business' and not ${filedSql(today)}`);
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(rentalPremises)
      .where(where)
      .orderBy(asc(rentalPremises.address), asc(rentalPremises.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(rentalPremises).where(where),
  ]);
  return { items, total: total!.n };
}

/** The filings in force on `today` for a page of premises. */
export async function filingsInForce(db: DbOrTx, premisesIds: string[], today: string) {
  if (premisesIds.length === 0) return [];
  return db
    .select({
      id: rentalFilings.id,
      premisesId: rentalFilings.premisesId,
      tenantName: rentalFilings.tenantName,
      leaseEnd: rentalFilings.leaseEnd,
    })
    .from(rentalFilings)
    .where(
      and(
        inArray(rentalFilings.premisesId, premisesIds),
        eq(rentalFilings.status, 'accepted'),
        sql`${rentalFilings.leaseStart} <= ${today}::date and ${rentalFilings.leaseEnd} >= ${today}::date`,
      ),
    )
    .orderBy(desc(rentalFilings.leaseEnd));
}

/** The filings submitted and not yet decided, for a page of premises (at most one each: fileRental). */
export async function filingsPending(db: DbOrTx, premisesIds: string[]) {
  if (premisesIds.length === 0) return [];
  return db
    .select({ id: rentalFilings.id, premisesId: rentalFilings.premisesId, tenantName: rentalFilings.tenantName })
    .from(rentalFilings)
    .where(and(inArray(rentalFilings.premisesId, premisesIds), eq(rentalFilings.status, 'submitted')));
}

export async function findFiling(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<RentalFilingRow | null> {
  const q = db
    .select()
    .from(rentalFilings)
    .where(and(eq(rentalFilings.id, id), filingScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findFilings(db: DbOrTx, actor: Actor, q: { premisesId?: string; page: number; pageSize: number }) {
  const parts: SQL[] = [filingScope(actor)];
  if (q.premisesId) parts.push(eq(rentalFilings.premisesId, q.premisesId));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(rentalFilings)
      .where(where)
      .orderBy(desc(rentalFilings.createdAt), asc(rentalFilings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(rentalFilings).where(where),
  ]);
  return { items, total: total!.n };
}

/** A community or grid inside the caller's scope. */
export async function findRentalArea(db: DbOrTx, actor: Actor, code: string) {
  const [row] = await db
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.code, code), inArray(areas.level, ['community', 'grid']), scopeWhere(actor, { areaCode: areas.code })));
  return row ?? null;
}
