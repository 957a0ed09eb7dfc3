// The scoring rules at the seeds' boundaries. Huiji 003 (惠州惠阳): "规模以上工贸企业年底未完成70%以上达标任务的，
// 每少10个百分点扣除0.5分" — exactly 10 points short deducts 0.5, 9.99 short nothing, 20 short 1.0. Liangping 004
// (重庆梁平): "全年各类生产安全事故死亡人数比2017年下降5%以上" — 95 of 100 meets it, 96 does not; "对'一票否决'的
// 单位取消其主要负责人本年度各类评先评优资格" with 坚决遏制较大及以上事故 — a larger accident vetoes. Shanwei 001 (汕尾):
// 事故总量、死亡人数持续"双下降".
import { describe, expect, it } from 'vitest';
import type { IndicatorDef, ScoringRule } from '@anjian/contracts';
import { countTargetMet, doubleDecline, rankSheets, scoreCounts, scoreRate } from './assessment.rules';
import { computeSheet, misfit, type UnitFacts } from './assessment.calc';

const huiji = { kind: 'step_short', target: 70, step: 10, deduct: 0.5 } as const;

describe('Huiji 003: −0.5 per 10 percentage points short of 70 %', () => {
  it('deducts nothing at or above the target', () => {
    expect(scoreRate(huiji, 5, 70)).toBe(5);
    expect(scoreRate(huiji, 5, 95)).toBe(5);
  });
  it('deducts 0.5 at exactly 10 points short (60 %)', () => expect(scoreRate(huiji, 5, 60)).toBe(4.5));
  it('deducts nothing at 9.99 points short (60.01 %)', () => expect(scoreRate(huiji, 5, 60.01)).toBe(5));
  it('deducts 0.5 at 19.99 short and 1.0 at exactly 20 short', () => {
    expect(scoreRate(huiji, 5, 50.01)).toBe(4.5);
    expect(scoreRate(huiji, 5, 50)).toBe(4);
  });
  it('never goes below zero', () => expect(scoreRate(huiji, 1, 0)).toBe(0));
});

describe('linear and thresholds', () => {
  it('scores pro rata up to the target', () => {
    expect(scoreRate({ kind: 'linear', target: 100 }, 10, 85)).toBe(8.5);
    expect(scoreRate({ kind: 'linear', target: 90 }, 10, 95)).toBe(10);
  });
  it('gives the band reached', () => {
    const rule: ScoringRule = {
      kind: 'thresholds',
      bands: [
        { min: 95, share: 1 },
        { min: 80, share: 0.6 },
      ],
    };
    expect(scoreRate(rule, 10, 95)).toBe(10);
    expect(scoreRate(rule, 10, 94.99)).toBe(6);
    expect(scoreRate(rule, 10, 79.99)).toBe(0);
  });
  it('gives full points when there is nothing to measure', () => expect(scoreRate({ kind: 'linear', target: 100 }, 10, null)).toBe(10));
});

describe('Liangping 004: deaths −5 % on last year', () => {
  it('is met at exactly 5 % down and missed just above', () => {
    expect(countTargetMet(95, 100, 5)).toBe(true);
    expect(countTargetMet(96, 100, 5)).toBe(false);
    expect(countTargetMet(19, 20, 5)).toBe(true);
    expect(countTargetMet(0, 0, 5)).toBe(true);
    expect(countTargetMet(1, 0, 5)).toBe(false);
  });
  it('scores all or nothing', () => {
    expect(scoreCounts({ kind: 'count_reduction', reductionPct: 5 }, 15, { thisYear: 95, lastYear: 100 })).toBe(15);
    expect(scoreCounts({ kind: 'count_reduction', reductionPct: 5 }, 15, { thisYear: 96, lastYear: 100 })).toBe(0);
  });
});

describe('Shanwei 001: 双下降', () => {
  it('needs both accidents and deaths below last year', () => {
    expect(doubleDecline({ thisYear: 3, lastYear: 4, accidentsThisYear: 9, accidentsLastYear: 10 })).toBe(true);
    expect(doubleDecline({ thisYear: 4, lastYear: 4, accidentsThisYear: 9, accidentsLastYear: 10 })).toBe(false);
    expect(doubleDecline({ thisYear: 3, lastYear: 4, accidentsThisYear: 10, accidentsLastYear: 10 })).toBe(false);
    expect(doubleDecline({ thisYear: 0, lastYear: 0, accidentsThisYear: 0, accidentsLastYear: 0 })).toBe(true);
  });
});

const indicators: IndicatorDef[] = [
  { key: 'hazards', name: '隐患按期整改率', weight: 20, source: 'hazards_on_time', rule: { kind: 'linear', target: 100 } },
  { key: 'std', name: '标准化达标率', weight: 5, source: 'entered', rule: huiji },
  {
    key: 'deaths',
    name: '死亡人数下降5%',
    weight: 15,
    source: 'accident_deaths_reduction',
    rule: { kind: 'count_reduction', reductionPct: 5 },
  },
];
const facts = (over: Partial<UnitFacts['accidents']> = {}): UnitFacts => ({
  hazards: { found: 50, onTime: 45 },
  reports: { filed: 0, onTime: 0 },
  accidents: { deaths: 19, deathsLastYear: 20, count: 5, countLastYear: 6, larger: 0, ...over },
});

describe('a sheet line by line', () => {
  it('shows value, basis, target, rule and points per indicator', () => {
    const s = computeSheet(indicators, ['larger_accident'], facts(), { std: { value: 60, evidence: '达标企业 60/100' } });
    expect(s.lines.map((l) => [l.key, l.value, l.points])).toEqual([
      ['hazards', 90, 18],
      ['std', 60, 4.5],
      ['deaths', 19, 15],
    ]);
    expect(s.lines[0]!.basis).toBe('按期整改 45 / 发现 50');
    expect(s.lines[1]!.rule).toContain('每少10个百分点扣0.5分');
    expect(s.computedTotal).toBe(37.5);
    expect(s.vetoed).toBe(false);
  });
  it('vetoes on a larger accident (Liangping 004 一票否决) and keeps the arithmetic', () => {
    const s = computeSheet(indicators, ['larger_accident', 'concealment'], facts({ larger: 1 }), {});
    expect(s.vetoed).toBe(true);
    expect(s.vetoLines.find((v) => v.kind === 'larger_accident')).toMatchObject({ hit: true, basis: '本年较大及以上事故 1 起' });
    expect(s.lines[1]).toMatchObject({ value: null, points: 0 });
  });
  it('refuses a count rule on a rate source and duplicate keys', () => {
    expect(misfit([{ ...indicators[0]!, rule: { kind: 'count_reduction', reductionPct: 5 } }])?.index).toBe(0);
    expect(misfit([indicators[0]!, indicators[0]!])?.zh).toBe('指标代码重复');
    expect(misfit(indicators)).toBeNull();
  });
});

describe('ranking', () => {
  it('ranks by total with ties, vetoed units last and unranked', () => {
    const r = rankSheets([
      { id: 'a', total: 80, vetoed: false },
      { id: 'b', total: 95, vetoed: true },
      { id: 'c', total: 90, vetoed: false },
      { id: 'd', total: 80, vetoed: false },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['b', null],
    ]);
  });
});
