// The credit daily job: deadline reminders of the 严重失信 listings (rules as data in notifications.rules.ts, working
// days), and the summary rows brought up to date where time alone changed the grade — an entry that left the
// scheme's window, or a listing whose period ended — since the row was computed. The 无事故 sweep is its own daily job
// (accident-free.job.ts).
import { and, asc, eq, gt, lte, notInArray, or, sql } from 'drizzle-orm';
import { creditEntries, creditListings, creditSummaries } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { addMonths } from '../../platform/time';
import { deadlineWindow, listingDeadlineRules } from '../notifications/notifications.rules';
import { recipientsFor } from '../notifications/notifications.recipients';
import { notify, recordLink } from '../notifications/notifications.service';
import { currentCreditScheme } from './credit.scheme';
import { recomputeSummary } from './credit.service';

export async function evaluateListingDeadlines(db: Db, today: string) {
  let notices = 0;
  for (const rule of listingDeadlineRules) {
    const w = deadlineWindow(today, rule.offsetWorkdays);
    if (!w) continue;
    const col = rule.deadline === 'objection' ? creditListings.objectionDue : creditListings.periodEnd;
    const status = rule.deadline === 'objection' ? 'noticed' : 'published';
    const rows = await db
      .select()
      .from(creditListings)
      .where(and(eq(creditListings.status, status), gt(col, w.after), lte(col, w.upTo)))
      .orderBy(asc(creditListings.id))
      .limit(5000);
    for (const l of rows) {
      const due = rule.deadline === 'objection' ? l.objectionDue : l.periodEnd;
      notices += await notify(db, await recipientsFor(db, l, rule.recipients), {
        kind: rule.kind,
        title: { zh: `${rule.title.zh}（${l.partyName}）`, en: `${rule.title.en} (${l.partyName})` },
        entityType: 'credit_listing',
        entityId: l.id,
        link: recordLink.credit_listing!(l.id),
        dueOn: due,
        dedupeKey: `credit_listing:${l.id}:${rule.key}:${due}`,
      });
    }
  }
  return { notices };
}

/** Summaries whose grade time alone has changed since they were computed, recomputed as of today. */
export async function refreshAgedSummaries(db: Db, today: string) {
  const w = currentCreditScheme.windowMonths;
  const standing = [...(currentCreditScheme.standingKinds ?? [])];
  const aged = await db
    .selectDistinct({ id: creditSummaries.enterpriseId })
    .from(creditSummaries)
    .leftJoin(
      creditEntries,
      and(
        eq(creditEntries.enterpriseId, creditSummaries.enterpriseId),
        eq(creditEntries.status, 'active'),
        // a standing record (the 无事故 record) does not age out of the window
        standing.length > 0 ? notInArray(creditEntries.kind, standing) : undefined,
      ),
    )
    .leftJoin(creditListings, and(eq(creditListings.enterpriseId, creditSummaries.enterpriseId), eq(creditListings.status, 'published')))
    .where(
      and(
        sql`${creditSummaries.asOf} < ${today}`,
        or(
          // an entry inside the window on the summary's day and outside it today
          and(
            sql`${creditEntries.occurredOn} >= cast(${creditSummaries.asOf} - interval '${sql.raw(String(w))} months' as date)`,
            sql`${creditEntries.occurredOn} < ${addMonths(today, -w)}`,
          ),
          and(sql`${creditListings.periodEnd} > ${creditSummaries.asOf}`, lte(creditListings.periodEnd, today)),
        ),
      ),
    )
    .limit(10_000);
  for (const { id } of aged) await db.transaction((tx) => recomputeSummary(tx, id, today));
  return { refreshed: aged.length };
}

export const creditDailyJob: DailyJob = {
  name: 'credit-daily',
  run: async (db, { today }) => ({ ...(await evaluateListingDeadlines(db, today)), ...(await refreshAgedSummaries(db, today)) }),
};
