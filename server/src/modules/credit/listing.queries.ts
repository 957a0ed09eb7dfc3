// SQL of the 严重失信 listings. Officers' reads go through the scope predicate on the listing's own scope columns
// (the enterprise's, copied at the proposal). The public page and the lookup by credit code read only what is public
// anyway — published listings inside their period — so they need no caller scope; the period is checked on every
// read, so a listing leaves the page on the day its period ends even before anyone records the removal.
import { and, asc, count, desc, eq, gt, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { ListingListQuery } from '@anjian/contracts';
import { creditEntries, creditListings, enterprises, stateTransitions } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { ListingRow } from './listing.workflow';

const scope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: creditListings.areaCode,
    sector: creditListings.sector,
    parkId: creditListings.parkId,
    enterpriseId: creditListings.enterpriseId,
  });

export async function findListing(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<ListingRow | null> {
  const q = db
    .select()
    .from(creditListings)
    .where(and(eq(creditListings.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findListings(db: DbOrTx, actor: Actor, q: ListingListQuery) {
  const parts: SQL[] = [scope(actor)];
  if (q.status) parts.push(eq(creditListings.status, q.status));
  if (q.enterpriseId) parts.push(eq(creditListings.enterpriseId, q.enterpriseId));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(creditListings)
      .where(where)
      .orderBy(desc(creditListings.createdAt), asc(creditListings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(creditListings).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findListingHistory(db: DbOrTx, id: string) {
  return db
    .select({
      action: stateTransitions.action,
      from: stateTransitions.fromState,
      to: stateTransitions.toState,
      actorName: stateTransitions.actorName,
      at: stateTransitions.at,
    })
    .from(stateTransitions)
    .where(and(eq(stateTransitions.recordType, 'credit_listing'), eq(stateTransitions.recordId, id)))
    .orderBy(asc(stateTransitions.at), asc(stateTransitions.id));
}

/** A listing of the enterprise still in its process or on the list (a second proposal waits for it to end). */
export async function findOpenListing(db: DbOrTx, enterpriseId: string) {
  const [row] = await db
    .select({ id: creditListings.id })
    .from(creditListings)
    .where(and(eq(creditListings.enterpriseId, enterpriseId), notInArray(creditListings.status, ['removed', 'dropped'])))
    .limit(1);
  return row ?? null;
}

/** The source records cited that are on the enterprise's credit record (by entry id, or by source type and id). */
export async function findCitedEntries(db: DbOrTx, enterpriseId: string, sources: { type: string; id: string }[]) {
  if (sources.length === 0) return [];
  const ids = sources.map((s) => s.id);
  return db
    .select({ id: creditEntries.id, sourceType: creditEntries.sourceType, sourceId: creditEntries.sourceId })
    .from(creditEntries)
    .where(
      and(
        eq(creditEntries.enterpriseId, enterpriseId),
        sql`(${inArray(creditEntries.id, ids)} or ${inArray(creditEntries.sourceId, ids)})`,
      ),
    );
}

const published = (today: string) => and(eq(creditListings.status, 'published'), gt(creditListings.periodEnd, today));

export async function findPublishedListings(db: DbOrTx, q: { page: number; pageSize: number }, today: string) {
  const where = published(today);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(creditListings)
      .where(where)
      .orderBy(desc(creditListings.publishedOn), asc(creditListings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(creditListings).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findListingByCreditCode(db: DbOrTx, creditCode: string, today: string) {
  const [row] = await db
    .select()
    .from(creditListings)
    .where(and(eq(creditListings.creditCode, creditCode.toUpperCase()), published(today)))
    .orderBy(desc(creditListings.publishedOn))
    .limit(1);
  return row ?? null;
}

/** Active accident entries in the caller's scope that may meet a criterion (the candidates' raw material). */
export async function findCandidateEntries(db: DbOrTx, actor: Actor, since: string) {
  return db
    .select({
      enterpriseId: creditEntries.enterpriseId,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      kind: creditEntries.kind,
      severity: creditEntries.severity,
      occurredOn: creditEntries.occurredOn,
      status: creditEntries.status,
      sourceType: creditEntries.sourceType,
      sourceId: creditEntries.sourceId,
    })
    .from(creditEntries)
    .innerJoin(enterprises, eq(enterprises.id, creditEntries.enterpriseId))
    .where(
      and(
        scopeWhere(actor, {
          areaCode: creditEntries.areaCode,
          sector: creditEntries.sector,
          parkId: creditEntries.parkId,
          enterpriseId: creditEntries.enterpriseId,
        }),
        eq(creditEntries.kind, 'accident'),
        eq(creditEntries.status, 'active'),
        inArray(creditEntries.severity, ['larger', 'major', 'especially_major']),
        sql`${creditEntries.occurredOn} >= ${since}`,
      ),
    )
    .orderBy(asc(creditEntries.enterpriseId), asc(creditEntries.occurredOn))
    .limit(5000);
}

export async function openListingEnterprises(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: creditListings.enterpriseId })
    .from(creditListings)
    .where(and(inArray(creditListings.enterpriseId, ids), notInArray(creditListings.status, ['removed', 'dropped'])));
  return new Set(rows.map((r) => r.id));
}
