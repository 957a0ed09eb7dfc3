// The 无事故 good record on a real database (scheme 2026.3, N = 3 years, L): the daily sweep appends one
// enterprise.accident_free event per enterprise reaching N full years without an accident on record (counted from the
// later of entering the register and its last accident, in China days), once; the credit consumer writes one entry
// and recomputes the grade; an accident within the last N years withdraws it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { creditEntries, creditSummaries, dailyJobRuns, domainEvents, enterprises } from '../../db/schema';
import { runDailyJob } from '../../platform/jobs';
import { appendEvent } from '../../platform/outbox';
import { consumeEvents } from '../../platform/queue';
import { addDays, cstDate } from '../../platform/time';
import { buildEnterprise } from '../../seed/factories';
import { anniversary } from './accident-free.rules';
import { ACCIDENT_FREE_EVENT, ACCIDENT_FREE_JOB, accidentFreeJob, evaluateAccidentFree } from './accident-free.job';
import { creditConsumer } from './credit.consumer';
import { buildCreditWorld, type CreditWorld } from './credit.fixtures';
import { recomputeSummary } from './credit.service';

let w: CreditWorld;
// The days are relative to the real day: the consumer reads the event's day and the summary is computed for today.
const today = cstDate();
const yesterday = addDays(today, -1);
const yearsAgo = (n: number) => anniversary(today, -n);
type Ent = Awaited<ReturnType<typeof buildEnterprise>>;
let x: Ent;
let y: Ent;
let z: Ent;
let v: Ent;
let vAccidentId: string;

beforeAll(async () => {
  w = await buildCreditWorld();
  // X entered the register at 00:30 China time three years ago today: 16:30 UTC the day before, so years counted in
  // UTC days would be complete a day early.
  x = await buildEnterprise(w.db, { street: w.streetA, name: '戊安全机械厂', createdAt: new Date(`${yearsAgo(3)}T00:30:00+08:00`) });
  // Y has been registered for ten years, but had an accident two years ago.
  y = await buildEnterprise(w.db, { street: w.streetA, name: '己铸造厂', createdAt: new Date(`${yearsAgo(10)}T09:00:00+08:00`) });
  await w.consume((await w.accident(y, 'general', `${yearsAgo(2)}T10:00:00+08:00`)).eventId);
  // Z has been registered for six years without an accident: its record stood before the sweep's previous run.
  z = await buildEnterprise(w.db, { street: w.streetB, name: '庚纸品厂', createdAt: new Date(`${yearsAgo(6)}T09:00:00+08:00`) });
  // V's last accident was three years ago today: its years count from the accident.
  v = await buildEnterprise(w.db, { street: w.streetB, name: '辛塑料厂', createdAt: new Date(`${yearsAgo(10)}T09:00:00+08:00`) });
  const acc = await w.accident(v, 'general', `${yearsAgo(3)}T10:00:00+08:00`);
  await w.consume(acc.eventId);
  vAccidentId = acc.row.id;
});
afterAll(() => w.close());

const eventsOf = (enterpriseId: string) =>
  w.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.type, ACCIDENT_FREE_EVENT), eq(domainEvents.entityId, enterpriseId)));
const recordOf = (enterpriseId: string) =>
  w.db
    .select()
    .from(creditEntries)
    .where(and(eq(creditEntries.enterpriseId, enterpriseId), eq(creditEntries.kind, 'accident_free')));
const summaryOf = async (enterpriseId: string) =>
  (await w.db.select().from(creditSummaries).where(eq(creditSummaries.enterpriseId, enterpriseId)))[0];

