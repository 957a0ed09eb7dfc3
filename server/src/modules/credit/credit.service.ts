// Writes of the credit record, shared by the event consumer and the listing workflow: one entry per (source, kind),
// withdrawal with a reason, and the enterprise's summary row recomputed from its entries under the current scheme.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { CreditEntryKind } from '@anjian/contracts';
import { creditEntries, creditListings, creditSummaries, enterprises } from '../../db/schema';
import { insertRowsSql } from '../../platform/bulk-insert';
import type { DbOrTx } from '../../platform/db';
import { computeCredit, currentCreditScheme, pointsOf, type ScoredEntry } from './credit.scheme';

export const accidentLevelZh: Record<string, string> = {
  general: '一般',
  larger: '较大',
  major: '重大',
  especially_major: '特别重大',
};

export interface EntryInput {
  enterpriseId: string;
  kind: CreditEntryKind;
  sourceType: string;
  sourceId: string;
  sourceRef: string | null;
  severity: string | null;
  title: string;
  occurredOn: string;
}

/** Creates the entry for (source, kind), or brings it up to date (a re-graded accident); reactivates a withdrawn one. */
export async function upsertEntry(tx: DbOrTx, event: { id: number }, input: EntryInput) {
  const [ent] = await tx
    .select({ areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(eq(enterprises.id, input.enterpriseId));
  if (ent) await upsertEntries(tx, [{ eventId: event.id, input, scope: ent }]);
}

/** An entry to write with the event it comes from and its enterprise's scope columns. */
export interface EntryWrite {
  eventId: number;
  input: EntryInput;
  scope: { areaCode: string; sector: string | null; parkId: string | null };
}

/**
 * upsertEntry for many entries in one statement (a consumer batch): at most one write per (source, kind). A daily
 * sweep's batch is hundreds of entries, so the rows go as one JSON parameter (platform/bulk-insert.ts).
 */
export async function upsertEntries(tx: DbOrTx, writes: readonly EntryWrite[]) {
  if (writes.length === 0) return;
  const rows = writes.map(({ eventId, input, scope }) => ({
    ...input,
    ...scope,
    points: pointsOf(currentCreditScheme, input),
    eventId,
    lastEventId: eventId,
  }));
  // An entry follows its source to another enterprise (an accident corrected to the right one); a withdrawn one is
  // reactivated.
  await tx.execute(
    insertRowsSql(
      creditEntries,
      rows,
      sql`on conflict (source_type, source_id, kind) do update set
            enterprise_id = excluded.enterprise_id, area_code = excluded.area_code, sector = excluded.sector,
            park_id = excluded.park_id, severity = excluded.severity, title = excluded.title,
            source_ref = excluded.source_ref, occurred_on = excluded.occurred_on, points = excluded.points,
            status = 'active', withdrawn_on = null, withdrawn_reason = null, last_event_id = excluded.last_event_id,
            updated_at = now()`,
    ),
  );
}

/** Withdraws the active entries of a source; returns how many it withdrew. */
export async function withdrawEntries(tx: DbOrTx, event: { id: number }, sourceType: string, sourceId: string, on: string, reason: string) {
  const rows = await tx
    .update(creditEntries)
    .set({ status: 'withdrawn', withdrawnOn: on, withdrawnReason: reason, lastEventId: event.id, updatedAt: new Date() })
    .where(and(eq(creditEntries.sourceType, sourceType), eq(creditEntries.sourceId, sourceId), eq(creditEntries.status, 'active')))
    .returning({ id: creditEntries.id });
  return rows.length;
}

/** Withdraws the enterprise's active entries of one kind (its 无事故 record, on an accident); returns how many. */
export async function withdrawKind(
  tx: DbOrTx,
  event: { id: number },
  enterpriseId: string,
  kind: CreditEntryKind,
  on: string,
  reason: string,
) {
  const rows = await tx
    .update(creditEntries)
    .set({ status: 'withdrawn', withdrawnOn: on, withdrawnReason: reason, lastEventId: event.id, updatedAt: new Date() })
    .where(and(eq(creditEntries.enterpriseId, enterpriseId), eq(creditEntries.kind, kind), eq(creditEntries.status, 'active')))
    .returning({ id: creditEntries.id });
  return rows.length;
}

/** Whether the enterprise is on the published list on `today` (inside its period). */
export async function isListed(db: DbOrTx, enterpriseId: string, today: string) {
  const [row] = await db
    .select({ id: creditListings.id })
    .from(creditListings)
    .where(and(eq(creditListings.enterpriseId, enterpriseId), eq(creditListings.status, 'published'), gt(creditListings.periodEnd, today)))
    .limit(1);
  return !!row;
}

export async function entriesOf(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(creditEntries)
    .where(eq(creditEntries.enterpriseId, enterpriseId))
    .orderBy(sql`${creditEntries.occurredOn} desc`, creditEntries.id)
    .limit(1000);
}

/** Recomputes the enterprise's summary row from its entries (the write that keeps the list by grade current). */
export async function recomputeSummary(tx: DbOrTx, enterpriseId: string, today: string) {
  const [ent] = await tx
    .select({ areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!ent) return;
  const entries = await entriesOf(tx, enterpriseId);
  const calc = computeCredit(currentCreditScheme, entries as ScoredEntry[], today, { listed: await isListed(tx, enterpriseId, today) });
  const activeEntries = entries.filter((e) => e.status === 'active').length;
  const values = { ...ent, schemeVersion: calc.schemeVersion, score: calc.score, grade: calc.grade, activeEntries, asOf: today };
  await tx
    .insert(creditSummaries)
    .values({ enterpriseId, ...values })
    .onConflictDoUpdate({
      target: creditSummaries.enterpriseId,
      set: { ...values, version: sql`${creditSummaries.version} + 1`, updatedAt: new Date() },
    });
  // The 双随机 draw's credit factor reads the grade from the enterprise row its pool index carries: mirrored here, in
  // the same transaction, and written only when it changed (most events leave the grade as it was).
  await tx
    .update(enterprises)
    .set({ creditGrade: calc.grade })
    .where(and(eq(enterprises.id, enterpriseId), sql`${enterprises.creditGrade} is distinct from ${calc.grade}`));
}
