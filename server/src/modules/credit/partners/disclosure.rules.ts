// 公示 of enterprises with accidents, penalties or major hidden dangers (seed 003 七, line 84: "对发生事故、受到行政处罚
// 或存在重大隐患的企业一律上网公示"). How long an entry stays on the page is configuration (rules.md L): the default
// 12 months follows the shortest-to-longest publication period the national credit-repair rules give a general
// penalty (3 months to 1 year, 国家发展改革委令第58号 2023 §9; M from memory), taken at its longest.
import { addDays, addMonths } from '../../../platform/time';

export interface DisclosureRules {
  /** Months an entry stays on the page after the day it happened. */
  months: number;
}
export const defaultDisclosureRules: DisclosureRules = { months: 12 };

/** The first day an entry that happened on `occurredOn` is no longer shown… */
export function disclosureEndsOn(occurredOn: string, rules: DisclosureRules = defaultDisclosureRules): string {
  return addMonths(occurredOn, rules.months);
}
/** …so the last day it is shown. */
export const shownUntil = (occurredOn: string, rules: DisclosureRules = defaultDisclosureRules) =>
  addDays(disclosureEndsOn(occurredOn, rules), -1);
/** Entries that happened after this day are on the page `today`. */
export const disclosedSince = (today: string, rules: DisclosureRules = defaultDisclosureRules) => addMonths(today, -rules.months);
