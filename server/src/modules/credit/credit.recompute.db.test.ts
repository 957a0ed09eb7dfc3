// The set-based full recomputation (credit.recompute.ts) against the per-event one (recomputeSummary, which scores with
// computeCredit in TypeScript): the same summary rows and mirrored grades for enterprises covering each rule of scheme
// 2026.2 — deductions, accident levels (an unknown level counts as general), the window's edges, withdrawn entries,
// credits capped at 10 and never above 100, a published listing in its period (D) and one past it — and no summary
// created for an enterprise without a credit record.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { creditEntries, creditListings, creditSummaries, enterprises } from '../../db/schema';
import type { Database } from '../../platform/db';
import { buildEnterprise, buildStreet } from '../../seed/factories';
import { openTestDatabase } from '../../../test/db';
import { recomputeSummary } from './credit.service';
import { recomputeAllSummaries } from './credit.recompute';

const TODAY = '2026-11-20';
let d: Database;
beforeAll(async () => {
  d = await openTestDatabase();
});
afterAll(() => d.close());

type Ent = Awaited<ReturnType<typeof buildEnterprise>>;
const entry = (e: Ent, kind: string, occurredOn: string, o: { severity?: string | null; status?: string } = {}) => ({
  enterpriseId: e.id,
  areaCode: e.areaCode,
  sector: e.sector,
  kind,
  sourceType: 'bench',
  sourceId: randomUUID(),
  severity: o.severity ?? null,
  title: kind,
  points: 0,
  occurredOn,
  status: o.status ?? 'active',
  eventId: 1,
  lastEventId: 1,
});

const listing = (e: Ent, periodEnd: string) => ({
  enterpriseId: e.id,
  areaCode: e.areaCode,
  partyName: e.name,
  creditCode: e.creditCode,
  status: 'published',
  criteria: ['major_accident'],
  grounds: '测试',
  sources: [],
  proposedOn: '2025-01-01',
  periodEnd,
});

