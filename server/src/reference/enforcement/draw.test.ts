// 双随机: reproducibility, weighted frequencies (chi-square) and 回避 conflicts.
import { describe, expect, it } from 'vitest';
import { defaultWeightTable, drawInspectors, pairKey, sampleWeighted, uniformOf, weightOf, type PoolMember } from './draw';

const pool: PoolMember[] = Array.from({ length: 40 }, (_, i) => ({ id: `e${String(i).padStart(3, '0')}`, weight: 1 + (i % 4) }));

describe('weighted draw', () => {
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
      const u = uniformOf('s', String(i));
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('selects each member with probability proportional to its weight (chi-square, k = 1)', () => {
    const weights = [1, 2, 3, 4];
    const small = weights.map((w, i) => ({ id: `m${i}`, weight: w }));
    const n = 20_000;
    const counts = [0, 0, 0, 0];
    for (let s = 0; s < n; s++) counts[Number(sampleWeighted(small, 1, `run-${s}`)[0]!.id.slice(1))]!++;
    const total = weights.reduce((a, b) => a + b, 0);
    const chi2 = weights.reduce((acc, w, i) => {
      const expected = (n * w) / total;
      return acc + (counts[i]! - expected) ** 2 / expected;
    }, 0);
    // df = 3; 16.27 is the 0.1 % critical value.
    expect(chi2).toBeLessThan(16.27);
  });

  it('second pick follows sampling without replacement (P(first two = {w4, w3}) matches theory)', () => {
    const small = [1, 2, 3, 4].map((w, i) => ({ id: `m${i}`, weight: w }));
    const n = 20_000;
    let both = 0;
    for (let s = 0; s < n; s++) {
      const ids = sampleWeighted(small, 2, `pair-${s}`).map((p) => p.id);
      if (ids.includes('m3') && ids.includes('m2')) both++;
    }
    // P = 4/10·3/6 + 3/10·4/7 = 0.2 + 0.1714…
    const p = 0.2 + 12 / 70;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(both - n * p)).toBeLessThan(4 * sd);
  });

  it('adds the published signal weights to the base', () => {
    expect(weightOf({}, defaultWeightTable)).toBe(1);
    expect(weightOf({ openMajorHazard: true, redRisk: true, neverInspected: true }, defaultWeightTable)).toBe(9);
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
