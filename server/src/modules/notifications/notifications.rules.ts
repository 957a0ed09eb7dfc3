// Who is told what, and when: one table per capability, as data, plus the small pure functions that read it.
// Deadline rules count official working days (platform/calendar.ts), so a reminder "3 working days before"
// skips weekends and the State Council's holidays and lands on the make-up working days.
import { isWorkday } from '../../platform/calendar';
import { addDays } from '../../platform/time';

/** Groups of recipients, resolved per record and then filtered by each user's scope (notifications.recipients.ts). */
export type RecipientGroup = 'enterprise' | 'street' | 'district' | 'leader' | 'department' | 'park';

export type NoticeKind = 'assigned' | 'awaiting_action' | 'due_soon' | 'due_today' | 'overdue' | 'escalated' | 'announcement';

export interface DeadlineRule {
  key: string;
  /** Working days relative to the deadline: −3 = three working days before, 0 = on it, 3 = three after. */
  offsetWorkdays: number;
  kind: NoticeKind;
  recipients: readonly RecipientGroup[];
  title: { zh: string; en: string };
}

/**
 * Hidden dangers (隐患治理, 令16号 §… rectification deadlines; the escalation ladder is the district's practice as
 * described in issue 13): the enterprise is reminded before and on the deadline, the street joins on the day,
 * and three working days late the street and the district bureau are told.
 */
export const hazardDeadlineRules: readonly DeadlineRule[] = [
  {
    key: 'due_soon',
    offsetWorkdays: -3,
    kind: 'due_soon',
    recipients: ['enterprise'],
    title: { zh: '隐患整改期限还有3个工作日', en: 'Hidden-danger rectification due in 3 working days' },
  },
  {
    key: 'due_today',
    offsetWorkdays: 0,
    kind: 'due_today',
    recipients: ['enterprise', 'street'],
    title: { zh: '隐患整改今日到期', en: 'Hidden-danger rectification due today' },
  },
  {
    key: 'overdue_3',
    offsetWorkdays: 3,
    kind: 'escalated',
    recipients: ['street', 'district'],
    title: { zh: '隐患整改已逾期3个工作日', en: 'Hidden-danger rectification 3 working days overdue' },
  },
];

/**
 * 举报 time limits (modules/reports/reports.rules.ts): the handler's unit — the street, industry department or park the
 * report was routed to (recipients are filtered by scope, so only the one that holds the report is told) — is reminded
 * the working day before a report's acceptance deadline and, with the district bureau, on the day; the assignee and
 * the unit five working days before the handling deadline (an extended one counts) and, with the bureau, on the day.
 * The working day after a deadline passed it escalates to the supervising authority: the bureau and its leader.
 */
export interface ReportDeadlineRule extends DeadlineRule {
  /** Which deadline: acceptance (status received) or handling (accepted / handling). */
  deadline: 'accept' | 'handle';
  /** The report's assignee is told as well. */
  assignee?: boolean;
}

const reportHandlerUnit: readonly RecipientGroup[] = ['street', 'department', 'park'];

export const reportDeadlineRules: readonly ReportDeadlineRule[] = [
  {
    key: 'accept_due_soon',
    deadline: 'accept',
    offsetWorkdays: -1,
    kind: 'due_soon',
    recipients: reportHandlerUnit,
    title: { zh: '举报受理期限还有1个工作日', en: 'Report to be accepted within 1 working day' },
  },
  {
    key: 'accept_due_today',
    deadline: 'accept',
    offsetWorkdays: 0,
    kind: 'due_today',
    recipients: [...reportHandlerUnit, 'district'],
    title: { zh: '举报今日受理到期', en: 'Report acceptance due today' },
  },
  {
    key: 'handle_due_soon',
    deadline: 'handle',
    offsetWorkdays: -5,
    kind: 'due_soon',
    recipients: reportHandlerUnit,
    assignee: true,
    title: { zh: '举报办理期限还有5个工作日', en: 'Report handling due in 5 working days' },
  },
  {
    key: 'handle_due_today',
    deadline: 'handle',
    offsetWorkdays: 0,
    kind: 'due_today',
    recipients: [...reportHandlerUnit, 'district'],
    assignee: true,
    title: { zh: '举报办理今日到期', en: 'Report handling due today' },
  },
  {
    key: 'accept_overdue',
    deadline: 'accept',
    offsetWorkdays: 1,
    kind: 'escalated',
    recipients: [...reportHandlerUnit, 'district', 'leader'],
    title: { zh: '举报逾期未受理，已上报督办', en: 'Report not accepted in time: escalated' },
  },
  {
    key: 'handle_overdue',
    deadline: 'handle',
    offsetWorkdays: 1,
    kind: 'escalated',
    recipients: [...reportHandlerUnit, 'district', 'leader'],
    assignee: true,
    title: { zh: '举报逾期未办结，已上报督办', en: 'Report not handled in time: escalated' },
  },
];

