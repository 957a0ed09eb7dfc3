// 工作方案与督办: a plan issued by the 安委办 or bureau (document number, phases), broken into tasks with a lead unit,
// co-operating units, a deadline and targets; each active task's lead unit files a monthly progress report (进展情况,
// 存在的困难或问题) before the plan's report day; the month's board shows filed, late and missing reports per unit.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageQuery, yearMonth } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);

export const workTaskStatuses = ['assigned', 'in_progress', 'reported_done', 'accepted', 'returned'] as const;
export type WorkTaskStatus = (typeof workTaskStatuses)[number];
export const workTaskActions = ['start', 'file_report', 'report_done', 'accept', 'return', 'supervise'] as const;
export type WorkTaskAction = (typeof workTaskActions)[number];
export const supervisionLevels = ['bureau', 'district_leader', 'district_government'] as const;
export type SupervisionLevel = (typeof supervisionLevels)[number];

export const workTaskStatusLabels: Record<WorkTaskStatus, { zh: string; en: string }> = {
  assigned: { zh: '已分派', en: 'Assigned' },
  in_progress: { zh: '推进中', en: 'In progress' },
  reported_done: { zh: '已报完成', en: 'Reported done' },
  accepted: { zh: '已验收', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
};
export const workTaskActionLabels: Record<WorkTaskAction, { zh: string; en: string }> = {
  start: { zh: '开始推进', en: 'Start' },
  file_report: { zh: '填报月度进展', en: 'File monthly progress' },
  report_done: { zh: '报告完成', en: 'Report done' },
  accept: { zh: '验收通过', en: 'Accept' },
  return: { zh: '退回', en: 'Return' },
  supervise: { zh: '督办', en: 'Supervise (督办)' },
};
export const supervisionLevelLabels: Record<SupervisionLevel, { zh: string; en: string }> = {
  bureau: { zh: '局督办', en: 'Bureau' },
  district_leader: { zh: '区领导督办', en: 'District leader' },
  district_government: { zh: '区政府督办', en: 'District government' },
};
/** A month's report state for one task on the progress board. */
export const monthlyReportStates = ['filed', 'late', 'missing', 'pending', 'not_required'] as const;
export type MonthlyReportState = (typeof monthlyReportStates)[number];
export const monthlyReportStateLabels: Record<MonthlyReportState, { zh: string; en: string }> = {
  filed: { zh: '按时报送', en: 'Filed on time' },
  late: { zh: '逾期报送', en: 'Filed late' },
  missing: { zh: '未报送', en: 'Missing' },
  pending: { zh: '待报送', en: 'Not yet due' },
  not_required: { zh: '无需报送', en: 'Not required' },
};

export const planPhase = z
  .object({ name: text(50), startOn: isoDate, endOn: isoDate })
  .strict()
  .refine((p) => p.startOn <= p.endOn, { error: 'phase.order', path: ['endOn'] });
export type PlanPhase = z.infer<typeof planPhase>;

export const createWorkPlanBody = z
  .object({
    title: text(200),
    docNumber: text(100).optional(),
    year: z.number().int().min(2000).max(2100),
    phases: z.array(planPhase).max(10).default([]),
    sourceDocument: text(200).optional(),
    /** The day of the month the lead units report by (Longgang 000: 每月28日前); default 28. */
    reportDay: z.number().int().min(1).max(31).default(28),
  })
  .strict();
export type CreateWorkPlanBody = z.infer<typeof createWorkPlanBody>;

export const createWorkTaskBody = z
  .object({
    seq: z.number().int().min(1).max(9999),
    item: text(200),
    content: text(4000),
    leadOrgId: z.uuid(),
    coOrgIds: z.array(z.uuid()).max(50).default([]),
    /** 责任单位 as the plan writes it (e.g. 区编办牵头，区法制办、安监局、各街道办配合落实). */
    responsibility: text(500).optional(),
    deadline: isoDate.optional(),
    targets: text(2000).optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type CreateWorkTaskBody = z.infer<typeof createWorkTaskBody>;

export const workTaskActBody = z
  .object({
    action: z.enum(workTaskActions).exclude(['file_report']),
    version: z.number().int().min(1),
    summary: text(4000).optional(),
    reason: text(1000).optional(),
    level: z.enum(supervisionLevels).optional(),
  })
  .strict();
export type WorkTaskActBody = z.infer<typeof workTaskActBody>;

export const fileMonthlyReportBody = z
  .object({
    month: yearMonth,
    progress: text(4000),
    problems: text(4000).optional(),
    /** The task's version as read. */
    version: z.number().int().min(1),
  })
  .strict();
export type FileMonthlyReportBody = z.infer<typeof fileMonthlyReportBody>;

export const workPlanListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), ...pageQuery }).strict();
export type WorkPlanListQuery = z.infer<typeof workPlanListQuery>;
export const myWorkTasksQuery = z.object({ month: yearMonth.optional() }).strict();
export const boardQuery = z.object({ month: yearMonth }).strict();

