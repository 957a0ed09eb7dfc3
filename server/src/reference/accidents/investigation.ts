// Investigation and handling time limits (国务院令第493号 第十九、二十九、三十二条), which government
// investigates, and the follow-up duties a fatal accident creates under local rules.
import { addDays, addMonths, cstDate } from '../../platform/time';
import type { AccidentLevel, Casualties } from './accident-level';
import type { Label, RuleSource } from './label';

export interface InvestigationRules {
  /** 第二十九条: report due within 60 days of the accident. */
  reportDays: number;
  /** 第二十九条: one extension, approved by the government in charge, of at most 60 days (M). */
  reportMaxExtensionDays: number;
  /** 第三十二条: 批复 due within 15 days of receiving the report, 30 for 特别重大 (H). */
  approvalDays: Record<AccidentLevel, number>;
  /** 第三十二条: in special cases the 批复 may be extended by at most 30 days (H). */
  approvalMaxExtensionDays: number;
}

export const INVESTIGATION_RULES_493: InvestigationRules = {
  reportDays: 60,
  reportMaxExtensionDays: 60,
  approvalDays: { especially_major: 30, major: 15, larger: 15, general: 15 },
  approvalMaxExtensionDays: 30,
};

export const INVESTIGATION_SOURCES: Record<'authority' | 'report' | 'approval', RuleSource> = {
  authority: { document: '国务院令第493号', article: '第十九条', confidence: 'M' },
  report: { document: '国务院令第493号', article: '第二十九条', confidence: 'M' },
  approval: { document: '国务院令第493号', article: '第三十二条', confidence: 'H' },
};

function dayOf(date: string | Date): string {
  return typeof date === 'string' ? date : cstDate(date);
}

function checkExtension(days: number, max: number, what: string): void {
  if (!Number.isInteger(days) || days < 0 || days > max) throw new RangeError(`${what} extension must be 0..${max} days, got ${days}`);
}

/**
 * Last China calendar day for the investigation report. "自事故发生之日起60日内": the accident day
 * itself is not counted (民法典 第二百零一条), the same reading as the 补报 window in reporting.ts.
 */
export function investigationReportDue(
  occurredAt: string | Date,
  extensionDays = 0,
  rules: InvestigationRules = INVESTIGATION_RULES_493,
): string {
  checkExtension(extensionDays, rules.reportMaxExtensionDays, 'investigation report');
  return addDays(dayOf(occurredAt), rules.reportDays + extensionDays);
}

/** Last China calendar day for the government's 批复, counted from the day it received the report. */
export function approvalDue(
  level: AccidentLevel,
  reportReceivedAt: string | Date,
  extensionDays = 0,
  rules: InvestigationRules = INVESTIGATION_RULES_493,
): string {
  checkExtension(extensionDays, rules.approvalMaxExtensionDays, 'approval');
  return addDays(dayOf(reportReceivedAt), rules.approvalDays[level] + extensionDays);
}

export type InvestigatingGovernment = 'state_council' | 'province' | 'city' | 'county';

export const INVESTIGATING_GOVERNMENT_LABELS: Record<InvestigatingGovernment, Label> = {
  state_council: { zh: '国务院或者国务院授权有关部门', en: 'State Council or a department it authorises' },
  province: { zh: '事故发生地省级人民政府', en: 'Provincial government where it happened' },
  city: { zh: '事故发生地设区的市级人民政府', en: 'Prefecture-level city government where it happened' },
  county: { zh: '事故发生地县级人民政府', en: 'County government where it happened' },
};

/** 第十九条: the level of government that organises the investigation. */
export const INVESTIGATING_GOVERNMENT: Record<AccidentLevel, InvestigatingGovernment> = {
  especially_major: 'state_council',
  major: 'province',
  larger: 'city',
  general: 'county',
};

export interface InvestigationAuthority {
  government: InvestigatingGovernment;
  /** 第十九条第三款: for a 一般 accident without casualties the county may entrust the unit itself. */
  mayEntrustUnit: boolean;
}

export function investigationAuthority(level: AccidentLevel, casualties: Casualties): InvestigationAuthority {
  const noCasualties = casualties.deaths === 0 && casualties.seriousInjuries === 0 && (casualties.missing ?? 0) === 0;
  return { government: INVESTIGATING_GOVERNMENT[level], mayEntrustUnit: level === 'general' && noCasualties };
}

// ---- Follow-up duties ------------------------------------------------------------------------

export const FOLLOW_UP_DUTIES = [
  'interview_principal',
  'principal_retraining',
  'warning_education',
  'credit_blacklist_review',
  'double_investigation',
] as const;
export type FollowUpDuty = (typeof FOLLOW_UP_DUTIES)[number];

export const FOLLOW_UP_DUTY_LABELS: Record<FollowUpDuty, Label> = {
  interview_principal: { zh: '约谈并通报企业主要负责人', en: 'Interview the principal and notify' },
  principal_retraining: { zh: '主要负责人安全生产再培训', en: 'Safety retraining of the principal' },
  warning_education: { zh: '事故警示教育', en: 'Accident warning education' },
  credit_blacklist_review: { zh: '研究列入严重失信主体名单', en: 'Review for the serious-dishonesty (credit black) list' },
  double_investigation: { zh: '“一案双查”（查监管部门履职）', en: '"One case, double investigation" of the supervising department' },
};

