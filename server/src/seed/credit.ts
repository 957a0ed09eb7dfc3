// Demo 信用: the credit consumer run over the demo's own domain events (decided cases, registered accidents, major
// hidden dangers become credit entries and grades, exactly as the queue would write them; each event marked as
// processed so the running app does not process it again), then one 严重失信 listing in progress — proposed for the
// enterprise with the most serious record in the district and noticed two days ago, inside its objection period.
// Before the replay, the 无事故 sweep runs as the daily job's first run would: the demo's enterprises entered the
// register over the past six years (seed/enterprises.ts), so those with N years and no accident since get the record.
import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import { creditEntries, creditSummaries, domainEvents, eventConsumerMarks } from '../db/schema';
import type { Tx } from '../platform/db';
import { addDays, cstDate } from '../platform/time';
import { creditConsumer } from '../modules/credit/credit.consumer';
import { proposeListingIn } from '../modules/credit/commands/propose-listing';
import { actOnListingIn } from '../modules/credit/commands/act-on-listing';
import { evaluateAccidentFree } from '../modules/credit/accident-free.job';
import { demoActor } from './hazards';

/** Runs the credit consumer over the events it has not processed, marking each, as the queue would. */
async function replayEvents(tx: Tx) {
  const events = await tx
    .select()
    .from(domainEvents)
    .where(
      notExists(
        tx
          .select({ one: sql`1` })
          .from(eventConsumerMarks)
          .where(and(eq(eventConsumerMarks.consumer, creditConsumer.name), eq(eventConsumerMarks.eventId, domainEvents.id))),
      ),
    )
    .orderBy(asc(domainEvents.id));
  for (const e of events) {
    await tx.insert(eventConsumerMarks).values({ consumer: creditConsumer.name, eventId: e.id }).onConflictDoNothing();
    await creditConsumer.handle(tx, e);
  }
}

export async function seedDemoCredit(tx: Tx): Promise<void> {
  await evaluateAccidentFree(tx, cstDate(), null);
  await replayEvents(tx);
  const officer = await demoActor(tx, 'officer');
  const [worst] = await tx
    .select({ enterpriseId: creditSummaries.enterpriseId })
    .from(creditSummaries)
    .where(sql`${creditSummaries.areaCode} like ${`${officer.areaPrefix ?? ''}%`}`)
    .orderBy(asc(creditSummaries.score), asc(creditSummaries.enterpriseId))
    .limit(1);
  if (!worst) return;
  const entries = await tx
    .select({ id: creditEntries.id, kind: creditEntries.kind, severity: creditEntries.severity })
    .from(creditEntries)
    .where(and(eq(creditEntries.enterpriseId, worst.enterpriseId), eq(creditEntries.status, 'active')))
    .limit(5);
  const today = cstDate();
  const proposed = await proposeListingIn(
    tx,
    officer,
    null,
    {
      enterpriseId: worst.enterpriseId,
      criteria: entries.some((x) => x.kind === 'accident' && (x.severity === 'major' || x.severity === 'especially_major'))
        ? ['major_accident']
        : ['other_serious'],
      grounds: '该单位近三年多次受到安全生产行政处罚并发生生产安全事故，经整改复查仍未消除事故隐患，性质恶劣、情节严重。',
      sources: entries.map((x) => ({ type: 'credit_entry' as const, id: x.id })),
    },
    addDays(today, -3),
  );
  await actOnListingIn(tx, officer, null, proposed.id, { action: 'notice', version: proposed.version, on: addDays(today, -2) }, today);
  await replayEvents(tx);
}
