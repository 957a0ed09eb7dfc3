// 双随机: reproducibility, weighted frequencies (chi-square) and 回避 conflicts.
import { describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import {
  defaultWeightTable,
  drawInspectors,
  MIX_P,
  mixHash,
  mixKeys,
  pairKey,
  sampleWeighted,
  uniformMix,
  uniformOf,
  weightOf,
  weightReasons,
  type PoolMember,
  type UniformMethod,
} from './draw';

/** Sequential ids, differing in their last bits only: the hardest case for the mix32 rounds. */
const seqId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/**
 * Ids with no structure, as random v4 ids have, but fixed: a chi-square bound at the 0.1 % level fails one run in a
 * thousand by chance, so a test drawing fresh random ids each run failed CI now and then (2026-12-06).
 */
const hashedId = (i: number) => {
  const h = createHash('sha256').update(`draw-test-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const pool: PoolMember[] = Array.from({ length: 40 }, (_, i) => ({ id: seqId(i), weight: 1 + (i % 4) }));

// Chi-square runs draw tens of thousands of times: seconds of CPU on a busy 2-core CI machine (one took 5.2 s).
describe('weighted draw', { timeout: 60_000 }, () => {
  it('is reproducible from the seed and draws without replacement', () => {
    const a = sampleWeighted(pool, 10, 'seed-1');
    const b = sampleWeighted([...pool].reverse(), 10, 'seed-1');
    expect(a.map((p) => p.id)).toEqual(b.map((p) => p.id));
    expect(new Set(a.map((p) => p.id)).size).toBe(10);
    expect(sampleWeighted(pool, 10, 'seed-2').map((p) => p.id)).not.toEqual(a.map((p) => p.id));
    expect(sampleWeighted(pool, 100, 's')).toHaveLength(40);
  });

  it('uniforms lie strictly inside (0, 1)', () => {
    for (let i = 0; i < 1000; i++) {
      for (const u of [uniformOf('s', String(i)), uniformMix('s', seqId(i)), uniformMix(`s${i}`, randomUUID())]) {
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThan(1);
      }
    }
  });

  it('mix32 stays exact in 64-bit arithmetic: every product (x xor key) · M is below 2^63, as SQL bigint needs', () => {
    expect((2n ** 32n - 1n) * 1597334677n < 2n ** 63n).toBe(true);
    expect(MIX_P < 2n ** 32n).toBe(true);
    // The words read from the UUID and the round keys are 32-bit, so the first xor is too.
    const [k1] = mixKeys('seed');
    expect(k1 < 2n ** 32n).toBe(true);
    expect(mixHash(mixKeys('seed'), 'ffffffff-ffff-4fff-bfff-ffffffffffff') < MIX_P).toBe(true);
  });

  it('mix32 uniforms of sequential ids are evenly spread (chi-square over 20 bins) and uncorrelated between neighbours', () => {
    const n = 20_000;
    const bins = new Array<number>(20).fill(0);
    let prev = uniformMix('spread', seqId(0));
    let sxy = 0;
    for (let i = 1; i <= n; i++) {
      const u = uniformMix('spread', seqId(i));
      bins[Math.floor(u * 20)]!++;
      sxy += (u - 0.5) * (prev - 0.5);
      prev = u;
    }
    const chi2 = bins.reduce((acc, c) => acc + (c - n / 20) ** 2 / (n / 20), 0);
    // df = 19; 43.82 is the 0.1 % critical value.
    expect(chi2).toBeLessThan(43.82);
    // Lag-1 correlation of uniforms: sd ≈ 1/√n, so |r| < 4/√n.
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
  });

  for (const method of ['mix32', 'md5'] as UniformMethod[]) {
    for (const ids of [
      ['sequential ids', [0, 1, 2, 3].map(seqId)],
      ['unstructured ids', [0, 1, 2, 3].map(hashedId)],
    ] as const) {
      it(`selects each member with probability proportional to its weight (chi-square, k = 1, ${method}, ${ids[0]})`, () => {
        const weights = [1, 2, 3, 4];
        const small = weights.map((w, i) => ({ id: ids[1][i]!, weight: w }));
        const n = 20_000;
        const counts = [0, 0, 0, 0];
        for (let s = 0; s < n; s++) counts[(ids[1] as readonly string[]).indexOf(sampleWeighted(small, 1, `run-${s}`, method)[0]!.id)]!++;
        const total = weights.reduce((a, b) => a + b, 0);
        const chi2 = weights.reduce((acc, w, i) => {
          const expected = (n * w) / total;
          return acc + (counts[i]! - expected) ** 2 / expected;
        }, 0);
        // df = 3; 16.27 is the 0.1 % critical value.
        expect(chi2).toBeLessThan(16.27);
      });
    }
  }

  it('second pick follows sampling without replacement (P(first two = {w4, w3}) matches theory)', () => {
    const small = [1, 2, 3, 4].map((w, i) => ({ id: seqId(i), weight: w }));
    const n = 20_000;
    let both = 0;
    for (let s = 0; s < n; s++) {
      const ids = sampleWeighted(small, 2, `pair-${s}`).map((p) => p.id);
      if (ids.includes(seqId(3)) && ids.includes(seqId(2))) both++;
    }
    // P = 4/10·3/6 + 3/10·4/7 = 0.2 + 0.1714…
    const p = 0.2 + 12 / 70;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(both - n * p)).toBeLessThan(4 * sd);
  });

  it('a large pool: selection frequency of the heavy members matches their share (k = 1 over 200 members)', () => {
    // 10 members of weight 5 among 190 of weight 1: P(heavy first) = 50 / 240.
    const big = Array.from({ length: 200 }, (_, i) => ({ id: seqId(i * 7919), weight: i % 20 === 0 ? 5 : 1 }));
    const heavy = new Set(big.filter((m) => m.weight === 5).map((m) => m.id));
    const n = 4_000;
    let hits = 0;
    for (let s = 0; s < n; s++) if (heavy.has(sampleWeighted(big, 1, `big-${s}`)[0]!.id)) hits++;
    const p = 50 / 240;
    expect(Math.abs(hits - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
  });

  it('adds the published signal weights to the base', () => {
    expect(weightOf({}, defaultWeightTable)).toBe(1);
    expect(weightOf({ openMajorHazard: true, redRisk: true, neverInspected: true }, defaultWeightTable)).toBe(9);
  });

  // 差异化监管 by credit (seeds 002, 003; factors L): the risk weight times the credit grade's factor.
  it('multiplies the risk weight by the credit grade factor; no record counts as A; old tables without factors as 1', () => {
    expect(weightOf({ creditGrade: null }, defaultWeightTable)).toBe(1);
    expect(weightOf({ creditGrade: 'A' }, defaultWeightTable)).toBe(1);
    expect(weightOf({ creditGrade: 'B', neverInspected: true }, defaultWeightTable)).toBe(3);
    expect(weightOf({ creditGrade: 'D', redRisk: true }, defaultWeightTable)).toBe(12);
    const { creditA: _a, creditB: _b, creditC: _c, creditD: _d, ...old } = defaultWeightTable;
    expect(weightOf({ creditGrade: 'D', redRisk: true }, old)).toBe(4);
    expect(weightReasons({ creditGrade: 'C', recentPenalty: true }, defaultWeightTable)).toEqual([
      { key: 'base', value: 1 },
      { key: 'recentPenalty', value: 2 },
      { key: 'creditC', value: 2 },
    ]);
  });

  it('draws by credit grade in proportion to the factored weights (chi-square, k = 1, grades A–D)', () => {
    const grades = ['A', 'B', 'C', 'D'] as const;
    const members = grades.map((g, i) => ({ id: seqId(i * 104729), weight: weightOf({ creditGrade: g }, defaultWeightTable) }));
    const n = 20_000;
    const counts = [0, 0, 0, 0];
    for (let s = 0; s < n; s++) counts[members.findIndex((m) => m.id === sampleWeighted(members, 1, `credit-${s}`)[0]!.id)]!++;
    const total = members.reduce((a, m) => a + m.weight, 0);
    const chi2 = members.reduce((acc, m, i) => acc + (counts[i]! - (n * m.weight) / total) ** 2 / ((n * m.weight) / total), 0);
    expect(chi2).toBeLessThan(16.27); // df = 3, 0.1 % critical value
  });
});

describe('inspector draw', () => {
  const root = '440307';
  const inspectors = [
    { id: 'bureau-1', orgAreaCode: root },
    { id: 'bureau-2', orgAreaCode: root },
    { id: 'street-a', orgAreaCode: '440307001' },
    { id: 'street-b', orgAreaCode: '440307002' },
  ];
  const ents = [
    { id: 'ent-a', areaCode: '440307001003' },
    { id: 'ent-b', areaCode: '440307002001' },
  ];

  it('never sends an inspector to a street-level enterprise in their own street, nor repeats last pairs', () => {
    for (let s = 0; s < 200; s++) {
      const previousPairs = new Set([pairKey('bureau-1', 'ent-b')]);
      const out = drawInspectors(ents, inspectors, `s${s}`, { rootAreaCode: root, previousPairs, perEnterprise: 2 });
      expect(out[0]!.inspectorIds).not.toContain('street-a');
      expect(out[1]!.inspectorIds).not.toContain('street-b');
      expect(out[1]!.inspectorIds).not.toContain('bureau-1');
      expect(out.every((a) => a.inspectorIds.length === 2 && !a.short)).toBe(true);
    }
  });

  it('reports a short assignment when conflicts leave too few inspectors', () => {
    const out = drawInspectors([ents[0]!], [inspectors[2]!, inspectors[3]!], 's', {
      rootAreaCode: root,
      previousPairs: new Set(),
      perEnterprise: 2,
    });
    expect(out[0]).toEqual({ enterpriseId: 'ent-a', inspectorIds: ['street-b'], short: true });
  });
});