/**
 * 三项岗位 certificates (rules.md §5.2 第二十二条: the review, and 延期换证 at expiry, is filed within the 60 days before
 * 期满; a review not done on time lapses the certificate). Counted in calendar days from the certificate's due date
 * (its review date, else its expiry): the enterprise is told when the window opens, the enterprise and its street 30
 * days before, and both the day after it lapsed. Revoked certificates and people who left are not reminded.
 */
export interface CertificateDueRule {
  key: string;
  /** Calendar days relative to the due date: −60 = sixty days before, 1 = the day after. */
  offsetDays: number;
  kind: NoticeKind;
  recipients: readonly RecipientGroup[];
  title: { zh: string; en: string };
}

export const certificateDueRules: readonly CertificateDueRule[] = [
  {
    key: 'window_open',
    offsetDays: -60,
    kind: 'due_soon',
    recipients: ['enterprise'],
    title: { zh: '证书复审/换证期限还有60天，请及时申请', en: 'Certificate review or renewal due in 60 days: apply now' },
  },
  {
    key: 'due_30',
    offsetDays: -30,
    kind: 'due_soon',
    recipients: ['enterprise', 'street'],
    title: { zh: '证书复审/换证期限还有30天', en: 'Certificate review or renewal due in 30 days' },
  },
  {
    key: 'lapsed',
    offsetDays: 1,
    kind: 'overdue',
    recipients: ['enterprise', 'street'],
    title: { zh: '证书已过期或未按期复审，持证人不得上岗作业', en: 'Certificate lapsed (expired or not reviewed in time)' },
  },
];

/**
 * Workplace detection of occupational-hazard factors (职业健康; 工作场所职业卫生管理规定 第二十条: at least once a year —
 * modules/occupational-health rules `periods.detectionMonths`, L). Counted in calendar days from the next detection's
 * due date: the enterprise 30 days before, the enterprise and its street (and its industry department and park) the
 * day after it fell due without a new report.
 */
export const detectionDueRules: readonly CertificateDueRule[] = [
  {
    key: 'due_30',
    offsetDays: -30,
    kind: 'due_soon',
    recipients: ['enterprise'],
    title: { zh: '职业病危害因素年度检测将在30天内到期', en: 'Annual workplace hazard detection due in 30 days' },
  },
  {
    key: 'overdue',
    offsetDays: 1,
    kind: 'overdue',
    recipients: ['enterprise', 'street', 'department', 'park'],
    title: { zh: '职业病危害因素检测已逾期', en: 'Workplace hazard detection overdue' },
  },
];

/**
 * 举报奖励 claim period (reports/rewards/rewards.rules.ts rewardClaim, L: 60 calendar days from approval): the reporter
 * who submitted with a citizen account — the only contact the platform may use without opening the vault — is
 * reminded 15 and 3 calendar days before the claim day (on the next working day when that is a rest day). The lapse
 * itself is told by the report_reward.lapse event.
 */
export interface RewardClaimRule {
  key: string;
  /** Calendar days relative to the claim day: −15 = fifteen days before. */
  offsetDays: number;
  title: { zh: string; en: string };
}

