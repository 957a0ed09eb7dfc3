// 安全生产严重失信主体名单管理办法 (应急管理部令第11号, effective 2023-10-01; rules.md §9) as data and pure functions:
// the listing criteria evaluated from an enterprise's credit entries, the objection period on the working-day
// calendar, the 3-year management period and early removal (信用修复) after 12 months with its three conditions.
// H in rules.md: the 3 years, the 12 months, the criteria 1–5. L (rules.md §9: "procedural time limits … were not
// confirmed"): the objection period, here a configuration with a documented default of 5 working days from the
// notice, and the day the period runs from (default the listing decision, "列入之日").
import type { ListingCriterion } from '@anjian/contracts';
import { addWorkdays } from '../../platform/calendar';
import { addMonths } from '../../platform/time';

export interface ListingRules {
  /** Working days after the prior notice in which the party may object (陈述、申辩). L, default 5. */
  objectionWorkdays: number;
  /** The management period (rules.md §9 "Management period 3 years", H). */
  periodMonths: number;
  /** Early removal possible after this long on the list (rules.md §9 "after 12 months", H). */
  earlyRemovalMonths: number;
  /** The day the period runs from: the decision to list (default) or its publication. L. */
  periodFrom: 'decided' | 'published';
  /** "12个月内累计发生2起以上较大" (rules.md §9 case 2): the window and the count. */
  largerAccidentWindowMonths: number;
  largerAccidentCount: number;
}

export const defaultListingRules: ListingRules = {
  objectionWorkdays: 5,
  periodMonths: 36,
  earlyRemovalMonths: 12,
  periodFrom: 'decided',
  largerAccidentWindowMonths: 12,
  largerAccidentCount: 2,
};

/** The last day an objection is received in time: N working days after the notice (the notice day not counted). */
export function objectionDueOf(noticedOn: string, rules: ListingRules = defaultListingRules): string {
  return addWorkdays(noticedOn, rules.objectionWorkdays);
}

/** The first day off the list: the period's start plus 3 years (a 29 February start ends on 28 February). */
export function periodEndOf(start: string, rules: ListingRules = defaultListingRules): string {
  return addMonths(start, rules.periodMonths);
}

/** The first day early removal may be granted: 12 months after the start. */
export function earlyRemovalFromOf(start: string, rules: ListingRules = defaultListingRules): string {
  return addMonths(start, rules.earlyRemovalMonths);
}

export interface EarlyRemovalApplication {
  appliedOn: string;
  penaltyExecuted: boolean;
  harmRemoved: boolean;
  noNewConduct: boolean;
}

/** Why early removal cannot be granted (empty: it can), rules.md §9 信用修复 conditions. */
export function earlyRemovalRefusals(earlyRemovalFrom: string, a: EarlyRemovalApplication) {
  const out: { field: string; zh: string; en: string }[] = [];
  if (a.appliedOn < earlyRemovalFrom)
    out.push({
      field: 'appliedOn',
      zh: `列入满12个月后方可申请提前移出（${earlyRemovalFrom}起）`,
      en: `Early removal may be applied for after 12 months on the list (from ${earlyRemovalFrom})`,
    });
  if (!a.penaltyExecuted)
    out.push({ field: 'penaltyExecuted', zh: '行政处罚须已履行完毕', en: 'The penalty must have been fully executed' });
  if (!a.harmRemoved)
    out.push({ field: 'harmRemoved', zh: '危害后果或不良影响须已消除', en: 'The harm or bad influence must have been removed' });
  if (!a.noNewConduct)
    out.push({ field: 'noNewConduct', zh: '须未再发生严重失信行为', en: 'No new serious-dishonesty conduct may have occurred' });
  return out;
}

export interface CriteriaEntry {
  kind: string;
  severity: string | null;
  occurredOn: string;
  status: string;
  sourceType: string;
  sourceId: string;
}

export interface CriterionMet {
  criterion: ListingCriterion;
  sources: { type: string; id: string }[];
}

/**
 * The criteria of 部令第11号 an enterprise's active entries meet on `today` (rules.md §9, cases 1 and 2; the others —
 * 2–5× fines, 瞒报谎报, a fled principal, unlicensed operation, agency fraud, evasion — are not in the credit entries
 * and are chosen by the officer with the grounds). Only conduct inside the management period counts.
 */
export function evaluateCriteria(
  entries: readonly CriteriaEntry[],
  today: string,
  rules: ListingRules = defaultListingRules,
): CriterionMet[] {
  const since = addMonths(today, -rules.periodMonths);
  const live = entries.filter((e) => e.status === 'active' && e.occurredOn >= since && e.occurredOn <= today);
  const src = (e: CriteriaEntry) => ({ type: e.sourceType, id: e.sourceId });
  const out: CriterionMet[] = [];
  const major = live.filter((e) => e.kind === 'accident' && (e.severity === 'major' || e.severity === 'especially_major'));
  if (major.length > 0) out.push({ criterion: 'major_accident', sources: major.map(src) });
  const larger = live
    .filter((e) => e.kind === 'accident' && e.severity === 'larger')
    .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  // Any window [first, first + 12 months) holding the required count.
  for (let i = 0; i + rules.largerAccidentCount - 1 < larger.length; i++) {
    const end = addMonths(larger[i]!.occurredOn, rules.largerAccidentWindowMonths);
    const inWindow = larger.slice(i).filter((e) => e.occurredOn < end);
    if (inWindow.length >= rules.largerAccidentCount) {
      out.push({ criterion: 'two_larger_accidents_12m', sources: inWindow.map(src) });
      break;
    }
  }
  return out;
}
