// Accident reporting deadlines under 国务院令第493号 第九～十三条: the unit's first report, the
// level-by-level upward reports, and the supplementary-report (补报) window in which a change in
// casualties may still change an accident's level.
import { addDays, cstDate } from '../../platform/time';
import type { AccidentCategory, AccidentLevel, Casualties, GradingOptions } from './accident-level';
import { gradeAccident } from './accident-level';
import type { Label, RuleSource } from './label';

/** Supervising departments an accident report climbs through, lowest first. */
export const REPORTING_TIERS = ['county', 'city', 'province', 'state_council'] as const;
export type ReportingTier = (typeof REPORTING_TIERS)[number];

export const REPORTING_TIER_LABELS: Record<ReportingTier, Label> = {
  county: { zh: '县级应急管理部门', en: 'County-level emergency management department' },
  city: { zh: '设区的市级应急管理部门', en: 'Prefecture-level city emergency management department' },
  province: { zh: '省级应急管理部门', en: 'Provincial emergency management department' },
  state_council: { zh: '国务院应急管理部门', en: 'State Council emergency management department' },
};

export const REPORTING_SOURCES: Record<'unit' | 'upward' | 'perLevel' | 'supplementary', RuleSource> = {
  unit: { document: '国务院令第493号', article: '第九条', confidence: 'H' },
  upward: { document: '国务院令第493号', article: '第十条', confidence: 'H' },
  perLevel: { document: '国务院令第493号', article: '第十一条', confidence: 'H' },
  supplementary: { document: '国务院令第493号', article: '第十三条', confidence: 'H' },
};

export interface ReportingRules {
  /** 第九条: the unit head reports within 1 hour of learning of the accident. */
  unitReportHours: number;
  /** 第十一条: each level of upward reporting takes at most 2 hours. */
  perLevelHours: number;
  /** 第十三条: days after the accident day in which casualty changes must be 补报. */
  supplementaryWindowDays: number;
  /** 第十三条: the shorter window for road traffic and fire accidents. */
  supplementaryWindowDaysByCategory: Partial<Record<AccidentCategory, number>>;
}

export const REPORTING_RULES_493: ReportingRules = {
  unitReportHours: 1,
  perLevelHours: 2,
  supplementaryWindowDays: 30,
  supplementaryWindowDaysByCategory: { road_traffic: 7, fire: 7 },
};

/** 第十条: the highest department a report of each level must reach. */
export const HIGHEST_REPORTING_TIER: Record<AccidentLevel, ReportingTier> = {
  especially_major: 'state_council',
  major: 'state_council',
  larger: 'province',
  general: 'city',
};

/** The departments a report must reach, county first (the unit reports to the local county department). */
export function reportingChain(level: AccidentLevel): ReportingTier[] {
  return REPORTING_TIERS.slice(0, REPORTING_TIERS.indexOf(HIGHEST_REPORTING_TIER[level]) + 1);
}

export interface ReportTimestamps {
  occurredAt: Date;
  /**
   * When the unit head learned of it. 第九条 starts the hour there; on-site staff must tell the head
   * "立即", so without this timestamp the accident time is used (the stricter reading).
   */
  headInformedAt?: Date;
  /** When each department received the report; missing when it has not (yet). */
  receivedAt: Partial<Record<ReportingTier, Date>>;
}

/**
 * 'missing' means overdue and not received. It is not 瞒报 or 漏报: those are findings that need
 * investigation (生产安全事故罚款处罚规定 第五条), so the platform only flags the fact.
 */
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending';

export const TIMELINESS_LABELS: Record<Timeliness, Label> = {
  on_time: { zh: '按时报告', en: 'On time' },
  late: { zh: '迟报', en: 'Late (迟报)' },
  missing: { zh: '逾期未报', en: 'Overdue, not received' },
  pending: { zh: '待报告', en: 'Not yet due' },
};

export interface TierReportStatus {
  tier: ReportingTier;
  due: Date;
  receivedAt: Date | null;
  timeliness: Timeliness;
}

const HOUR_MS = 3_600_000;

/**
 * Due time and timeliness of the report at each tier. Each tier's 2 hours run from the moment the
 * tier below received it (第十一条 limits each step, not the total), or from that tier's own due
 * time while it has not received it, so one late step does not hide the next.
 */
