// A backtest (warnings.backtest.ts) equals the condition evaluated on every backtest day (runConditionOnDays) cut
// to its first records per day — counts exact, the same records in the same order with the same evidence — for every
// kind, over seeded random records: for 'overdue_hazards' (its own path: runs of days per enterprise, evidence for the
// listed enterprises only) hidden dangers found, due and closed on month-ends, the days either side and at random,
// found after their deadline, never closed, without a deadline, and in another district; cuts of 1, 3 and 50 records;
// backtests ending on a month-end and mid-month, and of one month. The overdue counts also equal a count in code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { WarningCondition } from '@anjian/contracts';
import { openTestDatabase } from '../../../test/db';
import { buildDistrict, buildEnterprise, buildStreet } from '../../seed/factories';
import { checkTasks, hazardListings, hazards, reports } from '../../db/schema';
import { rowsOf, type Database } from '../../platform/db';
import { areaPrefixOf } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { backtestCondition } from './warnings.backtest';
import { runConditionOnDays } from './warnings.conditions';
import { backtestDays } from './warnings.rules';

let t: Database;
let prefix = '';

/** A small deterministic generator (the same world on every run and engine). */
let seed = 20_261_120;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return Math.floor((seed / 2_147_483_648) * n);
};
const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;

const TODAY = '2026-11-20';
const MONTH_ENDS = ['2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'];
/** Days a hidden danger's dates are drawn from: month-ends and the days either side, today and its neighbours, any. */
const edgy = () =>
  rand(3) === 0 ? addDays('2026-05-01', rand(215)) : addDays(pick([...MONTH_ENDS, TODAY, '2026-02-28']), pick([-1, 0, 0, 1]));

interface Plain {
  enterpriseId: string;
  inScope: boolean;
  foundOn: string;
  deadline: string | null;
  closedOn: string | null;
}
const planted: Plain[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  const db = t.db;
  const district = await buildDistrict(db, '回测区');
  prefix = areaPrefixOf(district.code);
  const streets = [await buildStreet(db, { district }), await buildStreet(db, { district })];
  const other = await buildStreet(db); // another district: never in the rule's area
  const ents = [];
  for (let i = 0; i < 36; i++)
    ents.push({
      inScope: i < 30,
      e: await buildEnterprise(db, { street: i < 30 ? streets[i % 2] : other, createdAt: new Date('2025-01-01') }),
    });
  let n = 0;
  for (const { e, inScope } of ents) {
    const count = 2 + rand(12);
    for (let k = 0; k < count; k++) {
      const foundOn = edgy();
      const r = rand(10);
      // Due after finding, on a month-end or the day after it, or before it was found (found late); a few undated.
      const deadline = r === 0 ? null : r === 1 ? addDays(foundOn, -rand(20)) : rand(2) ? edgy() : addDays(foundOn, rand(60));
      const c = rand(8);
      const closedOn =
        c < 2
          ? null
          : c === 2 && deadline
            ? deadline
            : c === 3 && deadline
              ? addDays(deadline, 1)
              : c === 4
                ? edgy()
                : addDays(foundOn, rand(90));
      planted.push({ enterpriseId: e.id, inScope, foundOn, deadline, closedOn });
      const [h] = await db
        .insert(hazards)
        .values({
          number: `YH-BT-${++n}`,
          enterpriseId: e.id,
          areaCode: e.areaCode,
          sector: e.sector,
          parkId: e.parkId,
          source: 'self_check',
          description: '回测隐患',
          category: 'unsafe_condition',
          grade: rand(4) === 0 ? 'major' : 'general',
          foundOn,
          deadline,
          state: closedOn ? 'closed' : 'rectifying',
          closedOn,
        })
        .returning({ id: hazards.id });
      if (rand(5) === 0) {
        const listedOn = edgy();
        const required = addDays(listedOn, rand(60));
        await db.insert(hazardListings).values({
          hazardId: h!.id,
          documentNumber: `督-${n}`,
          listedOn,
          requiredCompletionDate: required,
          reviewAppliedOn: rand(2) ? addDays(required, rand(30) - 10) : null,
          reviewDue: rand(2) ? addDays(required, 20) : null,
          reviewedOn: rand(3) ? null : addDays(required, rand(40)),
          delistedOn: rand(3) ? null : addDays(listedOn, rand(120)),
        });
      }
    }
    // Self-checks done now and then (or never), and 举报 naming the enterprise or only an address.
    for (let k = rand(4); k > 0; k--) {
      const createdAt = addDays('2026-01-01', rand(300));
      await db.insert(checkTasks).values({
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        level: 'enterprise',
        frequency: 'monthly',
        periodStart: createdAt,
        dueDate: addDays(createdAt, 30),
        state: rand(2) ? 'done' : 'pending',
        doneAt: rand(2) ? new Date(`${addDays(createdAt, rand(40))}T10:00:00+08:00`) : null,
        createdAt: new Date(`${createdAt}T09:00:00+08:00`),
      });
    }
    for (let k = rand(5); k > 0; k--) {
      const submittedOn = edgy();
      const named = rand(3) > 0;
      await db.insert(reports).values({
        trackingCode: `BT${++n}`,
        category: 'hidden_danger',
        channel: 'online',
        areaCode: e.areaCode,
        enterpriseId: named ? e.id : null,
        address: named ? e.address : `回测路${rand(3)}号`,
        occurredOn: submittedOn,
        description: '回测举报',
        status: rand(6) === 0 ? 'merged' : 'received',
        submittedOn,
        acceptDue: addDays(submittedOn, 3),
      });
    }
  }
  await db.execute(sql`analyze`);
});
afterAll(() => t.close());