export const rewardClaimRules: readonly RewardClaimRule[] = [
  {
    key: 'claim_15',
    offsetDays: -15,
    title: { zh: '您的举报奖励领取期限还有15天，请及时领取', en: 'Your report reward must be claimed within 15 days' },
  },
  {
    key: 'claim_3',
    offsetDays: -3,
    title: { zh: '您的举报奖励领取期限还有3天，逾期未领取视为放弃', en: 'Your report reward must be claimed within 3 days, or it lapses' },
  },
];

/**
 * The due dates a calendar-day rule fires for when the daily job runs on `today`: those whose shifted day falls after
 * the previous working day and up to today, so a reminder that would fall on a weekend or holiday comes on the next
 * working day and each due date fires each rule once. Null on a non-working day. Half-open range (after, upTo].
 */
export function calendarDayWindow(today: string, offsetDays: number): { after: string; upTo: string } | null {
  if (!isWorkday(today)) return null;
  const previous = shiftWorkdays(today, -1);
  return { after: addDays(previous, -offsetDays), upTo: addDays(today, -offsetDays) };
}

/**
 * 严重失信主体名单 (部令第11号; modules/credit/listing.rules.ts): the district bureau that proposes and decides is told
 * the working day before and on the day a party's objection period ends (the decision may follow), and on the day a
 * listing's 3-year period ends (the listing has left the public page; record the removal).
 */
export interface ListingDeadlineRule extends DeadlineRule {
  deadline: 'objection' | 'period';
}

export const listingDeadlineRules: readonly ListingDeadlineRule[] = [
  {
    key: 'objection_due_soon',
    deadline: 'objection',
    offsetWorkdays: -1,
    kind: 'due_soon',
    recipients: ['district'],
    title: { zh: '失信名单异议期还有1个工作日届满', en: 'Objection period ends in 1 working day' },
  },
  {
    key: 'objection_due_today',
    deadline: 'objection',
    offsetWorkdays: 0,
    kind: 'due_today',
    recipients: ['district', 'leader'],
    title: { zh: '失信名单异议期今日届满', en: 'Objection period ends today' },
  },
  {
    key: 'period_ended',
    deadline: 'period',
    offsetWorkdays: 0,
    kind: 'due_today',
    recipients: ['district'],
    title: { zh: '失信名单管理期已届满，请办理移出', en: 'Listing period ended: record the removal' },
  },
];

/** Who must act next on a hidden danger in each open state (the workflow's next performer). */
export const hazardAwaiting: Record<string, { recipients: readonly RecipientGroup[]; title: { zh: string; en: string } }> = {
  reported: { recipients: ['enterprise'], title: { zh: '新登记的隐患待制定整改', en: 'New hidden danger awaiting rectification' } },
  rectifying: { recipients: ['enterprise'], title: { zh: '隐患待整改', en: 'Hidden danger to rectify' } },
  awaiting_acceptance: { recipients: ['enterprise', 'street'], title: { zh: '隐患整改待验收', en: 'Rectification awaiting acceptance' } },
};

/** `date` moved by k working days (k < 0: earlier); from a non-working day, the first step lands on a working day. */
export function shiftWorkdays(date: string, k: number): string {
  let d = date;
  const step = k < 0 ? -1 : 1;
  for (let left = Math.abs(k); left > 0;) {
    d = addDays(d, step);
    if (isWorkday(d)) left--;
  }
  return d;
}

/**
 * The deadlines a rule fires for when the daily job runs on `today`: those whose shifted day falls after the
 * previous working day and up to today — so deadlines on a weekend or holiday are caught on the next working day
 * and each deadline fires each rule exactly once. Null on a non-working day (the next working day covers it).
 * Returns the half-open range (after, upTo].
 */
export function deadlineWindow(today: string, offsetWorkdays: number): { after: string; upTo: string } | null {
  if (!isWorkday(today)) return null;
  const previous = shiftWorkdays(today, -1);
  return { after: shiftWorkdays(previous, -offsetWorkdays), upTo: shiftWorkdays(today, -offsetWorkdays) };
}

/**
 * Early warnings of the 警兆知识库 (modules/warnings): a warning still open two working days after it fired escalates to
 * the district bureau; one not yet handled five working days after it fired escalates to the bureau and its leader.
 * Counted from the firing day on the working-day calendar; each warning escalates once per rule (dedupe key).
 */
