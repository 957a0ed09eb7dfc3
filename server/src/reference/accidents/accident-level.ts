// Accident levels (事故等级) under 生产安全事故报告和调查处理条例 (国务院令第493号) 第三条, and the
// accident categories (事故类型 by sector) the statistics and the reporting windows depend on.
import type { Label, RuleSource } from './label';

/**
 * The four levels, highest first. English names follow the Chinese word by word rather than the
 * varying official translations ("extraordinarily serious", "serious" …), so that code reads like
 * the regulation: 特别重大 → especially_major, 重大 → major, 较大 → larger, 一般 → general.
 */
export const ACCIDENT_LEVELS = ['especially_major', 'major', 'larger', 'general'] as const;
export type AccidentLevel = (typeof ACCIDENT_LEVELS)[number];

export const ACCIDENT_LEVEL_LABELS: Record<AccidentLevel, Label> = {
  especially_major: { zh: '特别重大事故', en: 'Especially major accident' },
  major: { zh: '重大事故', en: 'Major accident' },
  larger: { zh: '较大事故', en: 'Larger accident' },
  general: { zh: '一般事故', en: 'General accident' },
};

export const LEVEL_SOURCE: RuleSource = { document: '国务院令第493号', article: '第三条', confidence: 'H' };

/** Lower bounds ("以上" includes the number, 第三条第三款) that lift an accident to `level`. */
export interface LevelThreshold {
  level: Exclude<AccidentLevel, 'general'>;
  minDeaths: number;
  /** 重伤, including 急性工业中毒 ("包括急性工业中毒，下同"). */
  minSeriousInjuries: number;
  /** Direct economic loss in 万元 (10,000 yuan). */
  minDirectLossWan: number;
}

/**
 * 第三条第一款 as data, highest level first. 第三条第二款 lets the State Council's safety authority
 * issue supplementary grading rules, so callers may pass their own table.
 */
export const LEVEL_THRESHOLDS_493: readonly LevelThreshold[] = [
  { level: 'especially_major', minDeaths: 30, minSeriousInjuries: 100, minDirectLossWan: 10_000 }, // 1亿元
  { level: 'major', minDeaths: 10, minSeriousInjuries: 50, minDirectLossWan: 5_000 }, // 5000万元
  { level: 'larger', minDeaths: 3, minSeriousInjuries: 10, minDirectLossWan: 1_000 }, // 1000万元
];

export interface Casualties {
  deaths: number;
  /** 重伤 including 急性工业中毒. */
  seriousInjuries: number;
  /** Direct economic loss in 万元; an estimate until the investigation fixes it. */
  directLossWan: number;
  /** 下落不明 (missing) persons, reported separately under 第十二条. */
  missing?: number;
}

export interface GradingOptions {
  thresholds?: readonly LevelThreshold[];
  /**
   * Whether missing persons count as deaths when grading. Default true: national statistics report
   * "死亡（含失踪）" and an accident with 2 dead and 1 missing is handled as 较大. 493号 itself is
   * silent, so this is configuration (assumed; confirm against 生产安全事故统计调查制度).
   */
  countMissingAsDeaths?: boolean;
}

export type GradingCriterion = 'deaths' | 'seriousInjuries' | 'directLoss';

export interface Grade {
  level: AccidentLevel;
  /** The criteria that reached the level; empty for 一般. More than one can apply. */
  reachedBy: GradingCriterion[];
}

function checkCasualties(c: Casualties): void {
  for (const [name, value] of [
    ['deaths', c.deaths],
    ['seriousInjuries', c.seriousInjuries],
    ['missing', c.missing ?? 0],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  if (!Number.isFinite(c.directLossWan) || c.directLossWan < 0) {
    throw new RangeError(`directLossWan must be a non-negative number, got ${c.directLossWan}`);
  }
}

/**
 * The level and the criteria that set it. The three criteria are joined by "或者", so the level is
 * the highest reached by any one of them (第三条第一款).
 */
export function explainGrade(c: Casualties, options: GradingOptions = {}): Grade {
  checkCasualties(c);
  const thresholds = [...(options.thresholds ?? LEVEL_THRESHOLDS_493)].sort(
    (a, b) => ACCIDENT_LEVELS.indexOf(a.level) - ACCIDENT_LEVELS.indexOf(b.level),
  );
  const deaths = c.deaths + ((options.countMissingAsDeaths ?? true) ? (c.missing ?? 0) : 0);
  for (const t of thresholds) {
    const reachedBy: GradingCriterion[] = [];
    if (deaths >= t.minDeaths) reachedBy.push('deaths');
    if (c.seriousInjuries >= t.minSeriousInjuries) reachedBy.push('seriousInjuries');
    if (c.directLossWan >= t.minDirectLossWan) reachedBy.push('directLoss');
    if (reachedBy.length > 0) return { level: t.level, reachedBy };
  }
  return { level: 'general', reachedBy: [] };
}

export function gradeAccident(c: Casualties, options: GradingOptions = {}): AccidentLevel {
  return explainGrade(c, options).level;
}

/** Positive when `a` is more severe than `b`. */
export function compareLevels(a: AccidentLevel, b: AccidentLevel): number {
  return ACCIDENT_LEVELS.indexOf(b) - ACCIDENT_LEVELS.indexOf(a);
}

/**
 * Accident categories by sector, as the national statistics and Gaoming's plan group them
 * ("各类事故包括工矿商贸、道路交通、火灾、水上交通、渔业、农业等事故"). The category decides the
 * supplementary-report window (493号 第十三条) and whether deaths count in the 工矿商贸 indicator.
 */
export const ACCIDENT_CATEGORIES = [
  'industry_mining_commerce',
  'road_traffic',
  'fire',
  'water_traffic',
  'fishing_vessel',
  'agricultural_machinery',
  'other',
] as const;
export type AccidentCategory = (typeof ACCIDENT_CATEGORIES)[number];

export const ACCIDENT_CATEGORY_LABELS: Record<AccidentCategory, Label> = {
  industry_mining_commerce: { zh: '工矿商贸', en: 'Industry, mining and commerce' },
  road_traffic: { zh: '道路交通', en: 'Road traffic' },
  fire: { zh: '火灾', en: 'Fire' },
  water_traffic: { zh: '水上交通', en: 'Water traffic' },
  fishing_vessel: { zh: '渔业船舶', en: 'Fishing vessels' },
  agricultural_machinery: { zh: '农业机械', en: 'Agricultural machinery' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Whether deaths in this category count towards the 工矿商贸 deaths-per-100,000-workers rate: the national
 * statistics exclude road traffic, fire, water, rail and agricultural machinery (docs/rules.md §12, M).
 */
export function countsAsIndustryMiningCommerce(category: AccidentCategory): boolean {
  return category === 'industry_mining_commerce';
}
