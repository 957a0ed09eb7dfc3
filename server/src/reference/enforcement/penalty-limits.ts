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

/**
 * 听证 (行政处罚法 §63, §64; rules.md §10.2, confidence M): the party asks within 5 days of the 告知书, and the
 * authority notifies the hearing's time and place at least 7 days before it. The amount from which a fine is
 * "较大数额" (and the hearing a right) is set by each province; the default is 《安全生产违法行为行政处罚办法》's
 * (2万 for a person, 5万 for an organisation). All of it is configuration with these documented defaults, stored per
 * deployment in `enforcement_settings` (modules/enforcement/enforcement.settings.ts).
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
 * the limit and the hearing day does not.
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

/** Bounds of the configurable periods: a day at least, a month at most (a typing slip, not a province's choice). */
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
        zh: `${zh}须为${HEARING_DAYS_RANGE.min}至${HEARING_DAYS_RANGE.max}之间的整数天`,
        en: `${en} must be a whole number of days from ${HEARING_DAYS_RANGE.min} to ${HEARING_DAYS_RANGE.max}`,
      });
  };
  days('requestDays', '要求听证的期限', 'The period to request a hearing');
  days('noticeDays', '听证通知提前天数', 'The notice before a hearing');
  if (typeof c.excludeFromDecisionLimit !== 'boolean')
    out.push({
      field: 'excludeFromDecisionLimit',
      zh: '听证时间是否计入办案期限须为是或否',
      en: 'Whether hearing time counts against the decision limit must be yes or no',
    });
  return out;
}

/** Last day the party may ask for a hearing: 5 days after the notice (告知书) was issued. */
export function hearingRequestDue(noticeOn: string, config: HearingConfig = defaultHearingConfig): string {
  return addDays(noticeOn, config.requestDays);
}

/** Earliest day a hearing notified on `noticeOn` may be held (7 days' notice). */
export function earliestHearingOn(noticeOn: string, config: HearingConfig = defaultHearingConfig): string {
  return addDays(noticeOn, config.noticeDays);
}

/** Whether the proposed fine is "较大数额", so the 告知书 must offer a hearing (§63 (一)). */
export function hearingIsARight(party: PartyKind, fine: number | null, config: HearingConfig = defaultHearingConfig): boolean {
  return fine !== null && fine >= config.threshold[party];
}

/** Refusal when a hearing request made on `requestedOn` is outside [notice day, notice + 5 days], else null. */
export function hearingRequestRefusal(noticeOn: string, requestedOn: string, config: HearingConfig = defaultHearingConfig) {
  const due = hearingRequestDue(noticeOn, config);
  if (requestedOn < noticeOn || requestedOn > due) {
    return {
      zh: `要求听证须在告知书送达之日（${noticeOn}）起${config.requestDays}日内（至${due}）提出`,
      en: `A hearing must be requested within ${config.requestDays} days of the notice of ${noticeOn} (by ${due})`,
    };
  }
  return null;
}

/** Refusal when a hearing notified on `noticeOn` is set for `hearingOn` with less than 7 days' notice, else null. */
export function hearingNoticeRefusal(noticeOn: string, hearingOn: string, config: HearingConfig = defaultHearingConfig) {
  const earliest = earliestHearingOn(noticeOn, config);
  if (hearingOn < earliest) {
    return {
      zh: `听证通知须在举行听证的${config.noticeDays}日前送达，听证日期最早为${earliest}`,
      en: `The hearing must be notified ${config.noticeDays} days ahead: the earliest date is ${earliest}`,
    };
  }
  return null;
}

/** Withdrawal deadline of a published decision later changed or revoked: within 3 days (calendar). */
export const WITHDRAW_DAYS = 3;
export function withdrawalDue(changedOn: string): string {
  return addDays(changedOn, WITHDRAW_DAYS);
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
