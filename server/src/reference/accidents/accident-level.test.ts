// Source: 国务院令第493号 第三条 (docs/rules.md §2.1, H): four levels; "以上"包括本数, "以下"不包括本数
// (第三条第三款); criteria joined by "或者"; 重伤 includes 急性工业中毒; thresholds may be supplemented
// (第三条第二款).
import { describe, expect, it } from 'vitest';
import {
  ACCIDENT_CATEGORIES,
  ACCIDENT_CATEGORY_LABELS,
  ACCIDENT_LEVEL_LABELS,
  compareLevels,
  countsAsIndustryMiningCommerce,
  explainGrade,
  gradeAccident,
} from './accident-level';

const grade = (deaths: number, seriousInjuries = 0, directLossWan = 0) => gradeAccident({ deaths, seriousInjuries, directLossWan });

describe('493号 第三条: grading by deaths, boundary numbers included upwards', () => {
  it.each([
    [0, 'general'],
    [2, 'general'],
    [3, 'larger'],
    [9, 'larger'],
    [10, 'major'],
    [29, 'major'],
    [30, 'especially_major'],
  ])('%i deaths → %s', (deaths, level) => {
    expect(grade(deaths)).toBe(level);
  });
});

describe('493号 第三条: grading by serious injuries (including acute industrial poisoning)', () => {
  it.each([
    [9, 'general'],
    [10, 'larger'],
    [49, 'larger'],
    [50, 'major'],
    [99, 'major'],
    [100, 'especially_major'],
  ])('%i serious injuries → %s', (injuries, level) => {
    expect(grade(0, injuries)).toBe(level);
  });
});

describe('493号 第三条: grading by direct economic loss in 万元', () => {
  it.each([
    [999.99, 'general'],
    [1000, 'larger'],
    [4999, 'larger'],
    [4999.99, 'larger'],
    [5000, 'major'],
    [9999, 'major'],
    [10000, 'especially_major'],
  ])('%f 万元 → %s', (loss, level) => {
    expect(grade(0, 0, loss)).toBe(level);
  });
});

describe('493号 第三条: "或者" — the highest level reached by any criterion', () => {
  it('2 deaths but 50 serious injuries is 重大', () => {
    expect(explainGrade({ deaths: 2, seriousInjuries: 50, directLossWan: 10 })).toEqual({ level: 'major', reachedBy: ['seriousInjuries'] });
  });
  it('1 death and a loss of 1 亿元 is 特别重大', () => {
    expect(grade(1, 0, 10000)).toBe('especially_major');
  });
  it('reports every criterion that reached the level', () => {
    expect(explainGrade({ deaths: 3, seriousInjuries: 10, directLossWan: 1000 }).reachedBy).toEqual([
      'deaths',
      'seriousInjuries',
      'directLoss',
    ]);
    expect(explainGrade({ deaths: 0, seriousInjuries: 0, directLossWan: 0 })).toEqual({ level: 'general', reachedBy: [] });
  });
});

describe('options', () => {
  it('counts missing persons as deaths by default (configuration, assumed)', () => {
    expect(gradeAccident({ deaths: 2, missing: 1, seriousInjuries: 0, directLossWan: 0 })).toBe('larger');
    expect(gradeAccident({ deaths: 2, missing: 1, seriousInjuries: 0, directLossWan: 0 }, { countMissingAsDeaths: false })).toBe('general');
  });
  it('accepts a supplementary threshold table (第三条第二款)', () => {
    const thresholds = [{ level: 'larger' as const, minDeaths: 2, minSeriousInjuries: 10, minDirectLossWan: 1000 }];
    expect(gradeAccident({ deaths: 2, seriousInjuries: 0, directLossWan: 0 }, { thresholds })).toBe('larger');
    expect(gradeAccident({ deaths: 40, seriousInjuries: 0, directLossWan: 0 }, { thresholds })).toBe('larger');
  });
  it('rejects impossible figures', () => {
    expect(() => grade(-1)).toThrow(RangeError);
    expect(() => grade(1.5)).toThrow(RangeError);
    expect(() => grade(0, 0, Number.NaN)).toThrow(RangeError);
  });
});

describe('levels and categories', () => {
  it('orders levels by severity', () => {
    expect(compareLevels('major', 'larger')).toBeGreaterThan(0);
    expect(compareLevels('general', 'especially_major')).toBeLessThan(0);
    expect(compareLevels('larger', 'larger')).toBe(0);
  });
  it('labels every level and category in Chinese and English', () => {
    expect(ACCIDENT_LEVEL_LABELS.larger).toEqual({ zh: '较大事故', en: 'Larger accident' });
    expect(ACCIDENT_CATEGORIES.map((c) => ACCIDENT_CATEGORY_LABELS[c].zh)).toEqual([
      '工矿商贸',
      '道路交通',
      '火灾',
      '水上交通',
      '渔业船舶',
      '农业机械',
      '其他',
    ]);
  });
  it('counts only 工矿商贸 accidents in the 工矿商贸 indicator (docs/rules.md §12)', () => {
    expect(countsAsIndustryMiningCommerce('industry_mining_commerce')).toBe(true);
    expect(countsAsIndustryMiningCommerce('road_traffic')).toBe(false);
  });
});
