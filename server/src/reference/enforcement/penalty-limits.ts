// Time limits and money rules of the administrative penalty procedure: 行政处罚法 (2021修订, effective 2021-07-15),
// docs/rules.md §10.2.
//
// Days: §85 — "本法中'二日''三日''五日''七日'的规定是指工作日，不含法定节假日。" So the periods the law states as 2, 3, 5 or 7
// days are working days of the official calendar (platform/calendar.ts: 国务院办公厅 holidays and make-up working
// weekends, via chinese-days): the party's hearing request within 5 days of the 告知 and the hearing notice at least
// 7 days ahead (§64), and the 3 days to withdraw a published decision later changed or revoked (§48). Every other
// period here — the 90-day decision limit (§60) and its hearing pause, the 15 days to pay (§67), the days of 加处罚款
// (§72), the re-inspection window — is not in §85's list and stays in calendar days. docs/rules.md §10.2 gives the hearing
// periods as "days" without §85; the article is recorded here and in docs/user-guide.md.
//
// A working day in a year the calendar has no data for throws CalendarGapError (never a weekday guess); the checks
// below look no further ahead than their question needs, so a gap only bites when the answer depends on it.
import { addWorkdays, CalendarGapError, calendarGapHint, countWorkdays } from '../../platform/calendar';
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

/**
 * 听证 (行政处罚法 §63, §64; docs/rules.md §10.2, confidence M): the party asks within 5 days of the 告知书, and the
 * authority notifies the hearing's time and place at least 7 days before it — working days both (§85), so a
 * deployment's `requestDays` and `noticeDays` count working days too. The amount from which a fine is
 * "较大数额" (and the hearing a right) is set by each province; the default is 《安全生产违法行为行政处罚办法》's
 * (2万 for a person, 5万 for an organisation). All of it is configuration with these documented defaults, stored per
 * deployment in `enforcement_settings` (modules/enforcement/settings/enforcement.settings.ts).
 */
export interface HearingConfig {
  requestDays: number;
  noticeDays: number;
  threshold: Record<PartyKind, number>;
  /**
   * Whether the days from the hearing request to the hearing held are left out of the 90-day decision limit
   * (听证时间不计入案件办理期限). 行政处罚法 §60 itself is silent; procedure rules say so — 市场监督管理行政处罚程序
   * 规定 §64 and provincial 应急管理 procedure rules ("听证、公告、鉴定等时间不计入") — confidence M/L, so a setting.
   */
  excludeFromDecisionLimit: boolean;
}
export const defaultHearingConfig: HearingConfig = {
  requestDays: 5,
  noticeDays: 7,
  threshold: { natural_person: 20_000, organisation: 50_000 },
  excludeFromDecisionLimit: true,
};
export const HEARING_REQUEST_DAYS = defaultHearingConfig.requestDays;

/**
 * Days of a hearing left out of the decision limit: from the request day to the day it was held (or, while it is
 * pending, to today). A period's first day is not counted (民法典 §201), so the request day still counts against
 * the limit and the hearing day does not. Calendar days, like the 90 days they are taken out of (§60 is not in §85's
 * list), even though the request and notice periods that lead up to the hearing count working days.
 */
export function hearingPauseDays(requestedOn: string | null, heldOn: string | null, today: string): number {
  if (!requestedOn) return 0;
  return Math.max(0, daysBetween(requestedOn, heldOn ?? today));
}

export interface DecisionClockInput {
  filedOn: string;
  extensionDays: readonly number[];
  hearingRequestedOn: string | null;
  hearingHeldOn: string | null;
  decidedOn: string | null;
}

export interface DecisionClock {
  /** Last day for the decision as of today: 90 days + extensions + the hearing's days (if excluded). */
  due: string;
  /** Days of the hearing not counted (0 when the setting counts them or there was no request). */
  hearingDays: number;
  /** A requested hearing is not yet held and its time is excluded: the clock stands still, `due` moves daily. */
  paused: boolean;
  /** Days from today to `due` (negative when overdue); null once decided. Frozen while paused. */
  remainingDays: number | null;
  overdue: boolean;
}

/**
 * The 90-day decision limit of §60 with approved extensions and, when the deployment excludes hearing time, the
 * hearing's days. A hearing not yet held pauses the clock up to today; the decision day ends a pause that was
 * never closed by a hearing (so a decided case's due date no longer moves).
 */