export type DutyOffset = { unit: 'days' | 'months'; amount: number };

export interface FollowUpDutyRule {
  /**
   * 'fatal': accidents with deaths or missing persons; 'fatal_or_major': also 重大/特别重大 accidents
   * without deaths; 'any': every accident the enterprise is responsible for.
   */
  trigger: 'fatal' | 'fatal_or_major' | 'any';
  /** Due date counted from the accident day. */
  due: DutyOffset;
  source: RuleSource;
}

/**
 * Defaults. Only the retraining limit comes from a seed; where the seeds are silent the offsets
 * are this module's choice, marked 'assumed', and belong in regional configuration.
 */
export const DEFAULT_FOLLOW_UP_RULES: Record<FollowUpDuty, FollowUpDutyRule> = {
  // 汕尾 plan 四(一)2: every responsible enterprise, 较大及以上 by the city, 一般 by the county department.
  // No time limit given: 15 days chosen so the interview happens while the accident is fresh.
  interview_principal: {
    trigger: 'any',
    due: { unit: 'days', amount: 15 },
    source: { document: '汕尾市落实企业安全生产主体责任整治工作实施方案', article: '四(一)2', confidence: 'seed' },
  },
  // 汕尾 plan 四(一)3: "发生人员死亡的…主要负责人…均应在事故发生日三个月内，接受安全生产再培训".
  principal_retraining: {
    trigger: 'fatal',
    due: { unit: 'months', amount: 3 },
    source: { document: '汕尾市落实企业安全生产主体责任整治工作实施方案', article: '四(一)3', confidence: 'seed' },
  },
  // 汕尾 plan 四(二)5 sets a 100% rate but no limit: 3 months chosen, aligned with the retraining.
  warning_education: {
    trigger: 'fatal',
    due: { unit: 'months', amount: 3 },
    source: { document: '汕尾市落实企业安全生产主体责任整治工作实施方案', article: '四(二)5', confidence: 'assumed' },
  },
  // 应急管理部令第11号: listing is decided by the penalising department after the investigation, so
  // 90 days ≈ 60-day report + 15-day 批复 + margin. The rule's own procedural days were not found.
  // 'fatal_or_major' because a 重大 accident is a listing case even with injuries only.
  credit_blacklist_review: {
    trigger: 'fatal_or_major',
    due: { unit: 'days', amount: 90 },
    source: { document: '应急管理部令第11号', article: '列入情形', confidence: 'assumed' },
  },
  // 龙岗 and 梁平 plans: "一案双查" runs alongside the accident investigation, so it shares its 60 days.
  double_investigation: {
    trigger: 'fatal',
    due: { unit: 'days', amount: 60 },
    source: { document: '深龙安办〔2018〕291号; 梁平区2018年安全生产工作要点', article: '一案双查', confidence: 'assumed' },
  },
};

export interface DutyAssignment {
  duty: FollowUpDuty;
  label: Label;
  due: string;
  /** For the interview: which department conducts it (汕尾 plan: 较大及以上 city, 一般 county). */
  conductedBy?: 'city' | 'county';
  /**
   * For the credit list: 令11号 makes 特别重大 and 重大 accidents a listing case outright; for the
   * rest it is a review (e.g. 2+ 较大 within 12 months, 瞒报/谎报), which needs facts beyond one accident.
   */
  listingMandatory?: boolean;
  source: RuleSource;
}

/** The duties an accident creates, each with its due day counted from the accident day (China time). */
export function followUpDuties(
  accident: { occurredAt: string | Date; level: AccidentLevel; casualties: Casualties },
  rules: Record<FollowUpDuty, FollowUpDutyRule> = DEFAULT_FOLLOW_UP_RULES,
): DutyAssignment[] {
  const day = dayOf(accident.occurredAt);
  const fatal = accident.casualties.deaths + (accident.casualties.missing ?? 0) > 0;
  const severe = accident.level === 'especially_major' || accident.level === 'major';
  const applies = (trigger: FollowUpDutyRule['trigger']): boolean => trigger === 'any' || fatal || (trigger === 'fatal_or_major' && severe);
  return FOLLOW_UP_DUTIES.filter((duty) => applies(rules[duty].trigger)).map((duty) => {
    const rule = rules[duty];
    const due = rule.due.unit === 'days' ? addDays(day, rule.due.amount) : addMonths(day, rule.due.amount);
    const assignment: DutyAssignment = { duty, label: FOLLOW_UP_DUTY_LABELS[duty], due, source: rule.source };
    if (duty === 'interview_principal') assignment.conductedBy = accident.level === 'general' ? 'county' : 'city';
    if (duty === 'credit_blacklist_review') assignment.listingMandatory = severe;
    return assignment;
  });
}
