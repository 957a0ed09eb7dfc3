// Pacing forecast: year total = year-to-date ÷ share of a year's deaths that prior years had
// reached by the same month (pooled over the years), or ÷ (months/12) with no history. Rates per
// docs/rules.md §12. All expected values are worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { forecastRate, forecastYearTotal, seasonalShare } from './forecast';

const flat = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]; // 60 a year, 15 by March
const frontLoaded = [10, 10, 10, 5, 5, 5, 5, 5, 5, 5, 5, 5]; // 75 a year, 30 by March

describe('forecastYearTotal', () => {
  it('paces linearly with no history: 9 deaths by March → 9 ÷ (3/12) = 36', () => {
    expect(forecastYearTotal({ monthsToDate: [3, 2, 4] })).toEqual({
      method: 'linear',
      monthsElapsed: 3,
      yearToDate: 9,
      shareReached: 0.25,
      forecast: 36,
    });
  });
  it('uses pooled seasonality: (15 + 30) ÷ (60 + 75) = 1/3 reached by March → 9 ÷ 1/3 = 27', () => {
    const f = forecastYearTotal({ monthsToDate: [3, 2, 4], priorYears: [flat, frontLoaded] });
    expect(f.method).toBe('seasonal');
    expect(f.shareReached).toBeCloseTo(1 / 3, 10);
    expect(f.forecast).toBe(27);
  });
  it('returns the year-to-date itself once December is in', () => {
    expect(forecastYearTotal({ monthsToDate: flat, priorYears: [frontLoaded] }).forecast).toBe(60);
    expect(forecastYearTotal({ monthsToDate: flat }).forecast).toBe(60);
  });
  it('falls back to linear when history has no deaths by that month', () => {
    expect(seasonalShare([[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], 3)).toBeNull();
    expect(seasonalShare([[0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]], 1)).toBeNull();
    expect(forecastYearTotal({ monthsToDate: [2], priorYears: [[0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]] })).toMatchObject({
      method: 'linear',
      forecast: 24,
    });
  });
  it('rejects malformed input', () => {
    expect(() => forecastYearTotal({ monthsToDate: [] })).toThrow(RangeError);
    expect(() => forecastYearTotal({ monthsToDate: new Array(13).fill(0) })).toThrow(RangeError);
    expect(() => forecastYearTotal({ monthsToDate: [-1] })).toThrow(RangeError);
    expect(() => forecastYearTotal({ monthsToDate: [1], priorYears: [[1, 2, 3]] })).toThrow(RangeError);
  });
});

describe('forecastRate and the alarm', () => {
  const road = { rate: 'road_deaths_per_10k_vehicles' as const, denominator: 100_000, monthsToDate: [3, 2, 4] };
  it('stays quiet when the seasonal forecast is within the target: 27 deaths → 2.7 人/万车 ≤ 3', () => {
    const f = forecastRate({ ...road, priorYears: [flat, frontLoaded], target: { kind: 'absolute', value: 3 } });
    expect(f).toMatchObject({ forecast: 27, forecastRate: 2.7, targetRate: 3, deathsAllowed: 30, deathsRemaining: 21, alarm: false });
  });
  it('raises the alarm when linear pacing overshoots: 36 deaths → 3.6 人/万车 > 3', () => {
    const f = forecastRate({ ...road, target: { kind: 'absolute', value: 3 } });
    expect(f).toMatchObject({ method: 'linear', forecastRate: 3.6, alarm: true });
  });
  it('works with a reduction target: 4.84 −10 % = 4.356 allows 43.56 deaths on 100,000 vehicles', () => {
    const f = forecastRate({
      ...road,
      monthsToDate: [4, 4, 4, 4, 4, 4], // 24 by June, linear → 48 → 4.8 人/万车
      target: { kind: 'reduction', baseYear: 2015, baseValue: 4.84, reductionPercent: 10 },
    });
    expect(f).toMatchObject({
      forecast: 48,
      forecastRate: 4.8,
      targetRate: 4.356,
      deathsAllowed: 43.56,
      deathsRemaining: 19.56,
      alarm: true,
    });
  });
  it('does not alarm when the forecast equals the target exactly', () => {
    const f = forecastRate({ ...road, monthsToDate: [2, 2, 2, 2, 2, 2], target: { kind: 'absolute', value: 2.4 } });
    expect(f).toMatchObject({ forecastRate: 2.4, alarm: false });
  });
});
