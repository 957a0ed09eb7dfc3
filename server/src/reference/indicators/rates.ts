// The three relative indicators (相对指标) that plans and assessments set targets on, with the
// formulas and units of the national statistical bulletins (docs/rules.md §12: M for formulas, H for
// names and units). Lower is better for all three.
import type { Label, RuleSource } from '../accidents/label';

export const RATE_IDS = ['deaths_per_100m_gdp', 'road_deaths_per_10k_vehicles', 'deaths_per_100k_workers'] as const;
export type RateId = (typeof RATE_IDS)[number];

export interface RateDefinition {
  id: RateId;
  label: Label;
  unit: Label;
  numerator: Label;
  denominator: Label;
  /** rate = numerator ÷ denominator × scale, with the denominator in the unit named above. */
  scale: number;
  source: RuleSource;
}

const bulletin: RuleSource = { document: '国家统计公报 / 应急管理部 indicator usage', article: 'docs/rules.md §12', confidence: 'M' };

export const RATE_DEFINITIONS: Record<RateId, RateDefinition> = {
  deaths_per_100m_gdp: {
    id: 'deaths_per_100m_gdp',
    label: { zh: '亿元国内生产总值生产安全事故死亡率', en: 'Work-safety deaths per 100 million yuan of GDP' },
    unit: { zh: '人/亿元', en: 'deaths per 100 million yuan' },
    numerator: { zh: '生产安全事故死亡人数', en: 'Work-safety accident deaths' },
    // GDP is given in 亿元 at current prices, so the rate is a plain quotient.
    denominator: { zh: '国内生产总值（亿元，当年价）', en: 'GDP (100 million yuan, current prices)' },
    scale: 1,
    source: bulletin,
  },
  road_deaths_per_10k_vehicles: {
    id: 'road_deaths_per_10k_vehicles',
    label: { zh: '道路交通万车死亡率', en: 'Road-traffic deaths per 10,000 motor vehicles' },
    unit: { zh: '人/万车', en: 'deaths per 10,000 vehicles' },
    numerator: { zh: '道路交通事故死亡人数', en: 'Road-traffic accident deaths' },
    denominator: { zh: '机动车保有量（辆）', en: 'Registered motor vehicles' },
    scale: 10_000,
    source: bulletin,
  },
  deaths_per_100k_workers: {
    id: 'deaths_per_100k_workers',
    label: { zh: '工矿商贸就业人员十万人生产安全事故死亡率', en: 'Deaths per 100,000 industry, mining and commerce workers' },
    unit: { zh: '人/10万人', en: 'deaths per 100,000 workers' },
    // Only 工矿商贸 accidents: road, fire, water, rail and farm machinery are excluded (docs/rules.md §12).
    numerator: { zh: '工矿商贸企业生产安全事故死亡人数', en: 'Industry, mining and commerce accident deaths' },
    denominator: { zh: '工矿商贸就业人员数（人）', en: 'Industry, mining and commerce workers' },
    scale: 100_000,
    source: bulletin,
  },
};

/**
 * Removes binary floating-point noise (0.082 × 0.8 = 0.06560000000000001). Twelve significant
 * digits is far beyond any published indicator, so nothing real is lost.
 */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** Rounds half away from zero to `decimals` places, as statistical tables print figures. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(clean(Math.abs(value) * factor))) / factor;
}

function checkInputs(deaths: number, denominator: number): void {
  if (!Number.isFinite(deaths) || deaths < 0) throw new RangeError(`deaths must be a non-negative number, got ${deaths}`);
  // A zero denominator is a data error (no GDP, no vehicles), not an infinite rate.
  if (!Number.isFinite(denominator) || denominator <= 0) throw new RangeError(`denominator must be positive, got ${denominator}`);
}

export function computeRate(id: RateId, deaths: number, denominator: number): number {
  checkInputs(deaths, denominator);
  return clean((deaths / denominator) * RATE_DEFINITIONS[id].scale);
}

/** 亿元GDP死亡率 = deaths ÷ GDP in 亿元 (人/亿元). */
export function deathsPer100MillionGdp(deaths: number, gdpYi: number): number {
  return computeRate('deaths_per_100m_gdp', deaths, gdpYi);
}

/** 道路交通万车死亡率 = road deaths ÷ motor vehicles × 10,000 (人/万车). */
export function roadDeathsPer10kVehicles(roadDeaths: number, motorVehicles: number): number {
  return computeRate('road_deaths_per_10k_vehicles', roadDeaths, motorVehicles);
}

/** 工矿商贸十万人死亡率 = 工矿商贸 deaths ÷ workers × 100,000 (人/10万人). */
export function deathsPer100kWorkers(deaths: number, workers: number): number {
  return computeRate('deaths_per_100k_workers', deaths, workers);
}

/** The deaths a denominator allows at a given rate: the "death budget" behind a rate target. */
export function deathsAllowed(id: RateId, rate: number, denominator: number): number {
  checkInputs(rate, denominator);
  return clean((rate * denominator) / RATE_DEFINITIONS[id].scale);
}

/** The denominator implied by a published rate and death count, for checking a table against itself. */
export function impliedDenominator(id: RateId, deaths: number, rate: number): number {
  if (!(rate > 0)) throw new RangeError(`rate must be positive, got ${rate}`);
  return clean((deaths * RATE_DEFINITIONS[id].scale) / rate);
}
