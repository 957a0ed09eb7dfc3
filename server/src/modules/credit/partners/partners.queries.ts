// SQL of the partner export and the public disclosure page. The export reads the caller's listings through the scope
// predicate on the listing's own columns (a district shares its own list); the changes are the listing's recorded
// steps since the day asked (state_transitions of credit_listing, the step's own day from its evidence) plus the
// listings whose period ran out since then without a recorded removal. The disclosure page reads active credit
// entries only: a withdrawn entry (a changed or revoked decision, a hazard re-graded) is gone on the next read.
import { and, asc, count, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { disclosureKinds } from '@anjian/contracts';
import { creditEntries, creditListings, enterprises, stateTransitions } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { scopeWhere } from '../../../platform/scope';
import { disclosedSince } from './disclosure.rules';

const scope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: creditListings.areaCode,
    sector: creditListings.sector,
    parkId: creditListings.parkId,
    enterpriseId: creditListings.enterpriseId,
  });

/** Published listings in force today in the caller's scope (a few hundred at most: listing is rare). */
export async function findListingsInForce(db: DbOrTx, actor: Actor, today: string) {
  return db
    .select()
    .from(creditListings)
    .where(and(scope(actor), eq(creditListings.status, 'published'), gt(creditListings.periodEnd, today)))
    .orderBy(desc(creditListings.publishedOn), asc(creditListings.id))
    .limit(10000);
}

const changeOf: Record<string, 'listed' | 'removed_on_expiry' | 'removed_early' | 'relisted'> = {
  publish: 'listed',
  remove_on_expiry: 'removed_on_expiry',
  remove_early: 'removed_early',
  revoke_removal: 'relisted',
};

/** What changed on the caller's list since `since` (inclusive), oldest first. */
export async function findListingChanges(db: DbOrTx, actor: Actor, since: string, today: string) {
  const stepDay = sql<string>`coalesce(${stateTransitions.evidence}->>'on', to_char(${stateTransitions.at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))`;
  const steps = await db
    .select({
      listingId: creditListings.id,
      partyName: creditListings.partyName,
      creditCode: creditListings.creditCode,
      action: stateTransitions.action,
      on: stepDay,
      at: stateTransitions.at,
    })
    .from(stateTransitions)
    .innerJoin(creditListings, eq(creditListings.id, stateTransitions.recordId))
    .where(
      and(
        eq(stateTransitions.recordType, 'credit_listing'),
        inArray(stateTransitions.action, Object.keys(changeOf)),
        // Recorded since the day asked, or dated since then: a partner polling daily misses neither.
        sql`(${stateTransitions.at} >= (${since}::date)::timestamp at time zone 'Asia/Shanghai' or ${stepDay} >= ${since})`,
        scope(actor),
      ),
    )
    .orderBy(asc(stateTransitions.at), asc(stateTransitions.id))
    .limit(10000);
  const expired = await db
    .select({
      listingId: creditListings.id,
      partyName: creditListings.partyName,
      creditCode: creditListings.creditCode,
      on: creditListings.periodEnd,
    })
    .from(creditListings)
    .where(
      and(scope(actor), eq(creditListings.status, 'published'), gte(creditListings.periodEnd, since), lte(creditListings.periodEnd, today)),
    )
    .limit(10000);
  return [
    ...steps.map((s) => ({
      listingId: s.listingId,
      partyName: s.partyName,
      creditCode: s.creditCode,
      change: changeOf[s.action]!,
      on: s.on,
    })),
    ...expired.map((e) => ({ ...e, on: e.on!, change: 'expired' as const })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** The public page: active entries of the four kinds inside the disclosure period, newest first, paged. */
export async function findDisclosures(
  db: DbOrTx,
  q: { kind?: (typeof disclosureKinds)[number]; page: number; pageSize: number },
  today: string,
) {
  const where = and(
    eq(creditEntries.status, 'active'),
    gt(creditEntries.occurredOn, disclosedSince(today)),
    lte(creditEntries.occurredOn, today),
    q.kind ? eq(creditEntries.kind, q.kind) : inArray(creditEntries.kind, [...disclosureKinds]),
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: creditEntries.id,
        enterpriseName: enterprises.name,
        creditCode: enterprises.creditCode,
        kind: creditEntries.kind,
        title: creditEntries.title,
        occurredOn: creditEntries.occurredOn,
      })
      .from(creditEntries)
      .innerJoin(enterprises, eq(enterprises.id, creditEntries.enterpriseId))
      .where(where)
      .orderBy(desc(creditEntries.occurredOn), desc(creditEntries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(creditEntries).where(where),
  ]);
  return { items, total: total!.n };
}