export const workPlanView = z.object({
  id: z.uuid(),
  title: z.string(),
  docNumber: z.string().nullable(),
  year: z.number().int(),
  issuerOrgId: z.uuid(),
  issuerOrgName: z.string().nullable(),
  areaCode: z.string(),
  phases: z.array(z.object({ name: z.string(), startOn: isoDate, endOn: isoDate })),
  sourceDocument: z.string().nullable(),
  reportDay: z.number().int(),
  taskCount: z.number().int(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type WorkPlanView = z.infer<typeof workPlanView>;
export const workPlanPage = z.object({ items: z.array(workPlanView), total: z.number().int() });

export const monthlyReportView = z.object({
  month: z.string(),
  progress: z.string(),
  problems: z.string().nullable(),
  dueOn: isoDate,
  submittedOn: isoDate,
  late: z.boolean(),
  submittedByName: z.string().nullable(),
});
export type MonthlyReportView = z.infer<typeof monthlyReportView>;

export const workTaskView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  seq: z.number().int(),
  item: z.string(),
  content: z.string(),
  leadOrgId: z.uuid(),
  leadOrgName: z.string().nullable(),
  coOrgIds: z.array(z.uuid()),
  coOrgNames: z.array(z.string()),
  responsibility: z.string().nullable(),
  deadline: isoDate.nullable(),
  targets: z.string().nullable(),
  status: z.enum(workTaskStatuses),
  summary: z.string().nullable(),
  returnReason: z.string().nullable(),
  supervised: z.boolean(),
  supervisionLevel: z.enum(supervisionLevels).nullable(),
  supervisionReason: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type WorkTaskView = z.infer<typeof workTaskView>;
export const workTaskHistoryEntry = z.object({
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const workTaskDetail = workTaskView.extend({
  history: z.array(workTaskHistoryEntry),
  reports: z.array(monthlyReportView),
});
export type WorkTaskDetail = z.infer<typeof workTaskDetail>;
export const workPlanDetail = workPlanView.extend({ tasks: z.array(workTaskView) });
export type WorkPlanDetail = z.infer<typeof workPlanDetail>;

/** "My tasks": the tasks the caller's organisation leads, with this month's report state. */
export const myWorkTask = workTaskView.extend({
  month: z.string(),
  dueOn: isoDate,
  reportState: z.enum(monthlyReportStates),
  report: monthlyReportView.nullable(),
});
export const myWorkTasks = z.object({ month: z.string(), items: z.array(myWorkTask) });
export type MyWorkTasks = z.infer<typeof myWorkTasks>;

export const boardRow = z.object({
  taskId: z.uuid(),
  seq: z.number().int(),
  item: z.string(),
  content: z.string(),
  leadOrgId: z.uuid(),
  leadOrgName: z.string().nullable(),
  responsibility: z.string().nullable(),
  status: z.enum(workTaskStatuses),
  supervised: z.boolean(),
  reportState: z.enum(monthlyReportStates),
  progress: z.string().nullable(),
  problems: z.string().nullable(),
  submittedOn: isoDate.nullable(),
});
export const boardUnit = z.object({
  orgId: z.uuid(),
  orgName: z.string().nullable(),
  required: z.number().int(),
  filed: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  pending: z.number().int(),
});
export const progressBoard = z.object({
  planId: z.uuid(),
  planTitle: z.string(),
  month: z.string(),
  dueOn: isoDate,
  rows: z.array(boardRow),
  units: z.array(boardUnit),
});
export type ProgressBoard = z.infer<typeof progressBoard>;

/** Importing a plan's task table (《工作分工及进展情况表》) from .docx/.xlsx: a dry run previews, then the same file is
 * sent again with dryRun=false and the plan's version to create the tasks. */
export const workPlanImportQuery = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    version: z.coerce.number().int().min(1),
  })
  .strict();
export const workPlanImportProblem = z.object({ row: z.number().int(), field: z.string(), zh: z.string(), en: z.string() });
export const workPlanImportRow = z.object({
  row: z.number().int(),
  content: z.string(),
  responsibility: z.string(),
  leadOrgNames: z.array(z.string()),
  coOrgNames: z.array(z.string()),
  /** Tasks the row becomes: one per lead unit (各街道办组织落实 → one per street office). */
  taskCount: z.number().int(),
  /** The table's 进展情况 and 存在的困难或问题 as written ('' when empty): stored as this month's report on confirm. */
  progress: z.string(),
  problems: z.string(),
});
export const workPlanImportReport = z.object({
  dryRun: z.boolean(),
  format: z.enum(['docx', 'xlsx']),
  itemCount: z.number().int(),
  rowCount: z.number().int(),
  taskCount: z.number().int(),
  items: z.array(z.object({ item: z.string(), rows: z.array(workPlanImportRow) })),
  problems: z.array(workPlanImportProblem),
  /** Tasks created (0 on a dry run). */
  created: z.number().int(),
  /** The reporting month the table's progress text is filed for, and how many reports it makes (one per task). */
  reportMonth: z.string(),
  reportCount: z.number().int(),
  planVersion: z.number().int(),
});
export type WorkPlanImportReport = z.infer<typeof workPlanImportReport>;
export const workPlanExportQuery = z.object({ month: yearMonth, format: z.enum(['xlsx', 'docx']).default('xlsx') }).strict();
