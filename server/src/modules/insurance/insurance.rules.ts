// 安责险 rules as data plus small pure functions (L in the sense of shared/domain/rules.md: configuration with
// documented defaults, not national law the code may hard-wire).
//  - Mandatory sectors. Seed 004 (15. 推行安全生产责任保险): "在矿山、危险化学品、烟花爆竹、交通运输、建筑施工、民用爆炸物品、
//    金属冶炼、渔业生产等高危行业领域全面实施安全生产责任保险". The platform's sectors carry 矿山 as non_coal_mining,
//    危险化学品, 烟花爆竹, 交通运输, 建筑施工 and 金属冶炼 as metallurgy (plus the metal_smelting hazard tag wherever
//    the enterprise is filed); 民用爆炸物品 and 渔业生产 have no sector here. Seed 000 (20.) lists a district's wider
//    set (冶金、锂电池、涉氨制冷、粉尘涉爆、有限空间 …): a deployment adds those tags to `mandatoryTags`.
//  - Expiry warning: 30 days before a policy ends (the platform's choice, configurable).
import type { HazardTag, PolicyStatus, Sector } from '@anjian/contracts';
import { addDays } from '../../platform/time';

export interface InsuranceRules {
  mandatorySectors: readonly Sector[];
  mandatoryTags: readonly HazardTag[];
  expiryWarningDays: number;
}

export const insuranceRules: InsuranceRules = {
  mandatorySectors: ['non_coal_mining', 'hazardous_chemicals', 'fireworks', 'transport', 'construction', 'metallurgy'],
  mandatoryTags: ['metal_smelting'],
  expiryWarningDays: 30,
};

/** True when the enterprise must hold a policy: a mandatory sector, or a mandatory hazard tag. */
export function mustInsure(e: { sector: string; hazardTags: readonly string[] }, rules: InsuranceRules = insuranceRules): boolean {
  return (
    (rules.mandatorySectors as readonly string[]).includes(e.sector) ||
    e.hazardTags.some((t) => (rules.mandatoryTags as readonly string[]).includes(t))
  );
}

/**
 * A policy's standing on `today` (both ends inclusive: a policy ending today still covers today). "expiring" when it
 * ends within the warning window: on the day exactly `expiryWarningDays` ahead it is expiring, a day later valid.
 */
export function policyStatus(
  p: { startsOn: string; endsOn: string },
  today: string,
  warningDays = insuranceRules.expiryWarningDays,
): PolicyStatus {
  if (p.startsOn > today) return 'future';
  if (p.endsOn < today) return 'expired';
  return p.endsOn <= addDays(today, warningDays) ? 'expiring' : 'valid';
}