describe('the 无事故 sweep', () => {
  it('reaches N full years on the anniversary in China time, not a day early', async () => {
    expect(await evaluateAccidentFree(w.db, yesterday, addDays(yesterday, -1))).toEqual({ accidentFree: 0, years: 3 });
    expect(await eventsOf(x.id)).toHaveLength(0);
    expect(await evaluateAccidentFree(w.db, today, yesterday)).toEqual({ accidentFree: 2, years: 3 });
    const [ex] = await eventsOf(x.id);
    expect(ex).toMatchObject({ entityType: 'enterprise', enterpriseId: x.id, actorId: null });
    expect(ex!.payload).toEqual({ anchorOn: yearsAgo(3), anchorKind: 'registered', accidentId: null, years: 3, reachedOn: today });
    const [ev] = await eventsOf(v.id);
    expect(ev!.payload).toMatchObject({ anchorOn: yearsAgo(3), anchorKind: 'accident', accidentId: vAccidentId, reachedOn: today });
  });

  it('appends nothing more when run again the same day', async () => {
    expect(await evaluateAccidentFree(w.db, today, yesterday)).toEqual({ accidentFree: 0, years: 3 });
    expect(await eventsOf(x.id)).toHaveLength(1);
  });

  it('gives nothing to an enterprise with an accident within the last N years', async () => {
    // a first run (no previous run) announces every standing record once: Z, not Y, and not X or V again
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 1, years: 3 });
    expect(await eventsOf(y.id)).toHaveLength(0);
    const [ez] = await eventsOf(z.id);
    expect(ez!.payload).toMatchObject({ anchorKind: 'registered', years: 6, reachedOn: yearsAgo(3) });
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 0, years: 3 });
  });

  it('runs once a China day as a daily job, remembering the N it ran under', async () => {
    const count = async () =>
      (await w.db.select({ id: domainEvents.id }).from(domainEvents).where(eq(domainEvents.type, ACCIDENT_FREE_EVENT))).length;
    const before = await count();
    expect(await runDailyJob(w.db, accidentFreeJob, new Date(), () => {})).toBe(true);
    expect(await runDailyJob(w.db, accidentFreeJob, new Date(), () => {})).toBe(false);
    expect(await count()).toBe(before);
    const [run] = await w.db
      .select()
      .from(dailyJobRuns)
      .where(and(eq(dailyJobRuns.name, ACCIDENT_FREE_JOB), eq(dailyJobRuns.day, today)));
    expect(run!.result).toEqual({ accidentFree: 0, years: 3 });
  });
});

