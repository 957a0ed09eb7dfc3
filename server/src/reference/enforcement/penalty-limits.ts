// Time limits and money rules of the administrative penalty procedure: 行政处罚法 (2021修订, effective 2021-07-15),
// rules.md §10.2. Calendar days throughout (the law counts these periods in days, not working days).
import { addDays, daysBetween } from '../../platform/time';

/** §60: decide within 90 days of 立案 (filing); approved extensions add their days. */
export const DECISION_LIMIT_DAYS = 90;
/** §67: pay within 15 days of receiving (service of) the decision. */
export const PAYMENT_DAYS = 15;
/** §72: 3 % of the fine per day overdue. */
export const SURCHARGE_RATE_PER_DAY = 0.03;
/** §51 简易程序 (当场处罚): at most 200 yuan for a citizen, 3,000 yuan for a legal person or other organisation. */
export const ON_THE_SPOT_LIMIT = { natural_person: 200, organisation: 3000 } as const;
export type PartyKind = keyof typeof ON_THE_SPOT_LIMIT;

/** Last day on which the decision may be made: filing day + 90 + extensions ("within 90 days of filing"). */
export function decisionDue(filedOn: string, extensionDays: readonly number[] = []): string {
  return addDays(filedOn, DECISION_LIMIT_DAYS + extensionDays.reduce((a, b) => a + b, 0));
}

/** Last day to pay without a surcharge: 15 days after service. */
export function paymentDue(servedOn: string): string {
  return addDays(servedOn, PAYMENT_DAYS);
}

/**
 * 加处罚款 on `asOf` (or on the day paid): 3 % of the fine for each day after the payment due day, never more than
 * the fine itself (§72 and 行政强制法 §45). Money in fen (integers) so no rounding drift.
 */
export function lateSurchargeFen(fineFen: number, servedOn: string, asOf: string): number {
  const late = Math.max(0, daysBetween(paymentDue(servedOn), asOf));
  return Math.min(fineFen, Math.round(fineFen * SURCHARGE_RATE_PER_DAY * late));
}

/** Refusal when an on-the-spot (简易程序) fine is above the §51 limit for the party, else null. */
export function onTheSpotRefusal(party: PartyKind, fine: number): { zh: string; en: string } | null {
  const limit = ON_THE_SPOT_LIMIT[party];
  if (fine <= limit) return null;
  return {
    zh: `简易程序当场罚款${party === 'natural_person' ? '对公民' : '对法人或其他组织'}不得超过${limit}元`,
    en: `On-the-spot fines may not exceed ${limit} yuan for ${party === 'natural_person' ? 'a natural person' : 'an organisation'}`,
  };
}

/** §... 7 days' notice of a hearing; the party asks within 5 days of the notice (M confidence, rules.md §10.2). */
export const HEARING_REQUEST_DAYS = 5;

/** Withdrawal deadline of a published decision later changed or revoked: within 3 days (calendar). */
export const WITHDRAW_DAYS = 3;
export function withdrawalDue(changedOn: string): string {
  return addDays(changedOn, WITHDRAW_DAYS);
}