export function decisionClock(c: DecisionClockInput, today: string, config: HearingConfig = defaultHearingConfig): DecisionClock {
  const counted = config.excludeFromDecisionLimit && !!c.hearingRequestedOn;
  const pending = counted && !c.hearingHeldOn && !c.decidedOn;
  const hearingDays = counted ? hearingPauseDays(c.hearingRequestedOn, c.hearingHeldOn ?? c.decidedOn, today) : 0;
  const due = addDays(decisionDue(c.filedOn, c.extensionDays), hearingDays);
  return {
    due,
    hearingDays,
    paused: pending,
    remainingDays: c.decidedOn ? null : daysBetween(today, due),
    overdue: !c.decidedOn && today > due,
  };
}

/** Bounds of the configurable periods, in working days: one at least, 30 (about six weeks) at most — beyond is a typing slip. */
export const HEARING_DAYS_RANGE = { min: 1, max: 30 } as const;
/** Largest threshold accepted: 1亿 yuan, the top of the 安全生产法 fine ranges (§114). */
export const HEARING_THRESHOLD_MAX = 100_000_000;

export interface ConfigIssue {
  field: 'threshold.natural_person' | 'threshold.organisation' | 'requestDays' | 'noticeDays' | 'excludeFromDecisionLimit';
  zh: string;
  en: string;
}

/**
 * What is wrong with a hearing configuration, in both languages (empty when it is usable). A 较大数额 threshold at or
 * below the §51 on-the-spot limit would make fines decided on the spot "较大数额" — a unit slip (2 for 2万), refused.
 */
export function hearingConfigIssues(c: HearingConfig): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const party of ['natural_person', 'organisation'] as const) {
    const v = c.threshold?.[party];
    const who = party === 'natural_person' ? { zh: '公民', en: 'a natural person' } : { zh: '法人或其他组织', en: 'an organisation' };
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= ON_THE_SPOT_LIMIT[party] || v > HEARING_THRESHOLD_MAX) {
      out.push({
        field: `threshold.${party}`,
        zh: `对${who.zh}的较大数额罚款标准须为大于${ON_THE_SPOT_LIMIT[party]}元（简易程序当场罚款上限）且不超过${HEARING_THRESHOLD_MAX}元的整数`,
        en: `The large-fine threshold for ${who.en} must be a whole number of yuan above ${ON_THE_SPOT_LIMIT[party]} (the on-the-spot limit) and at most ${HEARING_THRESHOLD_MAX}`,
      });
    }
  }
  const days = (field: 'requestDays' | 'noticeDays', zh: string, en: string) => {
    const v = c[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < HEARING_DAYS_RANGE.min || v > HEARING_DAYS_RANGE.max)
      out.push({
        field,
        zh: `${zh}须为${HEARING_DAYS_RANGE.min}至${HEARING_DAYS_RANGE.max}之间的整数个工作日`,
        en: `${en} must be a whole number of working days from ${HEARING_DAYS_RANGE.min} to ${HEARING_DAYS_RANGE.max}`,
      });
  };
  days('requestDays', '要求听证的期限', 'The period to request a hearing');
  days('noticeDays', '听证通知提前的期限', 'The notice before a hearing');
  if (typeof c.excludeFromDecisionLimit !== 'boolean')
    out.push({
      field: 'excludeFromDecisionLimit',
      zh: '听证时间是否计入办案期限须为是或否',
      en: 'Whether hearing time counts against the decision limit must be yes or no',
    });
  return out;
}

/** The date `f` gives, or null when it needs a year the working-day calendar has no data for. */
export function unlessCalendarGap(f: () => string): string | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof CalendarGapError) return null;
    throw e;
  }
}

/** Bilingual refusal when a working-day period cannot be counted: the calendar lacks `year` (§85 needs it). */
export function calendarGapRefusal(year: number): { zh: string; en: string } {
  const hint = calendarGapHint(year);
  return {
    zh: `${year}年的法定节假日安排尚未导入，无法按工作日计算期限（《行政处罚法》第八十五条）。${hint.zh}`,
    en: `The official holiday calendar for ${year} is not loaded, so this working-day period (行政处罚法 §85) cannot be counted. ${hint.en}`,
  };
}