describe('the credit consumer', () => {
  it('writes one entry per event and credits it in the grade, shown in the calculation', async () => {
    await w.consume((await w.decideCase(x)).eventId);
    expect(await summaryOf(x.id)).toMatchObject({ score: 90, grade: 'A' });
    const [ex] = await eventsOf(x.id);
    expect(await w.consume(ex!.id)).toBe(true);
    expect(await w.consume(ex!.id)).toBe(false);
    const entries = await recordOf(x.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      status: 'active',
      points: -5,
      occurredOn: today,
      sourceType: 'accident_free',
      sourceId: x.id,
      eventId: ex!.id,
      title: `连续3年未发生生产安全事故（自${yearsAgo(3)}纳入企业档案起算，${today}满3年）`,
    });
    expect(await summaryOf(x.id)).toMatchObject({ score: 95, grade: 'A', schemeVersion: '2026.3', activeEntries: 2 });
    const view = (await w.as.streetA!.get(`/api/enterprises/${x.id}/credit`)).json();
    expect(view.calculation.lines).toContainEqual({ kind: 'accident_free', severity: null, count: 1, pointsEach: -5, points: -5 });
    expect(view.calculation).toMatchObject({ deducted: 10, credited: 5, score: 95 });
    expect(view.entries.find((e: { kind: string }) => e.kind === 'accident_free')).toMatchObject({ counted: true, points: -5 });

    const [ev] = await eventsOf(v.id);
    await w.consume(ev!.id);
    expect((await recordOf(v.id))[0]).toMatchObject({ sourceId: vAccidentId, title: expect.stringContaining('上次事故起算') });
    // the accident three years ago today is still inside the 36-month window: 100 − 15 + 5
    expect(await summaryOf(v.id)).toMatchObject({ score: 90, grade: 'A' });
  });

  it('withdraws the record on a later accident within N years, and recomputes the grade', async () => {
    const acc = await w.accident(x, 'general', `${today}T08:00:00+08:00`);
    await w.consume(acc.eventId);
    const [entry] = await recordOf(x.id);
    expect(entry).toMatchObject({ status: 'withdrawn', withdrawnOn: today, withdrawnReason: `${today}发生一般生产安全事故` });
    expect(await summaryOf(x.id)).toMatchObject({ score: 100 - 10 - 15, grade: 'B' });
    // the anchor moved to today's accident: the sweep announces nothing for X, today or as a first run
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 0, years: 3 });
  });

  it('keeps the record for an accident recorded late that lies more than N years back, and holds one record at a time', async () => {
    const [ez] = await eventsOf(z.id);
    await w.consume(ez!.id);
    const late = await w.accident(z, 'general', `${yearsAgo(5)}T10:00:00+08:00`);
    await w.consume(late.eventId);
    expect(await recordOf(z.id)).toMatchObject([{ status: 'active', sourceId: z.id }]);
    // its anchor is now that accident: a first run announces the new period, and the consumer keeps the one record
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 1, years: 3 });
    const events = await eventsOf(z.id);
    expect(events).toHaveLength(2);
    await w.consume(events[1]!.id);
    expect(await recordOf(z.id)).toMatchObject([{ status: 'active', sourceId: z.id }]);
  });

  it('writes nothing when an accident has moved the anchor since the event was appended', async () => {
    const ent = await buildEnterprise(w.db, { street: w.streetA, name: '壬包装厂', createdAt: new Date(`${yearsAgo(4)}T09:00:00+08:00`) });
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 1, years: 3 });
    await w.accident(ent, 'general', `${yesterday}T10:00:00+08:00`);
    const [e] = await eventsOf(ent.id);
    await w.consume(e!.id);
    expect(await recordOf(ent.id)).toHaveLength(0);
  });

  it('gives the record to an enterprise restored after deletion, which the sweep skipped while it was deleted', async () => {
    const ent = await buildEnterprise(w.db, { street: w.streetA, name: '癸印刷厂', createdAt: new Date(`${yearsAgo(5)}T09:00:00+08:00`) });
    const deleted = await w.as.district!.del(`/api/enterprises/${ent.id}`, { version: 1 });
    expect(deleted.statusCode).toBe(200);
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 0, years: 3 });
    const restored = await w.as.district!.post(`/api/enterprises/${ent.id}/restore`, { version: deleted.json().version });
    expect(restored.statusCode).toBe(200);
    const [deleteEvent, restoreEvent] = await w.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.entityId, ent.id), inArray(domainEvents.type, ['enterprise.delete', 'enterprise.restore'])))
      .orderBy(domainEvents.id);
    expect(deleteEvent!.type).toBe('enterprise.delete');
    expect(await w.consume(deleteEvent!.id)).toBe(false); // not the credit consumer's
    expect(await w.consume(restoreEvent!.id)).toBe(true);
    expect(await recordOf(ent.id)).toMatchObject([
      { status: 'active', sourceId: ent.id, occurredOn: anniversary(yearsAgo(5), 3), eventId: restoreEvent!.id },
    ]);
    expect(await summaryOf(ent.id)).toMatchObject({ activeEntries: 1, score: 100 }); // the score is capped at 100
    // the sweep, now that it is live again, announces its period, and the consumer keeps the one record
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 1, years: 3 });
    const [announced] = await eventsOf(ent.id);
    await w.consume(announced!.id);
    expect(await recordOf(ent.id)).toHaveLength(1);
  });

  it('gives nothing on a restore before N years', async () => {
    const ent = await buildEnterprise(w.db, { street: w.streetA, name: '子木器厂', createdAt: new Date(`${yearsAgo(2)}T09:00:00+08:00`) });
    const deleted = await w.as.district!.del(`/api/enterprises/${ent.id}`, { version: 1 });
    await w.as.district!.post(`/api/enterprises/${ent.id}/restore`, { version: deleted.json().version });
    const [restoreEvent] = await w.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.entityId, ent.id), eq(domainEvents.type, 'enterprise.restore')));
    await w.consume(restoreEvent!.id);
    expect(await recordOf(ent.id)).toHaveLength(0);
  });
});