export interface WarningEscalationRule {
  key: string;
  offsetWorkdays: number;
  /** The statuses still counted as unattended for this step. */
  statuses: readonly ('open' | 'acknowledged')[];
  kind: NoticeKind;
  recipients: readonly RecipientGroup[];
  title: { zh: string; en: string };
}

export const warningEscalationRules: readonly WarningEscalationRule[] = [
  {
    key: 'unacknowledged_2',
    offsetWorkdays: 2,
    statuses: ['open'],
    kind: 'escalated',
    recipients: ['district'],
    title: { zh: '预警2个工作日未签收', en: 'Warning not acknowledged for 2 working days' },
  },
  {
    key: 'unhandled_5',
    offsetWorkdays: 5,
    statuses: ['open', 'acknowledged'],
    kind: 'escalated',
    recipients: ['district', 'leader'],
    title: { zh: '预警5个工作日未处置，已上报', en: 'Warning not handled for 5 working days: escalated' },
  },
];

/** Penalty-case steps that wait for the district leader (case.workflow.ts: approve_review and decide need case.review). */
export const caseAwaiting: Record<string, { recipients: readonly RecipientGroup[]; title: { zh: string; en: string } }> = {
  legal_review: { recipients: ['leader'], title: { zh: '处罚案件待法制审核', en: 'Penalty case awaiting legal review' } },
  reviewed: { recipients: ['leader'], title: { zh: '处罚案件待作出决定', en: 'Penalty case awaiting the decision' } },
};

/**
 * 工作方案 monthly progress reports (modules/workplans/workplans.rules.ts: the plan's report day, default the 28th per
 * Longgang 000 §七(四), moved to the previous working day): the lead unit is reminded three working days before
 * the due day and on it; the working day after a missed due day the issuer (the plan's organisation) is told which
 * unit has not reported. Only tasks that still owe reports (assigned, in progress, returned) and that have no report
 * for the month are concerned.
 */
export type WorkReportRecipient = 'lead_unit' | 'issuer';
export interface WorkReportDeadlineRule {
  key: string;
  offsetWorkdays: number;
  kind: NoticeKind;
  recipients: readonly WorkReportRecipient[];
  title: { zh: string; en: string };
}

export const workReportDeadlineRules: readonly WorkReportDeadlineRule[] = [
  {
    key: 'due_soon',
    offsetWorkdays: -3,
    kind: 'due_soon',
    recipients: ['lead_unit'],
    title: { zh: '月度工作进展还有3个工作日截止报送', en: 'Monthly progress report due in 3 working days' },
  },
  {
    key: 'due_today',
    offsetWorkdays: 0,
    kind: 'due_today',
    recipients: ['lead_unit'],
    title: { zh: '月度工作进展今日截止报送', en: 'Monthly progress report due today' },
  },
  {
    key: 'missed',
    offsetWorkdays: 1,
    kind: 'overdue',
    recipients: ['issuer'],
    title: { zh: '牵头单位未按时报送月度工作进展', en: 'A lead unit missed its monthly progress report' },
  },
];

/**
 * Who hears of a 工作方案 task's step (domain events work_task.*): the lead unit when a task is assigned to it, returned
 * or put under 督办; the issuer when a lead unit reports the task done.
 */
export const workTaskEventNotices: Record<
  string,
  { recipients: readonly WorkReportRecipient[]; kind: NoticeKind; title: { zh: string; en: string } }
> = {
  create: { recipients: ['lead_unit'], kind: 'assigned', title: { zh: '新的工作任务（牵头）', en: 'New work task led by your unit' } },
  return: { recipients: ['lead_unit'], kind: 'awaiting_action', title: { zh: '工作任务被退回', en: 'Work task returned' } },
  supervise: { recipients: ['lead_unit'], kind: 'escalated', title: { zh: '工作任务被督办', en: 'Work task under supervision (督办)' } },
  report_done: {
    recipients: ['issuer'],
    kind: 'awaiting_action',
    title: { zh: '工作任务已报完成，待验收', en: 'Work task reported done, to accept' },
  },
};
