// Source: docs/rules.md §12 (国家统计公报 / 应急管理部 usage; M for formulas, H for names and units):
// 亿元GDP死亡率 = deaths ÷ GDP(亿元); 万车死亡率 = road deaths ÷ vehicles × 10⁴;
// 工矿商贸十万人死亡率 = 工矿商贸 deaths ÷ workers × 10⁵. Expected values are worked by hand.
import { describe, expect, it } from 'vitest';
import {
  computeRate,
  deathsAllowed,
  deathsPer100kWorkers,
  deathsPer100MillionGdp,
  impliedDenominator,
  RATE_DEFINITIONS,
  RATE_IDS,
  roadDeathsPer10kVehicles,
  roundTo,
} from './rates';

describe('the three rates (docs/rules.md §12)', () => {
  it('亿元GDP死亡率: 66 deaths over a GDP of 440 亿元 is 0.15 人/亿元', () => {
    expect(deathsPer100MillionGdp(66, 440)).toBe(0.15);
    expect(deathsPer100MillionGdp(0, 440)).toBe(0);
  });
  it('道路交通万车死亡率: 49 road deaths over 100,000 vehicles is 4.9 人/万车', () => {
    expect(roadDeathsPer10kVehicles(49, 100_000)).toBe(4.9);
    expect(roadDeathsPer10kVehicles(55, 125_000)).toBe(4.4); // 55 × 10⁴ ÷ 125,000
  });
  it('工矿商贸十万人死亡率: 3 deaths over 150,000 workers is 2 人/10万人', () => {
    expect(deathsPer100kWorkers(3, 150_000)).toBe(2);
    expect(deathsPer100kWorkers(2, 400_000)).toBe(0.5);
  });
  it('names the units in both languages', () => {
    expect(RATE_IDS.map((id) => RATE_DEFINITIONS[id].unit.zh)).toEqual(['人/亿元', '人/万车', '人/10万人']);
    expect(RATE_IDS.map((id) => RATE_DEFINITIONS[id].scale)).toEqual([1, 10_000, 100_000]);
  });
  it('refuses a zero or negative denominator and negative deaths', () => {
    expect(() => computeRate('deaths_per_100m_gdp', 1, 0)).toThrow(RangeError);
    expect(() => computeRate('road_deaths_per_10k_vehicles', -1, 100)).toThrow(RangeError);
  });
});

describe('inverse forms', () => {
  it('turns a rate into a death budget: 0.0656 人/亿元 on 800 亿元 allows 52.48 deaths', () => {
    expect(deathsAllowed('deaths_per_100m_gdp', 0.0656, 800)).toBe(52.48);
    expect(deathsAllowed('road_deaths_per_10k_vehicles', 4.356, 100_000)).toBe(43.56);
  });
  it('recovers a denominator: 58 deaths at 0.082 人/亿元 imply 707.317… 亿元', () => {
    expect(impliedDenominator('deaths_per_100m_gdp', 58, 0.082)).toBeCloseTo(707.317073, 5);
    expect(impliedDenominator('deaths_per_100k_workers', 3, 2)).toBe(150_000);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero without binary-float surprises', () => {
    expect(roundTo(0.1054, 3)).toBe(0.105);
    expect(roundTo(2.675, 2)).toBe(2.68); // 2.675 × 100 is 267.49999… in binary
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(36.5396, 1)).toBe(36.5);
  });
});
