// Source: 安委办〔2016〕11号 (docs/rules.md §4.1): 重大/较大/一般/低 = 红/橙/黄/蓝, listed from high to low.
import { describe, expect, it } from 'vitest';
import { compareRiskLevels, highestLevel, isRiskLevel, riskColour, riskLevelInfo, riskLevels, type RiskLevel } from './levels';

describe('four risk levels and colours (安委办〔2016〕11号)', () => {
  it('orders the levels from high to low with red, orange, yellow, blue', () => {
    expect(riskLevels.map((l) => riskLevelInfo[l].label.zh)).toEqual(['重大风险', '较大风险', '一般风险', '低风险']);
    expect(riskLevels.map(riskColour)).toEqual(['red', 'orange', 'yellow', 'blue']);
    expect(riskLevels.map((l) => riskLevelInfo[l].colourLabel.zh)).toEqual(['红', '橙', '黄', '蓝']);
  });

  it('gives every level a bilingual label', () => {
    for (const l of riskLevels) {
      expect(riskLevelInfo[l].label.zh).not.toBe('');
      expect(riskLevelInfo[l].label.en).not.toBe('');
    }
  });

  it("takes the most severe level as an enterprise's overall colour", () => {
    expect(highestLevel(['low', 'general', 'low'])).toBe('general');
    expect(highestLevel(['low', 'major', 'significant'])).toBe('major');
    expect(highestLevel(['significant', 'general'])).toBe('significant');
    expect(highestLevel(['low'])).toBe('low');
  });

  it('reports no colour for an enterprise without assessments rather than blue', () => {
    expect(highestLevel([])).toBeNull();
  });

  it('sorts most severe first', () => {
    const levels: RiskLevel[] = ['low', 'major', 'general', 'significant'];
    expect(levels.sort(compareRiskLevels)).toEqual(['major', 'significant', 'general', 'low']);
  });

  it('recognises only the four keys', () => {
    expect(isRiskLevel('major')).toBe(true);
    expect(isRiskLevel('A')).toBe(false);
    expect(isRiskLevel('red')).toBe(false);
  });
});
