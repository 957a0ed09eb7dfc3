// LEC job-hazard evaluation (作业条件危险性评价法, Graham–Kinney): D = L × E × C.
// Value tables: docs/rules.md §4.2 (H: xiaomilidoc.com/p-9291236.html, m.zixin.com.cn/doc/3134728.html,
// m.aqrzj.com/doc/348231.html give identical tables). The D → four-colour mapping is M (DB37/T 2882-style
// enterprise practice), and the sources never say which side of an edge a D exactly on it belongs to, so
// both are configuration here (LecConfig) with documented defaults, not hard rules.
import type { Bilingual } from '@anjian/contracts';
import { isRiskLevel, riskLevels, severityRank, type RiskLevel } from './levels';

export type LecFactor = 'l' | 'e' | 'c';

export interface LecTableRow {
  value: number;
  meaning: Bilingual;
  /** C only: the loss-based reading some enterprises use (xiaomilidoc; confidence L, display only). */
  enterpriseVariant?: Bilingual;
}

export interface LecTable {
  name: Bilingual;
  rows: readonly LecTableRow[];
}

export const lecTables: Record<LecFactor, LecTable> = {
  l: {
    name: { zh: 'L 事故发生的可能性', en: 'L, likelihood of an accident' },
    rows: [
      { value: 10, meaning: { zh: '完全可以预料', en: 'Fully expected' } },
      { value: 6, meaning: { zh: '相当可能', en: 'Quite possible' } },
      { value: 3, meaning: { zh: '可能，但不经常', en: 'Possible but unusual' } },
      { value: 1, meaning: { zh: '可能性小，完全意外', en: 'Unlikely; would be a pure accident' } },
      { value: 0.5, meaning: { zh: '很不可能，可以设想', en: 'Very unlikely but conceivable' } },
      { value: 0.2, meaning: { zh: '极不可能', en: 'Extremely unlikely' } },
      { value: 0.1, meaning: { zh: '实际不可能', en: 'Practically impossible' } },
    ],
  },
  e: {
    name: { zh: 'E 人员暴露于危险环境的频繁程度', en: 'E, frequency of exposure' },
    rows: [
      { value: 10, meaning: { zh: '连续暴露', en: 'Continuous exposure' } },
      { value: 6, meaning: { zh: '每天工作时间内暴露', en: 'Daily, during working hours' } },
      { value: 3, meaning: { zh: '每周一次，或偶然暴露', en: 'Weekly, or occasionally' } },
      { value: 2, meaning: { zh: '每月一次暴露', en: 'Monthly' } },
      { value: 1, meaning: { zh: '每年几次暴露', en: 'A few times a year' } },
      { value: 0.5, meaning: { zh: '非常罕见地暴露', en: 'Very rarely' } },
    ],
  },
  c: {
    name: { zh: 'C 发生事故可能造成的后果', en: 'C, consequence of an accident' },
    rows: [
      {
        value: 100,
        meaning: { zh: '大灾难，许多人死亡', en: 'Catastrophe, many deaths' },
        enterpriseVariant: { zh: '3人以上死亡，或经济损失2000万元以上', en: '3 or more deaths, or a loss of 20 million yuan or more' },
      },
      {
        value: 40,
        meaning: { zh: '灾难，数人死亡', en: 'Disaster, several deaths' },
        enterpriseVariant: { zh: '2～3人死亡，或经济损失1000万～2000万元', en: '2–3 deaths, or a loss of 10–20 million yuan' },
      },
      {
        value: 15,
        meaning: { zh: '非常严重，一人死亡', en: 'Very serious, one death' },
        enterpriseVariant: {
          zh: '1人死亡或3人以上重伤，或经济损失300万～1000万元',
          en: '1 death or 3+ serious injuries, or a loss of 3–10 million yuan',
        },
      },
      {
        value: 7,
        meaning: { zh: '严重，重伤', en: 'Serious injury' },
        enterpriseVariant: {
          zh: '重伤或4人以上轻伤，或经济损失150万～300万元',
          en: 'Serious injury or 4+ minor injuries, or 1.5–3 million yuan',
        },
      },
      {
        value: 3,
        meaning: { zh: '重大，致残', en: 'Major, disabling' },
        enterpriseVariant: { zh: '1～3人轻伤，或经济损失70万～150万元', en: '1–3 minor injuries, or a loss of 0.7–1.5 million yuan' },
      },
      {
        value: 1,
        meaning: { zh: '引人注目，需要救护', en: 'Noticeable, first aid needed' },
        enterpriseVariant: { zh: '微伤，或经济损失1万～70万元', en: 'Trivial injury, or a loss of 10 thousand–0.7 million yuan' },
      },
    ],
  },
};

/** The five Graham–Kinney danger degrees (危险程度), least to most dangerous. */
export const lecDangerDegrees = ['slight', 'possible', 'substantial', 'high', 'extreme'] as const;
export type LecDangerDegree = (typeof lecDangerDegrees)[number];

export const lecDangerDegreeLabels: Record<LecDangerDegree, Bilingual> = {
  slight: { zh: '稍有危险，可以接受', en: 'Slight danger: acceptable' },
  possible: { zh: '一般危险，需要注意', en: 'Possible danger: attention needed' },
  substantial: { zh: '显著危险，需要整改', en: 'Substantial danger: correction needed' },
  high: { zh: '高度危险，需立即整改', en: 'High danger: correct immediately' },
  extreme: { zh: '极其危险，不能继续作业', en: 'Extreme danger: stop the work' },
};

/** An edge between two adjacent degrees, and which side a D exactly equal to it falls on. */
export interface LecBandEdge {
  value: number;
  onEdge: 'lower' | 'upper';
}