export function classifyReports(
  level: AccidentLevel,
  t: ReportTimestamps,
  now: Date,
  rules: ReportingRules = REPORTING_RULES_493,
): TierReportStatus[] {
  const statuses: TierReportStatus[] = [];
  let clockStart = t.headInformedAt ?? t.occurredAt;
  let hours = rules.unitReportHours;
  for (const tier of reportingChain(level)) {
    const due = new Date(clockStart.getTime() + hours * HOUR_MS);
    const receivedAt = t.receivedAt[tier] ?? null;
    const timeliness: Timeliness = receivedAt
      ? receivedAt.getTime() <= due.getTime()
        ? 'on_time'
        : 'late'
      : now.getTime() > due.getTime()
        ? 'missing'
        : 'pending';
    statuses.push({ tier, due, receivedAt, timeliness });
    clockStart = receivedAt ?? due;
    hours = rules.perLevelHours;
  }
  return statuses;
}

export interface AccidentTiming {
  occurredAt: Date;
  category: AccidentCategory;
}

export function supplementaryWindowDays(category: AccidentCategory, rules: ReportingRules = REPORTING_RULES_493): number {
  return rules.supplementaryWindowDaysByCategory[category] ?? rules.supplementaryWindowDays;
}

/**
 * Last China calendar day of the 补报 window. "自事故发生之日起30日内": the day of the accident is
 * not counted (民法典 第二百零一条, periods in days start the next day), so an accident on 1 March
 * has a window through 31 March, and a road accident on 1 March through 8 March.
 */
export function supplementaryWindowLastDay(accident: AccidentTiming, rules: ReportingRules = REPORTING_RULES_493): string {
  return addDays(cstDate(accident.occurredAt), supplementaryWindowDays(accident.category, rules));
}

/** Whether a change in casualties at `now` may still change the accident's level. */
export function canRegrade(accident: AccidentTiming, now: Date, rules: ReportingRules = REPORTING_RULES_493): boolean {
  return cstDate(now) <= supplementaryWindowLastDay(accident, rules);
}

export interface CasualtyRevision extends Casualties {
  reportedAt: Date;
  /**
   * When the change happened (say, an injured worker died). 第十三条 asks whether the casualties
   * changed inside the window, so a death on day 29 reported on day 31 still counts. Defaults to
   * `reportedAt`.
   */
  changedAt?: Date;
}

export interface RegradeResult {
  initialLevel: AccidentLevel;
  level: AccidentLevel;
  changed: boolean;
  /** The figures the level rests on: the latest revision that was allowed to count. */
  effective: CasualtyRevision;
  levelChanges: { at: Date; from: AccidentLevel; to: AccidentLevel }[];
  /** Revisions whose change fell after the window: recorded, but they do not move the level. */
  ignored: CasualtyRevision[];
}

/**
 * Replays an accident's casualty history and decides its level. The first report always counts
 * (even a late one: the accident has to have some level); later revisions count only if their
 * change happened inside the 补报 window. The direct loss is an estimate that the investigation
 * report fixes later (第二十九/三十条); that final figure is outside this function.
 */
export function regradeFromHistory(
  accident: AccidentTiming,
  history: readonly CasualtyRevision[],
  options: GradingOptions & { rules?: ReportingRules } = {},
): RegradeResult {
  if (history.length === 0) throw new RangeError('the casualty history needs at least the first report');
  const ordered = [...history].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const [first, ...rest] = ordered as [CasualtyRevision, ...CasualtyRevision[]];
  const initialLevel = gradeAccident(first, options);
  let effective = first;
  let level = initialLevel;
  const levelChanges: RegradeResult['levelChanges'] = [];
  const ignored: CasualtyRevision[] = [];
  for (const revision of rest) {
    if (!canRegrade(accident, revision.changedAt ?? revision.reportedAt, options.rules)) {
      ignored.push(revision);
      continue;
    }
    const next = gradeAccident(revision, options);
    if (next !== level) levelChanges.push({ at: revision.reportedAt, from: level, to: next });
    effective = revision;
    level = next;
  }
  return { initialLevel, level, changed: level !== initialLevel, effective, levelChanges, ignored };
}
