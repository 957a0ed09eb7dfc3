// Pacing forecast (进度预测) of a year's deaths from year-to-date monthly figures, and an alarm when
// the forecast rate would exceed the year's target. Accidents are seasonal (road deaths peak around
// the Spring Festival and year end), so linear pacing misleads early in the year; prior years'
// seasonality is used when there is any, linear pacing otherwise.
import type { RateId } from './rates';
import { clean, computeRate, deathsAllowed } from './rates';
import type { TargetSpec } from './targets';
import { targetValue } from './targets';

export interface PacingInput {
  /** Deaths per month of the current year so far, January first; length = months elapsed (1..12). */
  monthsToDate: readonly number[];
  /** Deaths per month of prior years, each exactly 12 values. Any number of years, possibly none. */
  priorYears?: readonly (readonly number[])[];
}

export type PacingMethod = 'seasonal' | 'linear';

export interface PacingForecast {
  method: PacingMethod;
  monthsElapsed: number;
  yearToDate: number;
  /** Share of a year's deaths that has normally happened by the end of the elapsed months. */
  shareReached: number;
  forecast: number;
}

function checkMonths(values: readonly number[], what: string): void {
  for (const v of values) if (!Number.isFinite(v) || v < 0) throw new RangeError(`${what}: monthly figures must be non-negative, got ${v}`);
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Share reached by month m, pooled over the prior years: Σ deaths in months 1..m ÷ Σ whole-year
 * deaths. Pooling (rather than averaging each year's share) weights years by their volume and
 * survives a year with no deaths, which would make its own share 0/0.
 */
export function seasonalShare(priorYears: readonly (readonly number[])[], monthsElapsed: number): number | null {
  let reached = 0;
  let total = 0;
  for (const year of priorYears) {
    if (year.length !== 12) throw new RangeError(`a prior year needs 12 monthly figures, got ${year.length}`);
    checkMonths(year, 'prior year');
    reached += sum(year.slice(0, monthsElapsed));
    total += sum(year);
  }
  // No deaths at all by this month in history would divide by zero below: fall back to linear.
  if (total === 0 || reached === 0) return null;
  return reached / total;
}

export function forecastYearTotal(input: PacingInput): PacingForecast {
  const m = input.monthsToDate.length;
  if (m < 1 || m > 12) throw new RangeError(`months to date must cover 1..12 months, got ${m}`);
  checkMonths(input.monthsToDate, 'current year');
  const yearToDate = sum(input.monthsToDate);
  const seasonal = seasonalShare(input.priorYears ?? [], m);
  const method: PacingMethod = seasonal === null ? 'linear' : 'seasonal';
  const shareReached = seasonal ?? m / 12;
  return { method, monthsElapsed: m, yearToDate, shareReached: clean(shareReached), forecast: clean(yearToDate / shareReached) };
}

export interface RateForecastInput extends PacingInput {
  rate: RateId;
  /** This year's denominator (GDP in 亿元, motor vehicles, or workers), or its best estimate. */
  denominator: number;
  target: TargetSpec;
}

export interface RateForecast extends PacingForecast {
  forecastRate: number;
  targetRate: number;
  /** Deaths the target allows for the whole year at this denominator. */
  deathsAllowed: number;
  /** Deaths still allowed for the rest of the year (negative once the budget is spent). */
  deathsRemaining: number;
  /** True when the forecast rate exceeds the target: the year is on course to miss it. */
  alarm: boolean;
}

export function forecastRate(input: RateForecastInput): RateForecast {
  const pacing = forecastYearTotal(input);
  const targetRate = targetValue(input.target);
  const predicted = computeRate(input.rate, pacing.forecast, input.denominator);
  const allowed = deathsAllowed(input.rate, targetRate, input.denominator);
  return {
    ...pacing,
    forecastRate: predicted,
    targetRate,
    deathsAllowed: allowed,
    deathsRemaining: clean(allowed - pacing.yearToDate),
    alarm: predicted > targetRate,
  };
}
