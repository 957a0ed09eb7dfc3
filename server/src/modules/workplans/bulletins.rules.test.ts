// The bulletin's fair ranking (issue #14 item 3: "a unit with too few items is not ranked first or last on one data
// point, and the rule is stated on the bulletin"): L = minItems (default 3).
import { describe, expect, it } from 'vitest';
import { bulletinBody, DEFAULT_MIN_ITEMS, fairnessRule, rankFairly } from './bulletins.rules';

const t = (orgName: string, onTime: number, late: number, missing: number) => ({ orgId: orgName, orgName, onTime, late, missing });

describe('fair ranking', () => {
  it('does not rank a unit with fewer than L items first or last', () => {
    const rows = rankFairly([t('甲', 3, 1, 0), t('乙', 1, 0, 0), t('丙', 2, 0, 2), t('丁', 0, 0, 2)], DEFAULT_MIN_ITEMS);
    expect(rows.map((r) => [r.orgName, r.rank, r.fewItems])).toEqual([
      ['甲', 1, false],
      ['丙', 2, false],
      ['丁', null, true],
      ['乙', null, true],
    ]);
  });
  it('ranks a unit with exactly L items', () => {
    const rows = rankFairly([t('甲', 3, 0, 0), t('乙', 2, 1, 0)], 3);
    expect(rows.map((r) => r.rank)).toEqual([1, 2]);
    expect(rows[1]!.rate).toBe(66.67);
  });
  it('gives equal rates the same rank', () => {
    expect(rankFairly([t('甲', 3, 0, 0), t('乙', 3, 0, 0), t('丙', 2, 1, 0)], 3).map((r) => r.rank)).toEqual([1, 1, 3]);
  });
  it('prints the rule on the bulletin', () => {
    const rows = rankFairly([t('甲', 3, 0, 0), t('乙', 1, 0, 0)], 3);
    const body = bulletinBody('ranking', rows, { from: '2026-11-01', to: '2026-11-30' }, 3);
    expect(body).toContain(fairnessRule(3));
    expect(body).toContain('乙：按时1/1（100%）（事项不足，不参与排名）');
    expect(bulletinBody('praise', rows, { from: '2026-11-01', to: '2026-11-30' }, 3)).toContain('按时报送率100%的单位：甲。');
  });
});
