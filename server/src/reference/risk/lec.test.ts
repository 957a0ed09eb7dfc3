// Source: docs/rules.md §4.2, 作业条件危险性评价法 (LEC, Graham–Kinney): L/E/C tables (H), D bands >320 / 160–320 /
// 70–160 / 20–70 / <20 and their four-colour mapping (M); boundary semantics unspecified, default (lower, upper].
import { describe, expect, it } from 'vitest';
import {
  assessLec,
  defaultLecConfig,
  LecError,
  lecConfigSeventyIsSubstantial,
  lecTables,
  reachableLecProducts,
  validateLecConfig,
  validateLecInput,
  type LecConfig,
} from './lec';

describe('LEC value tables (docs/rules.md §4.2, three concordant sources)', () => {
  it('publishes the discrete L, E and C values with bilingual meanings', () => {
    expect(lecTables.l.rows.map((r) => r.value)).toEqual([10, 6, 3, 1, 0.5, 0.2, 0.1]);
    expect(lecTables.e.rows.map((r) => r.value)).toEqual([10, 6, 3, 2, 1, 0.5]);
    expect(lecTables.c.rows.map((r) => r.value)).toEqual([100, 40, 15, 7, 3, 1]);
    expect(lecTables.l.rows[0]?.meaning.zh).toBe('完全可以预料');
    expect(lecTables.e.rows[1]?.meaning.zh).toBe('每天工作时间内暴露');
    expect(lecTables.c.rows[2]?.meaning.zh).toBe('非常严重，一人死亡');
    for (const t of Object.values(lecTables)) for (const r of t.rows) expect(r.meaning.en).not.toBe('');
  });
});

describe('assessLec: D = L × E × C and the default (lower, upper] bands', () => {
  it('computes exact decimal products', () => {
    expect(assessLec({ l: 0.1, e: 3, c: 7 }).d).toBe(2.1);
    expect(assessLec({ l: 10, e: 10, c: 100 }).d).toBe(10000);
    expect(assessLec({ l: 0.1, e: 0.5, c: 1 }).d).toBe(0.05);
  });

  it('D = 20 is 稍有危险 → 低风险 (blue) under both readings', () => {
    for (const config of [defaultLecConfig, lecConfigSeventyIsSubstantial]) {
      expect(assessLec({ l: 10, e: 2, c: 1 }, config)).toEqual({ d: 20, dangerDegree: 'slight', level: 'low' });
      expect(assessLec({ l: 0.2, e: 1, c: 100 }, config)).toEqual({ d: 20, dangerDegree: 'slight', level: 'low' });
    }
    expect(assessLec({ l: 6, e: 3, c: 1 }).dangerDegree).toBe('slight'); // 18
    expect(assessLec({ l: 3, e: 1, c: 7 })).toEqual({ d: 21, dangerDegree: 'possible', level: 'low' }); // first above 20
  });

  it('D = 70 is 一般危险 → 低 (blue) by default, 显著危险 → 一般 (yellow) under the ≥70 reading', () => {
    expect(assessLec({ l: 10, e: 1, c: 7 })).toEqual({ d: 70, dangerDegree: 'possible', level: 'low' });
    expect(assessLec({ l: 1, e: 10, c: 7 }, lecConfigSeventyIsSubstantial)).toEqual({
      d: 70,
      dangerDegree: 'substantial',
      level: 'general',
    });
    // Neighbours do not depend on the reading.
    for (const config of [defaultLecConfig, lecConfigSeventyIsSubstantial]) {
      expect(assessLec({ l: 3, e: 3, c: 7 }, config).level).toBe('low'); // 63
      expect(assessLec({ l: 0.5, e: 10, c: 15 }, config)).toEqual({ d: 75, dangerDegree: 'substantial', level: 'general' });
    }
  });

  it('160 and 320 are never reached; the nearest products fall on the expected sides', () => {
    const products = reachableLecProducts();
    expect(products).not.toContain(160);
    expect(products).not.toContain(320);
    expect(products.filter((d) => d > 140 && d < 180)).toEqual([150]);
    expect(products.filter((d) => d > 300 && d < 360)).toEqual([]);
    expect(assessLec({ l: 10, e: 1, c: 15 })).toEqual({ d: 150, dangerDegree: 'substantial', level: 'general' });
    expect(assessLec({ l: 6, e: 2, c: 15 })).toEqual({ d: 180, dangerDegree: 'high', level: 'significant' });
    expect(assessLec({ l: 3, e: 1, c: 100 })).toEqual({ d: 300, dangerDegree: 'high', level: 'significant' });
    expect(assessLec({ l: 3, e: 3, c: 40 })).toEqual({ d: 360, dangerDegree: 'extreme', level: 'major' });
  });

  it('still honours 160 and 320 as edges for a D placed exactly on them (explicit edges)', () => {
    // Not reachable from the tables, but a deployment may move edges; the rule must be the configured one.
    const config: LecConfig = {
      ...defaultLecConfig,
      edges: [defaultLecConfig.edges[0], defaultLecConfig.edges[1], { value: 150, onEdge: 'upper' }, { value: 300, onEdge: 'lower' }],
    };
    expect(assessLec({ l: 10, e: 1, c: 15 }, config).dangerDegree).toBe('high'); // 150 ≥ 150
    expect(assessLec({ l: 3, e: 1, c: 100 }, config).dangerDegree).toBe('high'); // 300 ≤ 300
  });

  it('agrees with the docs/rules.md table for every L × E × C combination (default reading)', () => {
    // Independent oracle written straight from the docs/rules.md §4.2 table with (lower, upper] edges.
    const oracle = (d: number) => (d > 320 ? 'major' : d > 160 ? 'significant' : d > 70 ? 'general' : 'low');
    let combos = 0;
    for (const l of lecTables.l.rows)
      for (const e of lecTables.e.rows)
        for (const c of lecTables.c.rows) {
          const result = assessLec({ l: l.value, e: e.value, c: c.value });
          expect(result.level).toBe(oracle(result.d));
          combos++;
        }
    expect(combos).toBe(7 * 6 * 6);
  });
});