describe('recompute-credit', () => {
  it('writes what recomputeSummary writes, for every rule of the scheme', async () => {
    const street = await buildStreet(d.db);
    const ents: Ent[] = [];
    for (let i = 0; i < 10; i++) ents.push(await buildEnterprise(d.db, { street }));
    const [deductions, credits, listed, aged, levels, noSummary, nothing, noEntries, expiredListing, major] = ents as [
      Ent,
      Ent,
      Ent,
      Ent,
      Ent,
      Ent,
      Ent,
      Ent,
      Ent,
      Ent,
    ];
    await d.db.insert(creditEntries).values([
      entry(deductions, 'penalty', '2026-10-01'),
      entry(deductions, 'accident', '2026-03-01', { severity: 'general' }),
      entry(deductions, 'verified_report', '2025-06-01'),
      ...Array.from({ length: 12 }, (_, i) => entry(credits, 'duty_kept', `2026-0${1 + (i % 9)}-1${i % 10}`)),
      entry(credits, 'standardization', '2026-01-05', { severity: '1' }),
      entry(credits, 'penalty', '2026-02-01'),
      entry(credits, 'uninsured', '2026-02-02'),
      entry(listed, 'penalty', '2026-05-01'),
      // the window starts on 2023-11-20: the day before is out, the day itself in; a future day and a withdrawn entry are out
      entry(aged, 'penalty', '2023-11-19'),
      entry(aged, 'major_hazard', '2023-11-20'),
      entry(aged, 'accident', '2026-11-21', { severity: 'larger' }),
      entry(aged, 'penalty', '2026-06-01', { status: 'withdrawn' }),
      // a standing kind (the 无事故 record, scheme 2026.3) counts however long ago it was earned
      entry(aged, 'accident_free', '2022-01-01'),
      entry(levels, 'accident', '2026-01-01', { severity: 'larger' }),
      entry(levels, 'accident', '2026-01-02', { severity: 'no_such_level' }),
      entry(levels, 'accident', '2026-01-03'),
      entry(levels, 'standardization', '2026-01-04', { severity: 'no_such_grade' }),
      entry(noSummary, 'major_hazard', '2026-04-01'),
      entry(expiredListing, 'penalty', '2026-04-01'),
      entry(major, 'accident', '2026-07-01', { severity: 'major' }),
      ...Array.from({ length: 4 }, () => entry(major, 'standardization', '2026-07-02', { severity: '1' })),
    ]);
    await d.db.insert(creditListings).values([listing(listed, '2029-05-01'), listing(expiredListing, TODAY)]);
    const ids = ents.map((e) => e.id);
    const withRecord = ents.filter((e) => e !== nothing).map((e) => e.id);

    // The reference: the per-event path, one enterprise at a time.
    for (const id of withRecord) await d.db.transaction((tx) => recomputeSummary(tx, id, TODAY));
    const pick = async () =>
      Object.fromEntries(
        (await d.db.select().from(creditSummaries).where(inArray(creditSummaries.enterpriseId, ids))).map((s) => [
          s.enterpriseId,
          {
            score: s.score,
            grade: s.grade,
            activeEntries: s.activeEntries,
            schemeVersion: s.schemeVersion,
            asOf: s.asOf,
            version: s.version,
          },
        ]),
      );
    const grades = async () =>
      Object.fromEntries(
        (await d.db.select({ id: enterprises.id, g: enterprises.creditGrade }).from(enterprises).where(inArray(enterprises.id, ids))).map(
          (r) => [r.id, r.g],
        ),
      );
    const reference = await pick();
    const referenceGrades = await grades();
    expect(Object.keys(reference).sort()).toEqual(withRecord.sort());
    expect(reference[deductions.id]).toMatchObject({ score: 100 - 10 - 15 - 5, grade: 'C', activeEntries: 3 });
    expect(reference[credits.id]).toMatchObject({ score: 90, grade: 'A' });
    expect(reference[listed.id]).toMatchObject({ score: 90, grade: 'D' });
    expect(reference[aged.id]).toMatchObject({ score: 95, grade: 'A', activeEntries: 4 });
    expect(reference[levels.id]).toMatchObject({ score: 100 - 40 - 15 - 15, grade: 'D' });
    expect(reference[expiredListing.id]).toMatchObject({ score: 90, grade: 'A' });
    expect(reference[major.id]).toMatchObject({ score: 50, grade: 'D' });
    expect(reference[noEntries.id]).toMatchObject({ score: 100, grade: 'A', activeEntries: 0 });

    // Scrambled as an old scheme would have left them, one summary missing, the mirror cleared.
    await d.db.delete(creditSummaries).where(eq(creditSummaries.enterpriseId, noSummary.id));
    await d.db
      .update(creditSummaries)
      .set({ score: 0, grade: 'B', activeEntries: 99, schemeVersion: '2026.1', asOf: '2020-01-01' })
      .where(inArray(creditSummaries.enterpriseId, ids));
    await d.db.update(enterprises).set({ creditGrade: null }).where(inArray(enterprises.id, ids));

    const r = await recomputeAllSummaries(d.db, TODAY, { batchSize: 3 });
    expect(r.enterprises).toBe(withRecord.length);
    expect(r.gradesChanged).toBe(withRecord.length);
    const after = await pick();
    for (const id of withRecord) {
      const { version, ...rest } = after[id]!;
      const { version: before, ...expected } = reference[id]!;
      expect(rest, id).toEqual(expected);
      expect(version).toBe(id === noSummary.id ? 1 : before + 1);
    }
    expect(after[nothing.id]).toBeUndefined();
    expect(await grades()).toEqual(referenceGrades);

    // Again: every row rewritten, no grade changed.
    expect(await recomputeAllSummaries(d.db, TODAY)).toMatchObject({ enterprises: withRecord.length, gradesChanged: 0 });
  });
});
