// Source: docs/rules.md §1.3 "1986→2025 mapping hints" (M); 'probably' edges as flagged there.
import { describe, expect, it } from 'vitest';
import { GB1986_TYPES, GB2025_TYPES } from './accident-types';
import type { MappingConfidence } from './accident-type-mapping';
import {
  COMPARISON_GROUPS,
  comparisonGroupOf,
  GB1986_TO_2025,
  gb1986PredecessorsOf,
  gb2025CandidatesFor,
  toCommonBasis,
} from './accident-type-mapping';

const rank: Record<MappingConfidence, number> = { stated: 0, probably: 1, assumed: 2 };

describe('comparison groups', () => {
  it('put every type of both schemes in exactly one group', () => {
    for (const t of GB1986_TYPES) expect(COMPARISON_GROUPS.filter((g) => g.gb1986.includes(t.code))).toHaveLength(1);
    for (const t of GB2025_TYPES) expect(COMPARISON_GROUPS.filter((g) => g.gb2025.includes(t.key))).toHaveLength(1);
  });
  it('keep every mapping edge inside one group, and carry the weakest confidence of their edges', () => {
    for (const e of GB1986_TO_2025) {
      expect(comparisonGroupOf('GB6441-1986', e.from).id).toBe(comparisonGroupOf('GB6441-2025', e.to).id);
    }
    for (const g of COMPARISON_GROUPS) {
      const edges = GB1986_TO_2025.filter((e) => g.gb1986.includes(e.from));
      const weakest = edges.reduce<MappingConfidence>((w, e) => (rank[e.confidence] > rank[w] ? e.confidence : w), 'stated');
      expect(g.confidence, g.id).toBe(weakest);
    }
  });
  it('map every 1986 type somewhere and reach every 2025 type', () => {
    for (const t of GB1986_TYPES) expect(gb2025CandidatesFor(t.code).length).toBeGreaterThan(0);
    for (const t of GB2025_TYPES) expect(gb1986PredecessorsOf(t.key).length).toBeGreaterThan(0);
  });
});

describe('1986 → 2025 edges (docs/rules.md §1.3)', () => {
  it('split 车辆伤害 into in-plant and road vehicles, and 中毒和窒息 into 中毒 and 窒息 (one-to-many)', () => {
    expect(gb2025CandidatesFor('02').map((e) => e.to)).toEqual(['P02', 'P03']);
    expect(gb2025CandidatesFor('019').map((e) => e.to)).toEqual(['P23', 'P24']);
  });
  it('fold 锅炉爆炸 and 容器爆炸 into 容器爆炸 (many-to-one), the boiler edge only "probably"', () => {
    expect(gb1986PredecessorsOf('P14').map((e) => [e.from, e.confidence])).toEqual([
      ['016', 'probably'],
      ['017', 'stated'],
      ['018', 'stated'],
    ]);
  });
  it('mark 冒顶片帮 → 坍塌 as probably, and send 透水 to 水害 and 瓦斯爆炸 to 可燃气体爆炸', () => {
    expect(gb2025CandidatesFor('011')).toEqual([{ from: '011', to: 'P12', confidence: 'probably' }]);
    expect(gb2025CandidatesFor('012')).toEqual([{ from: '012', to: 'P13', confidence: 'stated' }]);
    expect(gb2025CandidatesFor('015')).toEqual([{ from: '015', to: 'P16', confidence: 'stated' }]);
  });
  it('let 其他爆炸 become any of the nine new explosion types', () => {
    expect(gb2025CandidatesFor('018')).toHaveLength(9);
  });
});

describe('toCommonBasis', () => {
  it('sums a year split across the cut-over into common groups', () => {
    // H1 2026 under 1986 codes, H2 under 2025 keys: 车辆 3 + (2 + 4); 中毒和窒息 1 + (1 + 1); 瓦斯 2 + 粉尘 1.
    const basis = toCommonBasis(
      { scheme: 'GB6441-1986', counts: { '02': 3, '019': 1, '015': 2 } },
      { scheme: 'GB6441-2025', counts: { P02: 2, P03: 4, P23: 1, P24: 1, P18: 1 } },
    );
    expect(basis.vehicle).toBe(9);
    expect(basis.poisoning_asphyxiation).toBe(3);
    expect(basis.explosion).toBe(3);
    expect(basis.fire).toBe(0);
    expect(Object.values(basis).reduce((a, b) => a + b, 0)).toBe(15);
  });
  it('refuses unknown keys and negative counts instead of dropping them', () => {
    expect(() => toCommonBasis({ scheme: 'GB6441-1986', counts: { '10': 1 } })).toThrow(RangeError);
    expect(() => toCommonBasis({ scheme: 'GB6441-2025', counts: { '01': 1 } })).toThrow(RangeError);
    expect(() => toCommonBasis({ scheme: 'GB6441-2025', counts: { P01: -1 } })).toThrow(RangeError);
  });
});
