// 安全生产标准化 rules as data plus small pure functions, each test citing its source (standardization.rules.test.ts).
//  - Validity: 3 years from the grant (shared/domain/rules.md §7, M: "等级有效期为3年，期满前需申请复评"); seed 002
//    (4. 加强标准化体系建设: "明确企业标准化达标3年期满延期申报程序"). Same arithmetic as the enterprise file
//    (enterprises.policy standardizationExpiryOf): 36 calendar months, 29 Feb → 28 Feb.
//  - Renewal reminder: 90 days before expiry (L: the platform's choice so the 复评 application fits before expiry).
//  - Target: seed 003 (二、(一)): "力争2017年年底前70%以上的规模以上企业按照安全生产标准化三级以上标准有效运行", and
//    "规模以上工贸企业年底未完成70%以上达标任务的，每少10个百分点扣除0.5分" — the same step rule as the assessment
//    module's `step_short` (whole steps only: exactly 10.0 points short deducts 0.5, 9.9 short deducts nothing).
//  - Accidents (rules.md §7, L, 2011 办法): 一级 needs no death in the preceding year, 二级 ≤ 1 death, 三级 ≤ 2. An
//    accident lowers the grade to the best one its deaths still allow; beyond every allowance, or an accident of level
//    较大 or worse, revokes it. 小微达标 is treated like 三级. Configuration until checked against the 2021 定级办法.
import type { StandardizationGrade } from '@anjian/contracts';
import { addDays, addMonths } from '../../platform/time';

export const standardizationRules = {
  validityMonths: 36,
  renewalWarningDays: 90,
  targetPct: 70,
  stepPct: 10,
  deductPerStep: 0.5,
  /** Deaths in one accident each grade tolerates (rules.md §7 accident-based eligibility). */
  maxDeaths: { '1': 0, '2': 1, '3': 2, small: 2 } as Record<StandardizationGrade, number>,
  /** Accident levels (493号) that revoke any grade. */
  revokingLevels: ['larger', 'major', 'especially_major'] as readonly string[],
};

/** Best first. */
const order: readonly StandardizationGrade[] = ['1', '2', '3'];

export const standardizationExpiry = (certifiedOn: string) => addMonths(certifiedOn, standardizationRules.validityMonths);

/** Grade 3 or better (小微达标 is not a grade and does not count towards the 规上 rate). */
export const atLeastGradeThree = (grade: string | null): boolean => grade === '1' || grade === '2' || grade === '3';

/** True when `to` is strictly below `from` (a downgrade). */
export function isLower(from: StandardizationGrade, to: StandardizationGrade): boolean {
  if (from === 'small' || to === 'small') return false;
  return order.indexOf(to) > order.indexOf(from);
}

/** The grade in force on `today`: none once expired (the expiry day itself is still in force). */
export function gradeInForce(g: { grade: string | null; expiresOn: string | null }, today: string): string | null {
  if (!g.grade || !g.expiresOn || g.expiresOn < today) return null;
  return g.grade;
}

/** The grade left after an accident: unchanged, a lower grade, or null (revoked). */
export function gradeAfterAccident(
  current: StandardizationGrade,
  accident: { deaths: number; level: string },
): StandardizationGrade | null {
  const r = standardizationRules;
  if (r.revokingLevels.includes(accident.level)) return null;
  if (accident.deaths <= r.maxDeaths[current]) return current;
  if (current === 'small') return null;
  const allowed = order.slice(order.indexOf(current)).find((g) => accident.deaths <= r.maxDeaths[g]);
  return allowed ?? null;
}

/** Percent with one decimal, null for an empty base. */
export function ratePct(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/**
 * Seed 003's deduction for an area's rate: 0.5 per WHOLE 10 points short of 70 %, never more than `cap` (the
 * indicator's weight, when the assessment applies it). Arithmetic in hundredths so 60.0 is exactly 10.0 short.
 * A null rate (no 规上 enterprise) is nothing to deduct.
 */
export function standardizationShortfall(rate: number | null, cap = Infinity): number {
  if (rate === null) return 0;
  const r = standardizationRules;
  const short = Math.round(r.targetPct * 100) - Math.round(rate * 100);
  if (short <= 0) return 0;
  const steps = Math.floor(short / Math.round(r.stepPct * 100));
  return Math.min(cap, (steps * Math.round(r.deductPerStep * 100)) / 100);
}

/** Renewal reminder due: the expiry falls within the warning window (or has passed). */
export const renewalDue = (expiresOn: string, today: string) => expiresOn <= addDays(today, standardizationRules.renewalWarningDays);
