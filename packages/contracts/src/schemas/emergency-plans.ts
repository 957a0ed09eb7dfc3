// 应急管理, second slice: emergency plans (应急预案) with versions, disposal cards (应急处置卡) and filing (备案),
// evaluation and revision duties; drills (应急演练) with findings and compliance; the readiness view per area.
// Rules: shared/domain/rules.md §11 (生产安全事故应急预案管理办法, 令第88号, amended 令第2号).
import { z } from 'zod';
import { safeString } from '../input';
import { areaCode, isoDate, pageOf, pageQuery } from './common';

type Bilingual = { zh: string; en: string };
const text = (max: number) => safeString().trim().min(1).max(max);
const optText = (max: number) => safeString().trim().max(max).nullable().optional();
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

// ── Plans ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Government plans (总体/专项/部门) and enterprise plans (综合/专项/现场处置方案), rules.md §11 plan types. */
export const planTypes = ['gov_overall', 'gov_special', 'gov_departmental', 'comprehensive', 'special', 'onsite'] as const;
export type PlanType = (typeof planTypes)[number];
export const governmentPlanTypes = ['gov_overall', 'gov_special', 'gov_departmental'] as const satisfies readonly PlanType[];
export const enterprisePlanTypes = ['comprehensive', 'special', 'onsite'] as const satisfies readonly PlanType[];
export const planTypeLabels: Record<PlanType, Bilingual> = {
  gov_overall: { zh: '总体应急预案', en: 'Overall plan' },
  gov_special: { zh: '专项应急预案（政府）', en: 'Special plan (government)' },
  gov_departmental: { zh: '部门应急预案', en: 'Departmental plan' },
  comprehensive: { zh: '综合应急预案', en: 'Comprehensive plan' },
  special: { zh: '专项应急预案', en: 'Special plan' },
  onsite: { zh: '现场处置方案', en: 'On-site disposal plan' },
};

