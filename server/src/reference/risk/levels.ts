// The four safety-risk levels and their colours (安全风险四级四色).
// Source: 国务院安委会办公室《关于实施遏制重特大事故工作指南构建双重预防机制的意见》(安委办〔2016〕11号):
// 安全风险等级从高到低划分为重大风险、较大风险、一般风险和低风险，分别用红、橙、黄、蓝四种颜色标示.
//
// Code keys are English words, not letters or numbers: sources write "A级/1级" for 重大 and others write
// "D级" for 重大 (docs/rules.md §4.1), so a letter or number grade would be ambiguous without a legend.
import type { Bilingual } from '@anjian/contracts';

/** Highest first, as 安委办〔2016〕11号 lists them. The array order is the severity order. */
export const riskLevels = ['major', 'significant', 'general', 'low'] as const;
export type RiskLevel = (typeof riskLevels)[number];

// Colour names only: the shade is a web theme token, so a map, a chart and an export cannot drift apart.
export type RiskColour = 'red' | 'orange' | 'yellow' | 'blue';

export interface RiskLevelInfo {
  label: Bilingual;
  colour: RiskColour;
  colourLabel: Bilingual;
}

export const riskLevelInfo: Record<RiskLevel, RiskLevelInfo> = {
  major: { label: { zh: '重大风险', en: 'Major risk' }, colour: 'red', colourLabel: { zh: '红', en: 'Red' } },
  significant: {
    label: { zh: '较大风险', en: 'Significant risk' },
    colour: 'orange',
    colourLabel: { zh: '橙', en: 'Orange' },
  },
  general: { label: { zh: '一般风险', en: 'General risk' }, colour: 'yellow', colourLabel: { zh: '黄', en: 'Yellow' } },
  low: { label: { zh: '低风险', en: 'Low risk' }, colour: 'blue', colourLabel: { zh: '蓝', en: 'Blue' } },
};

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (riskLevels as readonly string[]).includes(value);
}

/** 0 for 'major' … 3 for 'low'; lower means more severe. */
export function severityRank(level: RiskLevel): number {
  return riskLevels.indexOf(level);
}

/** Sort comparator, most severe first: `levels.sort(compareRiskLevels)`. */
export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return severityRank(a) - severityRank(b);
}

/**
 * An enterprise's overall colour is the most severe of its assessed risk points.
 * Returns null for no assessments: an unassessed enterprise is "unknown", and painting it blue would
 * present missing work as low risk.
 */
export function highestLevel(levels: readonly RiskLevel[]): RiskLevel | null {
  let best: RiskLevel | null = null;
  for (const level of levels) {
    if (best === null || severityRank(level) < severityRank(best)) best = level;
  }
  return best;
}

export function riskColour(level: RiskLevel): RiskColour {
  return riskLevelInfo[level].colour;
}