export interface LecConfig {
  id: string;
  /** The four edges slight|possible, possible|substantial, substantial|high, high|extreme, ascending. */
  edges: readonly [LecBandEdge, LecBandEdge, LecBandEdge, LecBandEdge];
  levelByDegree: Record<LecDangerDegree, RiskLevel>;
}

// Default (docs/rules.md §4.2 recommendation): half-open (lower, upper] bands, i.e. D ≤ 20 稍有, 20 < D ≤ 70 一般危险,
// 70 < D ≤ 160 显著, 160 < D ≤ 320 高度, D > 320 极其危险. Only 20 and 70 are reachable edges; 20 is blue
// either way, 70 is blue here. Both "稍有" and "一般危险" map to 低风险 (蓝).
export const defaultLecConfig: LecConfig = {
  id: 'lec-upper-inclusive',
  edges: [
    { value: 20, onEdge: 'lower' },
    { value: 70, onEdge: 'lower' },
    { value: 160, onEdge: 'lower' },
    { value: 320, onEdge: 'lower' },
  ],
  levelByDegree: { slight: 'low', possible: 'low', substantial: 'general', high: 'significant', extreme: 'major' },
};

/** The other reading of "70～160": D = 70 is already 显著危险 (一般风险, 黄). */
export const lecConfigSeventyIsSubstantial: LecConfig = {
  ...defaultLecConfig,
  id: 'lec-70-substantial',
  edges: [defaultLecConfig.edges[0], { value: 70, onEdge: 'upper' }, defaultLecConfig.edges[2], defaultLecConfig.edges[3]],
};

export interface LecInput {
  l: number;
  e: number;
  c: number;
}

export interface LecAssessment {
  d: number;
  dangerDegree: LecDangerDegree;
  level: RiskLevel;
}

export interface LecIssue {
  field: LecFactor | 'config';
  message: Bilingual;
}

export class LecError extends Error {
  constructor(public readonly issues: readonly LecIssue[]) {
    super(issues.map((i) => i.message.en).join('; '));
  }
}

/** Problems with an input, one per factor outside its discrete table; empty when valid. */
export function validateLecInput(input: LecInput): LecIssue[] {
  const issues: LecIssue[] = [];
  for (const factor of ['l', 'e', 'c'] as const) {
    const value = input[factor];
    const table = lecTables[factor];
    const allowed = table.rows.map((r) => r.value);
    if (typeof value === 'number' && allowed.includes(value)) continue;
    issues.push({
      field: factor,
      message: {
        zh: `${table.name.zh}取值 ${String(value)} 不在分值表中，可选值：${allowed.join('、')}`,
        en: `${table.name.en}: ${String(value)} is not a value of the LEC table; allowed: ${allowed.join(', ')}`,
      },
    });
  }
  return issues;
}

/** Problems with a deployment's band configuration; empty when usable. */
export function validateLecConfig(config: LecConfig): LecIssue[] {
  const issues: LecIssue[] = [];
  const values = config.edges.map((e) => e.value);
  const ascending = values.every((v, i) => Number.isFinite(v) && v > 0 && (i === 0 || v > (values[i - 1] ?? 0)));
  if (!ascending) {
    issues.push({
      field: 'config',
      message: { zh: 'D 值分档边界必须为正数且严格递增', en: 'D band edges must be positive and strictly ascending' },
    });
  }
  const ranks = lecDangerDegrees.map((d) => config.levelByDegree[d]);
  if (!ranks.every(isRiskLevel)) {
    issues.push({ field: 'config', message: { zh: '危险程度对应的风险等级无效', en: 'A danger degree maps to an unknown risk level' } });
  } else if (!ranks.every((lvl, i) => i === 0 || severityRank(lvl) <= severityRank(ranks[i - 1] ?? riskLevels[3]))) {
    // A more dangerous degree must never map to a less severe colour.
    issues.push({
      field: 'config',
      message: { zh: '危险程度越高，风险等级不得越低', en: 'A higher danger degree must not map to a lower risk level' },
    });
  }
  return issues;
}

/** D = L × E × C. Factors are scaled to integers first so that e.g. 0.1 × 3 × 7 is exactly 2.1. */
export function lecProduct({ l, e, c }: LecInput): number {
  return (Math.round(l * 10) * Math.round(e * 10) * Math.round(c)) / 100;
}

export function dangerDegreeOf(d: number, config: LecConfig = defaultLecConfig): LecDangerDegree {
  let index = 0;
  for (const edge of config.edges) {
    const above = edge.onEdge === 'lower' ? d > edge.value : d >= edge.value;
    if (above) index++;
  }
  return lecDangerDegrees[index] ?? 'extreme';
}

/** Throws LecError (bilingual issues) for a value outside the tables or an unusable configuration. */
export function assessLec(input: LecInput, config: LecConfig = defaultLecConfig): LecAssessment {
  const issues = [...validateLecInput(input), ...validateLecConfig(config)];
  if (issues.length > 0) throw new LecError(issues);
  const d = lecProduct(input);
  const dangerDegree = dangerDegreeOf(d, config);
  return { d, dangerDegree, level: config.levelByDegree[dangerDegree] };
}

/** Every D the tables can produce, ascending; the UI and the boundary tests use it. */
export function reachableLecProducts(): number[] {
  const products = new Set<number>();
  for (const l of lecTables.l.rows)
    for (const e of lecTables.e.rows) for (const c of lecTables.c.rows) products.add(lecProduct({ l: l.value, e: e.value, c: c.value }));
  return [...products].sort((a, b) => a - b);
}