const strip = (days: Map<string, unknown[]>, head: number) =>
  [...days.entries()].map(([asOf, hits]) => ({ asOf, count: hits.length, hits: hits.slice(0, head) }));

/** Overdue on `d` by the condition's words, counted in code. */
function overdueCounts(days: readonly string[], min: number) {
  return days.map((d) => {
    const per = new Map<string, number>();
    for (const h of planted)
      if (h.inScope && h.deadline !== null && h.deadline < d && h.foundOn <= d && (h.closedOn === null || h.closedOn > d))
        per.set(h.enterpriseId, (per.get(h.enterpriseId) ?? 0) + 1);
    return [...per.values()].filter((n) => n >= min).length;
  });
}

const ranges: [string, number][] = [
  [TODAY, 8],
  ['2026-10-31', 7],
  ['2026-12-31', 12],
  [TODAY, 1],
];

describe('overdue hidden dangers: runs per enterprise equal the per-day evaluation', () => {
  for (const minCount of [1, 2, 3])
    for (const [today, months] of ranges)
      it(`≥ ${minCount} as of ${today} over ${months} month(s)`, async () => {
        const c: WarningCondition = { kind: 'overdue_hazards', params: { minCount } };
        const days = backtestDays(today, months).map((d) => d.asOf);
        const generic = await runConditionOnDays(t.db, c, days, prefix);
        const counts = [...generic.values()].map((h) => h.length);
        expect(counts).toEqual(overdueCounts(days, minCount));
        // Enough firings that the cuts of 1 and 3 bite.
        expect(Math.max(...counts)).toBeGreaterThan(minCount === 3 ? 1 : 3);
        for (const head of [1, 3, 50]) expect(await backtestCondition(t.db, c, days, prefix, head)).toEqual(strip(generic, head));
        // Days the first sorted runs do not settle, sorted on their own.
        for (const runs of [1, 5]) expect(await backtestCondition(t.db, c, days, prefix, 3, runs)).toEqual(strip(generic, 3));
      });

  it('inside a transaction too (the snapshot is a savepoint there)', async () => {
    const c: WarningCondition = { kind: 'overdue_hazards', params: { minCount: 2 } };
    const days = backtestDays(TODAY, 6).map((d) => d.asOf);
    const generic = strip(await runConditionOnDays(t.db, c, days, prefix), 3);
    expect(await t.db.transaction((tx) => backtestCondition(tx, c, days, prefix, 3))).toEqual(generic);
  });

  it('no hidden danger in the area: every month zero', async () => {
    const c: WarningCondition = { kind: 'overdue_hazards', params: { minCount: 1 } };
    const days = backtestDays(TODAY, 3).map((d) => d.asOf);
    expect(await backtestCondition(t.db, c, days, '98', 50)).toEqual(days.map((asOf) => ({ asOf, count: 0, hits: [] })));
  });
});

describe('the other kinds: the per-day lists cut in the database', () => {
  const kinds: WarningCondition[] = [
    { kind: 'major_hazard_overdue', params: { graceDays: 0 } },
    { kind: 'major_hazard_overdue', params: { graceDays: 10 } },
    { kind: 'repeated_reports', params: { minCount: 1, days: 30 } },
    { kind: 'repeated_reports', params: { minCount: 2, days: 90 } },
    { kind: 'no_self_check', params: { days: 30 } },
    { kind: 'certificates_expiring', params: { minCount: 1, days: 30 } },
    { kind: 'deaths_pace', params: { tolerancePct: 0 } },
  ];
  for (const c of kinds)
    it(`${c.kind} ${JSON.stringify(c.params)}`, async () => {
      const days = backtestDays(TODAY, 8).map((d) => d.asOf);
      const generic = await runConditionOnDays(t.db, c, days, prefix);
      if (c.kind !== 'certificates_expiring' && c.kind !== 'deaths_pace')
        expect([...generic.values()].some((h) => h.length > 3)).toBe(true);
      // Every hit's evidence reads in both languages: the English summary is English, never empty or Chinese.
      for (const hit of [...generic.values()].flat()) expect(hit.evidence.summaryEn).toMatch(/^[\x20-\x7e]+$/);
      for (const head of [1, 3, 50]) expect(await backtestCondition(t.db, c, days, prefix, head)).toEqual(strip(generic, head));
    });
});

it('the world has what the comparisons need', async () => {
  const n = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from hazards where deadline is null`))[0]!.n;
  expect(n).toBeGreaterThan(0);
});