/** Last day the party may ask for a hearing: the 5th working day after the notice (告知书) was issued (§64, §85). */
export function hearingRequestDue(noticeOn: string, config: HearingConfig = defaultHearingConfig): string {
  return addWorkdays(noticeOn, config.requestDays);
}

/** Earliest day a hearing notified on `noticeOn` may be held: the 7th working day after it (§64, §85). */
export function earliestHearingOn(noticeOn: string, config: HearingConfig = defaultHearingConfig): string {
  return addWorkdays(noticeOn, config.noticeDays);
}

/** Whether the proposed fine is "较大数额", so the 告知书 must offer a hearing (§63 (一)). */
export function hearingIsARight(party: PartyKind, fine: number | null, config: HearingConfig = defaultHearingConfig): boolean {
  return fine !== null && fine >= config.threshold[party];
}

/**
 * Whether a hearing asked for on `on` is inside the request period, from the notice day through its 5th working day.
 * Asked on day d, the period is over only if all 5 working days fell before d, so only the days before d are looked
 * at; and 5 working days are never fewer than 5 calendar days, so a request within those needs no calendar at all.
 * Also answers "is the party's period still running today?" for the review gate.
 */
export function hearingRequestTimely(noticeOn: string, on: string, config: HearingConfig = defaultHearingConfig): boolean {
  if (on < noticeOn) return false;
  if (on <= addDays(noticeOn, config.requestDays)) return true;
  return countWorkdays(noticeOn, addDays(on, -1), config.requestDays) < config.requestDays;
}

/** Refusal when a hearing request made on `requestedOn` is outside [notice day, its 5th working day], else null. */
export function hearingRequestRefusal(noticeOn: string, requestedOn: string, config: HearingConfig = defaultHearingConfig) {
  if (hearingRequestTimely(noticeOn, requestedOn, config)) return null;
  // Late: the last day is before the request, so known. Dated before the notice: it may lie in a year not loaded.
  const due = unlessCalendarGap(() => hearingRequestDue(noticeOn, config));
  return {
    zh: `要求听证须在告知书送达之日（${noticeOn}）起${config.requestDays}个工作日内${due ? `（至${due}）` : ''}提出（《行政处罚法》第六十四条、第八十五条）`,
    en: `A hearing must be requested within ${config.requestDays} working days of the notice of ${noticeOn}${due ? ` (by ${due})` : ''} (行政处罚法 §64, §85)`,
  };
}

/**
 * Refusal when a hearing notified on `noticeOn` is set for `hearingOn` with fewer than 7 working days' notice, else
 * null. Counting stops at the 7th working day, so a hearing far ahead needs no calendar beyond it.
 */
export function hearingNoticeRefusal(noticeOn: string, hearingOn: string, config: HearingConfig = defaultHearingConfig) {
  if (countWorkdays(noticeOn, hearingOn, config.noticeDays) >= config.noticeDays) return null;
  const earliest = unlessCalendarGap(() => earliestHearingOn(noticeOn, config));
  return {
    zh: `听证通知须在举行听证的${config.noticeDays}个工作日前送达${earliest ? `，听证日期最早为${earliest}` : ''}（《行政处罚法》第六十四条、第八十五条）`,
    en: `The hearing must be notified ${config.noticeDays} working days ahead${earliest ? `: the earliest date is ${earliest}` : ''} (行政处罚法 §64, §85)`,
  };
}

/**
 * §48: a published decision later changed, revoked or found unlawful is withdrawn from publication within 3 days —
 * working days (§85).
 */
export const WITHDRAW_DAYS = 3;
export function withdrawalDue(changedOn: string): string {
  return addWorkdays(changedOn, WITHDRAW_DAYS);
}

/**
 * 整改复查: the re-inspection falls due on the order's deadline and is done within 10 days of it (《安全生产违法行为
 * 行政处罚办法》: "自申请或者限期届满之日起10日内进行复查"). Recalled, not checked against the text (L), so the window is
 * configuration with this default.
 */
export const defaultReinspectionConfig = { windowDays: 10 };

/** Whether a re-inspection due on `due` and not yet done is late on `today`. */
export function reinspectionOverdue(
  due: string | null,
  reinspectedOn: string | null,
  today: string,
  config = defaultReinspectionConfig,
): boolean {
  return !!due && !reinspectedOn && today > addDays(due, config.windowDays);
}
