// 抽查 of certificate holders as data (seed 000 五(五)18: 根据教育培训档案，对取得资格证的特种作业人员进行抽查，对专业技能不合格的，
// 取消其资格证书). Which outcome counts as a failure and which revokes the certificate (L: configuration with these
// defaults):
// - unqualified (专业技能不合格): revoked — the seed's own rule;
// - identity_mismatch (证件与本人不符): revoked — the certificate is used by someone it was not issued to;
// - unlicensed (无证上岗: the sampled holder does work the certificate does not cover) and expired (证件过期): a finding
//   against the enterprise, nothing to revoke (an expired certificate already stopped counting, rules.md §5.2);
// - other: the officer says whether it warrants revocation.
import { spotCheckOutcomeLabels, type SpotCheckOutcome } from '@anjian/contracts';

export const spotOutcomeRules: Record<SpotCheckOutcome, { failed: boolean; revoke: 'always' | 'never' | 'officer' }> = {
  pass: { failed: false, revoke: 'never' },
  identity_mismatch: { failed: true, revoke: 'always' },
  unqualified: { failed: true, revoke: 'always' },
  unlicensed: { failed: true, revoke: 'never' },
  expired: { failed: true, revoke: 'never' },
  other: { failed: true, revoke: 'officer' },
};

/** The most holders one draw takes (a field day's work for a team; L). */
export const maxSample = 500;

/** Whether an outcome revokes the certificate; `officerSays` only matters for `other`. */
export function warrantsRevocation(outcome: SpotCheckOutcome, officerSays?: boolean): boolean {
  const rule = spotOutcomeRules[outcome].revoke;
  return rule === 'always' || (rule === 'officer' && officerSays === true);
}

/** How many holders to draw: the size asked (or the ratio of the population, rounded up), never more than there are. */
export function sampleSizeFor(population: number, rule: { sampleSize?: number; ratio?: number }): number {
  const wanted = rule.sampleSize ?? Math.ceil((rule.ratio ?? 0) * population - 1e-9);
  return Math.max(0, Math.min(population, wanted, maxSample));
}

/** The reason written on a revoked certificate. */
export function revokeReasonFor(outcome: SpotCheckOutcome, title: string, note?: string | null): string {
  return `抽查（${title}）：${spotCheckOutcomeLabels[outcome].zh}${note ? `；${note}` : ''}`.slice(0, 500);
}
