// 警兆知识库 (Gaoming 002: "在达到设定的警兆条件时即触发预警"): early-warning rules as versioned data — a condition
// picked from a small catalogue of parameterised conditions, a level, recipients and a suggested action — their
// backtest on history, and the warnings they fire (open → acknowledged → handled → closed).
import { z } from 'zod';
import { safeString } from '../input';
import { pageQuery } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);
const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const warningLevels = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];
export const warningLevelLabels: Record<WarningLevel, { zh: string; en: string }> = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
};

/** Who a warning goes to, by role group; each user is then filtered by scope (notifications.recipients.ts). */
export const warningRecipientGroups = ['enterprise', 'street', 'district', 'leader', 'department', 'park'] as const;

/**
 * The condition catalogue: each kind with its parameters and their bounds (a rule outside them is refused as a
 * bilingual field error). The SQL each kind runs is server/src/modules/warnings/warnings.conditions.ts.
 */
export const warningCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overdue_hazards'), params: z.object({ minCount: int(1, 100) }).strict() }).strict(),
  z.object({ kind: z.literal('no_self_check'), params: z.object({ days: int(7, 365) }).strict() }).strict(),
  z.object({ kind: z.literal('major_hazard_overdue'), params: z.object({ graceDays: int(0, 90) }).strict() }).strict(),
  z.object({ kind: z.literal('repeated_reports'), params: z.object({ minCount: int(2, 50), days: int(1, 365) }).strict() }).strict(),
  /** 三项岗位: ≥ minCount current post holders whose certificate falls due within `days`, or any whose has lapsed. */
  z.object({ kind: z.literal('certificates_expiring'), params: z.object({ minCount: int(1, 100), days: int(1, 365) }).strict() }).strict(),
  /** An area's deaths this year above its 亿元GDP死亡率 ceiling's deaths, pro rata to the day, by more than tolerancePct. */
  z.object({ kind: z.literal('deaths_pace'), params: z.object({ tolerancePct: int(0, 100) }).strict() }).strict(),
]);
export type WarningCondition = z.infer<typeof warningCondition>;
export type WarningConditionKind = WarningCondition['kind'];
export const warningConditionKinds = [
  'overdue_hazards',
  'no_self_check',
  'major_hazard_overdue',
  'repeated_reports',
  'certificates_expiring',
  'deaths_pace',
] as const;
export const warningConditionLabels: Record<WarningConditionKind, { zh: string; en: string }> = {
  overdue_hazards: { zh: '企业逾期未整改隐患达到N项', en: 'Enterprise with at least N overdue hidden dangers' },
  no_self_check: { zh: '企业连续N天未开展自查', en: 'Enterprise with no self-check for N days' },
  major_hazard_overdue: { zh: '重大隐患超过整改/复核期限', en: 'Major hidden danger past its completion or review deadline' },
  repeated_reports: { zh: 'N天内同一企业/地址被举报达到N次', en: 'At least N reports on one enterprise or address within N days' },
  certificates_expiring: {
    zh: '企业三项岗位人员证书N天内到期达到N人，或有人员证书已过期',
    en: 'Enterprise with N post holders whose certificate falls due within N days, or any lapsed',
  },
  deaths_pace: {
    zh: '区域本年事故死亡人数超过控制目标的时间进度',
    en: "Area's accident deaths this year above the target's pace",
  },
};

export const ruleVersionStatuses = ['draft', 'active', 'retired'] as const;
export type RuleVersionStatus = (typeof ruleVersionStatuses)[number];
export const warningStatuses = ['open', 'acknowledged', 'handled', 'closed'] as const;
export type WarningStatus = (typeof warningStatuses)[number];

const ruleDefinition = {
  condition: warningCondition,
  level: z.enum(warningLevels),
  recipients: z.array(z.enum(warningRecipientGroups)).min(1).max(6),
  action: text(1000),
  note: text(1000).optional(),
};
export const createWarningRuleBody = z.object({ name: text(100), ...ruleDefinition }).strict();
export type CreateWarningRuleBody = z.infer<typeof createWarningRuleBody>;
/** Editing a rule: a new draft version; `version` is the rule's. */
export const newRuleVersionBody = z.object({ version: z.number().int().min(1), ...ruleDefinition }).strict();
export type NewRuleVersionBody = z.infer<typeof newRuleVersionBody>;
export const ruleVersionActBody = z.object({ action: z.enum(['activate', 'retire']), version: z.number().int().min(1) }).strict();
export type RuleVersionActBody = z.infer<typeof ruleVersionActBody>;
export const warningRuleListQuery = z.object({ ...pageQuery }).strict();
export type WarningRuleListQuery = z.infer<typeof warningRuleListQuery>;
export const backtestQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) }).strict();
export type BacktestQuery = z.infer<typeof backtestQuery>;

export const ruleVersionView = z.object({
  id: z.string(),
  ruleId: z.string(),
  seq: z.number().int(),
  status: z.enum(ruleVersionStatuses),
  condition: warningCondition,
  level: z.enum(warningLevels),
  recipients: z.array(z.enum(warningRecipientGroups)),
  action: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type RuleVersionView = z.infer<typeof ruleVersionView>;
export const warningRuleView = z.object({
  id: z.string(),
  name: z.string(),
  areaCode: z.string(),
  activeVersionId: z.string().nullable(),
  versions: z.array(ruleVersionView),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type WarningRuleView = z.infer<typeof warningRuleView>;
export const warningRulePage = z.object({ items: z.array(warningRuleView), total: z.number().int() });

export const warningEvidence = z.object({
  summary: z.string(),
  /** The summary in English (absent on warnings raised before it was kept). */
  summaryEn: z.string().optional(),
  count: z.number().int(),
  items: z.array(z.object({ id: z.string(), label: z.string(), labelEn: z.string().optional(), date: z.string().nullable() })),
});
export type WarningEvidence = z.infer<typeof warningEvidence>;
export const backtestRecord = z.object({
  subjectType: z.string(),
  subjectId: z.string(),
  label: z.string(),
  evidence: warningEvidence,
});
export const backtestSeries = z.object({
  versionId: z.string(),
  seq: z.number().int(),
  status: z.enum(ruleVersionStatuses),
  months: z.array(z.object({ month: z.string(), asOf: z.string(), count: z.number().int(), records: z.array(backtestRecord) })),
});
export const backtestView = z.object({
  ruleId: z.string(),
  /** The version asked for, then the active one (if another) side by side. */
  series: z.array(backtestSeries),
});
export type BacktestView = z.infer<typeof backtestView>;

export const warningListQuery = z
  .object({
    status: z.enum(warningStatuses).optional(),
    level: z.enum(warningLevels).optional(),
    ruleId: z.uuid().optional(),
    ...pageQuery,
  })
  .strict();
export type WarningListQuery = z.infer<typeof warningListQuery>;
export const warningActBody = z
  .object({ action: z.enum(['acknowledge', 'handle', 'close']), version: z.number().int().min(1), note: text(2000).optional() })
  .strict();
export type WarningActBody = z.infer<typeof warningActBody>;
export const warningView = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  ruleVersionSeq: z.number().int(),
  level: z.enum(warningLevels),
  period: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  enterpriseId: z.string().nullable(),
  areaCode: z.string(),
  evidence: warningEvidence,
  action: z.string(),
  status: z.enum(warningStatuses),
  firedOn: z.string(),
  handledNote: z.string().nullable(),
  closedNote: z.string().nullable(),
  escalatedOn: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type WarningView = z.infer<typeof warningView>;
export const warningPage = z.object({ items: z.array(warningView), total: z.number().int() });
