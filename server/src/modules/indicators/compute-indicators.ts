// The three rates of an area and year (reference/indicators): actual against target, the pacing
// forecast from year-to-date monthly deaths and the seasonality of up to three prior years, and the
// alarm. Numerators (docs/rules.md §12): all deaths for the GDP rate, road-traffic deaths per vehicle,
// 工矿商贸 deaths per worker; deaths include the missing, as the national statistics count them.
import type { IndicatorsReport, RateIdKey } from '@anjian/contracts';
import type { DbOrTx } from '../../platform/db';
import { cstDate, cstIso } from '../../platform/time';
import { forecastYearTotal } from '../../reference/indicators/forecast';
import { computeRate, deathsAllowed, RATE_DEFINITIONS, RATE_IDS, roundTo, type RateId } from '../../reference/indicators/rates';
import { targetValue, type TargetSpec } from '../../reference/indicators/targets';
import { deathSeries, findBase, findTargets, type BaseRow, type TargetRow } from './indicators.queries';

type Row = IndicatorsReport['rates'][number];
type Note = Row['notes'][number];

/** Rates are given to four decimals, the precision plans print (e.g. 0.0656). */
const RATE_DECIMALS = 4;
const PRIOR_YEARS = 3;

const NUMERATOR_CATEGORIES: Record<RateId, readonly string[] | undefined> = {
  deaths_per_100m_gdp: undefined,
  road_deaths_per_10k_vehicles: ['road_traffic'],
  deaths_per_100k_workers: ['industry_mining_commerce'],
};

const denominatorOf = (id: RateId, base: BaseRow | null): number | null =>
  !base ? null : id === 'deaths_per_100m_gdp' ? base.gdpYi : id === 'road_deaths_per_10k_vehicles' ? base.motorVehicles : base.imcWorkers;

const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);

export function monthsElapsedIn(year: number, now: Date): number {
  const today = cstDate(now);
  const y = Number(today.slice(0, 4));
  return year < y ? 12 : year > y ? 0 : Number(today.slice(5, 7));
}

/** A finished year's rate from the stored figures, or null when its denominator is unknown. */
export async function yearRate(db: DbOrTx, areaCode: string, prefix: string, year: number, id: RateId): Promise<number | null> {
  const denominator = denominatorOf(id, await findBase(db, areaCode, year));
  if (!denominator) return null;
  const s = await deathSeries(db, prefix, year, NUMERATOR_CATEGORIES[id]);
  return roundTo(computeRate(id, sum(s.months) + s.wholeYear, denominator), RATE_DECIMALS);
}

async function resolveTarget(
  db: DbOrTx,
  areaCode: string,
  prefix: string,
  t: TargetRow,
): Promise<{ spec: TargetSpec | null; note?: Note }> {
  if (t.kind === 'absolute') return { spec: { kind: 'absolute', value: t.value! } };
  const baseValue = t.baseValue ?? (await yearRate(db, areaCode, prefix, t.baseYear!, t.indicator as RateId));
  if (baseValue === null) {
    return {
      spec: null,
      note: {
        zh: `基准年${t.baseYear}缺少基础数据，无法计算下降目标`,
        en: `No base data for the base year ${t.baseYear}: the reduction target cannot be computed`,
      },
    };
  }
  return { spec: { kind: 'reduction', baseYear: t.baseYear!, baseValue, reductionPercent: t.reductionPercent! } };
}

export function presentTarget(t: TargetRow) {
  return {
    areaCode: t.areaCode,
    year: t.year,
    indicator: t.indicator as RateIdKey,
    kind: t.kind as 'absolute' | 'reduction',
    value: t.value,
    baseYear: t.baseYear,
    baseValue: t.baseValue,
    reductionPercent: t.reductionPercent,
    setBy: t.setBy,
  };
}

export function presentBase(b: BaseRow) {
  return {
    areaCode: b.areaCode,
    year: b.year,
    gdpYi: b.gdpYi,
    imcWorkers: b.imcWorkers,
    motorVehicles: b.motorVehicles,
    source: b.source,
    updatedAt: cstIso(b.updatedAt),
  };
}

export async function computeIndicators(
  db: DbOrTx,
  area: { code: string; name: string; prefix: string },
  year: number,
  now = new Date(),
): Promise<IndicatorsReport> {
  const m = monthsElapsedIn(year, now);
  // December counts as elapsed for pacing, but a target is met or missed only once the year is over.
  const yearOver = year < Number(cstDate(now).slice(0, 4));
  const [base, targets, all] = await Promise.all([
    findBase(db, area.code, year),
    findTargets(db, area.code, year),
    deathSeries(db, area.prefix, year),
  ]);
  const rates: Row[] = [];
  for (const id of RATE_IDS) {
    const def = RATE_DEFINITIONS[id];
    const notes: Note[] = [];
    const cats = NUMERATOR_CATEGORIES[id];
    const series = cats ? await deathSeries(db, area.prefix, year, cats) : all;
    const monthsToDate = series.months.slice(0, m);
    // A whole-year figure can only be placed once the year is over; it then counts with December.
    if (m === 12) monthsToDate[11]! += series.wholeYear;
    const deaths = sum(monthsToDate);
    const denominator = denominatorOf(id, base);
    if (!denominator) notes.push({ zh: `缺少${year}年${def.denominator.zh}`, en: `No ${def.denominator.en} for ${year}` });
    const actual = denominator && m > 0 ? roundTo(computeRate(id, deaths, denominator), RATE_DECIMALS) : null;
    const t = targets.find((x) => x.indicator === id) ?? null;
    const resolved = t ? await resolveTarget(db, area.code, area.prefix, t) : { spec: null };
    if (!t) notes.push({ zh: '未设定控制目标', en: 'No target set' });
    if (resolved.note) notes.push(resolved.note);
    const target = resolved.spec ? targetValue(resolved.spec) : null;
    let forecast: Row['forecast'] = null;
    if (m > 0 && denominator) {
      const prior: number[][] = [];
      for (let y = year - PRIOR_YEARS; y < year; y++) {
        const s = await deathSeries(db, area.prefix, y, cats);
        if (!s.hasWholeYear) prior.push(s.months);
      }
      const pacing = forecastYearTotal({ monthsToDate, priorYears: prior });
      const allowed = target !== null ? deathsAllowed(id, target, denominator) : null;
      forecast = {
        method: pacing.method,
        monthsElapsed: pacing.monthsElapsed,
        shareReached: roundTo(pacing.shareReached, 4),
        forecastDeaths: roundTo(pacing.forecast, 2),
        forecastRate: roundTo(computeRate(id, pacing.forecast, denominator), RATE_DECIMALS),
        deathsAllowed: allowed === null ? null : roundTo(allowed, 2),
        deathsRemaining: allowed === null ? null : roundTo(allowed - deaths, 2),
      };
    }
    const status = yearOver && actual !== null && target !== null ? (actual <= target ? 'met' : 'missed') : null;
    rates.push({
      indicator: id,
      label: def.label,
      unit: def.unit,
      deaths,
      denominator,
      actual,
      target,
      targetSpec: t ? presentTarget(t) : null,
      status,
      forecast,
      alarm: forecast && target !== null ? forecast.forecastRate > target : null,
      notes,
    });
  }
  return {
    areaCode: area.code,
    areaName: area.name,
    year,
    monthsElapsed: m,
    monthlyDeaths: all.months,
    base: base ? presentBase(base) : null,
    rates,
  };
}