describe('rejects values outside the discrete tables', () => {
  it('names each bad factor with a bilingual message', () => {
    const issues = validateLecInput({ l: 4, e: 6, c: 50 });
    expect(issues.map((i) => i.field)).toEqual(['l', 'c']);
    expect(issues[0]?.message.zh).toContain('可选值：10、6、3、1、0.5、0.2、0.1');
    expect(issues[0]?.message.en).toContain('allowed: 10, 6, 3, 1, 0.5, 0.2, 0.1');
    expect(() => assessLec({ l: 4, e: 6, c: 50 })).toThrow(LecError);
    expect(() => assessLec({ l: Number.NaN, e: 6, c: 7 })).toThrow(LecError);
    expect(() => assessLec({ l: 0.30000000000000004, e: 6, c: 7 })).toThrow(LecError);
  });

  it('rejects an unusable band configuration', () => {
    const unordered: LecConfig = {
      ...defaultLecConfig,
      edges: [{ value: 70, onEdge: 'lower' }, { value: 20, onEdge: 'lower' }, defaultLecConfig.edges[2], defaultLecConfig.edges[3]],
    };
    expect(validateLecConfig(unordered)).toHaveLength(1);
    const inverted: LecConfig = { ...defaultLecConfig, levelByDegree: { ...defaultLecConfig.levelByDegree, extreme: 'low' } };
    expect(validateLecConfig(inverted)[0]?.message.en).toMatch(/must not map to a lower/);
    expect(() => assessLec({ l: 10, e: 10, c: 100 }, inverted)).toThrow(LecError);
    expect(validateLecConfig(defaultLecConfig)).toEqual([]);
    expect(validateLecConfig(lecConfigSeventyIsSubstantial)).toEqual([]);
  });
});