describe("the credit consumer's batch (the queue hands it a run of the sweep's events)", () => {
  it('writes what one event at a time would, in one transaction, and grades as recomputeSummary does', async () => {
    const made = (name: string, years: number) =>
      buildEnterprise(w.db, { street: w.streetB, name, createdAt: new Date(`${yearsAgo(years)}T09:00:00+08:00`) });
    const registered = await made('丑五金厂', 4);
    const penalised = await made('寅电镀厂', 5);
    await w.consume((await w.decideCase(penalised)).eventId);
    const afterAccident = await made('卯纺织厂', 9);
    const acc = await w.accident(afterAccident, 'general', `${yearsAgo(3)}T10:00:00+08:00`);
    await w.consume(acc.eventId);
    const moved = await made('辰化工厂', 6);
    const deleted = await made('巳木业厂', 7);
    const young = await made('午食品厂', 1);
    expect(await evaluateAccidentFree(w.db, today, null)).toEqual({ accidentFree: 5, years: 3 });
    const announced = [registered, penalised, afterAccident, moved, deleted];
    const events = (await Promise.all(announced.map(async (e) => (await eventsOf(e.id))[0]!.id))).sort((a, b) => a - b);
    // between the sweep and the consumer: an accident moves one anchor, one enterprise is deleted
    await w.accident(moved, 'general', `${yesterday}T10:00:00+08:00`);
    await w.db.update(enterprises).set({ deletedAt: new Date() }).where(eq(enterprises.id, deleted.id));

    // the insurance sweep's gap of the same enterprise rides in the same run
    const gap = await appendEvent(
      w.db,
      'insurance.coverage_gap',
      'insurance_coverage',
      { ...registered, enterpriseId: registered.id },
      null,
      {
        gapSince: null,
        gapKey: 'none',
        lastPolicyNo: null,
      },
    );
    const run = [...events, gap];
    expect(await consumeEvents(w.t.database, creditConsumer, run)).toBe(6);
    expect(await consumeEvents(w.t.database, creditConsumer, run)).toBe(0); // marked: a redelivery does nothing

    expect(await recordOf(registered.id)).toMatchObject([
      {
        status: 'active',
        sourceId: registered.id,
        occurredOn: anniversary(yearsAgo(4), 3),
        points: -5,
        areaCode: registered.areaCode,
        title: `连续4年未发生生产安全事故（自${yearsAgo(4)}纳入企业档案起算，${anniversary(yearsAgo(4), 3)}满3年）`,
      },
    ]);
    expect(
      await w.db
        .select()
        .from(creditEntries)
        .where(and(eq(creditEntries.enterpriseId, registered.id), eq(creditEntries.kind, 'uninsured'))),
    ).toMatchObject([
      { status: 'active', points: 10, eventId: gap, title: '属安责险应投保行业领域，未投保或保单已过期', occurredOn: today },
    ]);
    expect(await recordOf(afterAccident.id)).toMatchObject([
      { status: 'active', sourceId: acc.row.id, title: expect.stringContaining('上次事故起算') },
    ]);
    expect(await recordOf(moved.id)).toHaveLength(0);
    expect(await recordOf(deleted.id)).toHaveLength(0);
    expect(await recordOf(young.id)).toHaveLength(0);

    // the summaries the batch wrote in one statement equal recomputeSummary's, one enterprise at a time
    const graded = [registered, penalised, afterAccident];
    const batch = await Promise.all(graded.map((e) => summaryOf(e.id)));
    expect(batch.map((s) => [s!.score, s!.grade, s!.activeEntries])).toEqual([
      [95, 'A', 2], // 100 − 10 + 5
      [95, 'A', 2], // 100 − 10 + 5
      [90, 'A', 2], // 100 − 15 + 5
    ]);
    for (const e of graded) await w.db.transaction((tx) => recomputeSummary(tx, e.id, today));
    const one = await Promise.all(graded.map((e) => summaryOf(e.id)));
    expect(one.map((s) => [s!.score, s!.grade, s!.activeEntries])).toEqual(batch.map((s) => [s!.score, s!.grade, s!.activeEntries]));
    const grades = await w.db
      .select({ id: enterprises.id, grade: enterprises.creditGrade })
      .from(enterprises)
      .where(
        inArray(
          enterprises.id,
          graded.map((e) => e.id),
        ),
      );
    expect(new Map(grades.map((g) => [g.id, g.grade]))).toEqual(new Map(graded.map((e) => [e.id, 'A'])));
  });
});