/** draft → submitted (备案申请) → filed (受理备案, with a filing number) or returned (退回, with a reason). */
export const planStatuses = ['draft', 'submitted', 'filed', 'returned'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const planStatusLabels: Record<PlanStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待备案', en: 'Submitted' },
  filed: { zh: '已备案', en: 'Filed' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** 第三十六条 revision triggers. */
export const revisionTriggers = ['law_change', 'organisation_change', 'major_risk_change', 'accident', 'drill_finding'] as const;
export type RevisionTrigger = (typeof revisionTriggers)[number];
export const revisionTriggerLabels: Record<RevisionTrigger, Bilingual> = {
  law_change: { zh: '法律法规变化', en: 'Change in laws' },
  organisation_change: { zh: '机构或职责调整', en: 'Organisational change' },
  major_risk_change: { zh: '重大危险源或风险变化', en: 'Major risk change' },
  accident: { zh: '发生事故', en: 'Accident' },
  drill_finding: { zh: '演练发现问题', en: 'Drill finding' },
};

export const cardInput = z
  .object({
    post: text(100),
    risks: text(1000),
    steps: text(2000),
    reportTo: optText(300),
  })
  .strict();

export const planBody = z
  .object({
    planType: z.enum(planTypes),
    title: text(200),
    /** Enterprise users file their own plan; officers write government plans (enterprise omitted). */
    areaCode: areaCode.optional(),
    publishedOn: isoDate,
    summary: optText(4000),
    cards: z.array(cardInput).max(50).default([]),
  })
  .strict();
export type PlanBody = z.infer<typeof planBody>;

export const updatePlanBody = z
  .object({
    version: z.number().int().min(1),
    title: text(200).optional(),
    summary: optText(4000),
    cards: z.array(cardInput).max(50).optional(),
  })
  .strict();
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const newPlanVersionBody = z.object({ version: z.number().int().min(1), publishedOn: isoDate, changeNote: text(1000) }).strict();
export type NewPlanVersionBody = z.infer<typeof newPlanVersionBody>;

export const planActions = ['submit', 'accept', 'return', 'publish'] as const;
export const planActBody = z
  .object({
    version: z.number().int().min(1),
    action: z.enum(planActions),
    filingNo: optText(60),
    reason: optText(500),
  })
  .strict();
export type PlanActBody = z.infer<typeof planActBody>;

export const planEvaluateBody = z.object({ version: z.number().int().min(1), evaluatedOn: isoDate, conclusion: text(1000) }).strict();
export type PlanEvaluateBody = z.infer<typeof planEvaluateBody>;

export const planTriggerBody = z.object({ trigger: z.enum(revisionTriggers), occurredOn: isoDate, note: text(500) }).strict();
export type PlanTriggerBody = z.infer<typeof planTriggerBody>;

export const completeRevisionBody = z.object({ version: z.number().int().min(1), note: optText(500) }).strict();
export type CompleteRevisionBody = z.infer<typeof completeRevisionBody>;

export const planListQuery = z
  .object({
    ...pageQuery,
    status: z.enum(planStatuses).optional(),
    planType: z.enum(planTypes).optional(),
    enterpriseId: z.uuid().optional(),
    /** Plans whose evaluation falls due within the warning window (or is past). */
    evaluationDue: flag.optional(),
    q: safeString().trim().max(100).optional(),
  })
  .strict();
export type PlanListQuery = z.infer<typeof planListQuery>;

export const planCard = z.object({ id: z.uuid(), post: z.string(), risks: z.string(), steps: z.string(), reportTo: z.string().nullable() });
export const planVersionView = z.object({
  versionNo: z.number().int(),
  publishedOn: z.string(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
});
export const revisionView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  enterpriseName: z.string().nullable(),
  trigger: z.enum(revisionTriggers),
  occurredOn: z.string(),
  dueOn: z.string(),
  note: z.string(),
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type RevisionView = z.infer<typeof revisionView>;
export const revisionPage = pageOf(revisionView);
export const revisionListQuery = z.object({ ...pageQuery, open: flag.optional() }).strict();

export const emergencyPlanView = z.object({
  id: z.uuid(),
  planType: z.enum(planTypes),
  title: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  areaCode: z.string(),
  status: z.enum(planStatuses),
  versionNo: z.number().int(),
  publishedOn: z.string(),
  filingDueOn: z.string().nullable(),
  filingNo: z.string().nullable(),
  filedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  lastEvaluatedOn: z.string().nullable(),
  evaluationDueOn: z.string().nullable(),
  evaluationOverdue: z.boolean(),
  openRevisions: z.number().int(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type EmergencyPlanView = z.infer<typeof emergencyPlanView>;
export const planPage = pageOf(emergencyPlanView);
export const planDetail = emergencyPlanView.extend({
  summary: z.string().nullable(),
  cards: z.array(planCard),
  versions: z.array(planVersionView),
  revisions: z.array(revisionView),
});
export type PlanDetail = z.infer<typeof planDetail>;

// ── Drills ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const drillKinds = ['tabletop', 'functional', 'full_scale'] as const;
export type DrillKind = (typeof drillKinds)[number];
export const drillKindLabels: Record<DrillKind, Bilingual> = {
  tabletop: { zh: '桌面演练', en: 'Tabletop' },
  functional: { zh: '功能演练', en: 'Functional' },
  full_scale: { zh: '全面演练', en: 'Full-scale' },
};

export const drillBody = z
  .object({
    planId: z.uuid().nullable().optional(),
    planType: z.enum(enterprisePlanTypes),
    kind: z.enum(drillKinds),
    doubleBlind: z.boolean().default(false),
    scenario: text(1000),
    plannedOn: isoDate.nullable().optional(),
    heldOn: isoDate.nullable().optional(),
    participants: z.number().int().min(0).max(100_000).default(0),
    participantsNote: optText(1000),
  })
  .strict();
export type DrillBody = z.infer<typeof drillBody>;

export const drillRecordBody = z
  .object({
    version: z.number().int().min(1),
    heldOn: isoDate,
    participants: z.number().int().min(0).max(100_000),
    evaluation: text(2000),
  })
  .strict();
export type DrillRecordBody = z.infer<typeof drillRecordBody>;

export const findingBody = z
  .object({
    version: z.number().int().min(1),
    description: text(1000),
    action: text(1000),
    dueOn: isoDate,
    /** The finding shows the plan itself must change (第三十六条): a revision duty on the drilled plan. */
    revisePlan: z.boolean().default(false),
  })
  .strict();
export type FindingBody = z.infer<typeof findingBody>;

export const drillListQuery = z
  .object({ ...pageQuery, enterpriseId: z.uuid().optional(), kind: z.enum(drillKinds).optional(), held: flag.optional() })
  .strict();
export type DrillListQuery = z.infer<typeof drillListQuery>;

export const drillFindingView = z.object({
  id: z.uuid(),
  description: z.string(),
  action: z.string(),
  dueOn: z.string(),
  revisionId: z.uuid().nullable(),
});
export const drillView = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  planId: z.uuid().nullable(),
  planTitle: z.string().nullable(),
  planType: z.enum(enterprisePlanTypes),
  kind: z.enum(drillKinds),
  doubleBlind: z.boolean(),
  scenario: z.string(),
  plannedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  participants: z.number().int(),
  participantsNote: z.string().nullable(),
  evaluation: z.string().nullable(),
  findings: z.array(drillFindingView),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type DrillView = z.infer<typeof drillView>;
export const drillPage = pageOf(drillView);

/** Compliance of one rule in the current period: done, still due in the period, or overdue (a period missed). */
export const drillDuties = ['yearly_plan', 'halfyear_onsite', 'halfyear_high_risk'] as const;
export type DrillDuty = (typeof drillDuties)[number];
export const drillDutyLabels: Record<DrillDuty, Bilingual> = {
  yearly_plan: { zh: '综合或专项预案演练（每年）', en: 'Comprehensive or special plan drill (yearly)' },
  halfyear_onsite: { zh: '现场处置方案演练（每半年）', en: 'On-site disposal drill (half-yearly)' },
  halfyear_high_risk: { zh: '高危单位演练（每半年）', en: 'High-risk unit drill (half-yearly)' },
};
export const complianceStates = ['done', 'due', 'overdue'] as const;
export type ComplianceState = (typeof complianceStates)[number];

export const complianceQuery = z
  .object({ ...pageQuery, overdue: flag.optional(), sector: safeString().trim().max(40).optional() })
  .strict();
export type ComplianceQuery = z.infer<typeof complianceQuery>;
export const enterpriseCompliance = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  areaCode: z.string(),
  sector: z.string(),
  highRisk: z.boolean(),
  lastPlanDrillOn: z.string().nullable(),
  lastOnsiteDrillOn: z.string().nullable(),
  duties: z.array(z.object({ duty: z.enum(drillDuties), state: z.enum(complianceStates) })),
  overdue: z.boolean(),
});
export const complianceGroup = z.object({ key: z.string(), enterprises: z.number().int(), overdue: z.number().int() });
export const compliancePage = z.object({
  items: z.array(enterpriseCompliance),
  total: z.number().int(),
  bySector: z.array(complianceGroup),
  byArea: z.array(complianceGroup),
});

// ── Readiness ────────────────────────────────────────────────────────────────────────────────────────────────────

export const readinessQuery = z.object({ areaCode: areaCode.optional() }).strict();
export const readinessView = z.object({
  areaCode: z.string(),
  resources: z.array(
    z.object({ kind: z.string(), count: z.number().int(), minimum: z.number().int(), short: z.boolean(), link: z.string() }),
  ),
  expiredBatches: z.object({ count: z.number().int(), link: z.string() }),
  plansDueForEvaluation: z.object({ count: z.number().int(), link: z.string() }),
  drillsOverdue: z.object({ count: z.number().int(), link: z.string() }),
  teamsNotOnDuty: z.object({ count: z.number().int(), link: z.string() }),
});
export type ReadinessView = z.infer<typeof readinessView>;
