// 工作方案与督办: plans issued by the 安委办/bureau (area_code = the issuer's area, the scope column), their tasks
// (area_code copied from the plan; lead_org_id = the organisation that reports on it) and the monthly progress
// reports, one per task and month. Task history rows live in state_transitions (record_type 'work_task').
import { workTaskStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { organisations, users } from './platform';

export const workPlans = pgTable(
  'work_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    year: smallint('year').notNull(),
    issuerOrgId: uuid('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    areaCode: text('area_code').notNull(),
    /** [{ name, startOn, endOn }]: 动员部署 → 集中整治 → 总结. */
    phases: jsonb('phases').$type<{ name: string; startOn: string; endOn: string }[]>().notNull().default([]),
    sourceDocument: text('source_document'),
    /** Day of the month lead units report by (configuration; default 28, Longgang 000 每月28日前). */
    reportDay: smallint('report_day').notNull().default(28),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('work_plans_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`), index('work_plans_year_idx').on(t.year)],
);

export const workTasks = pgTable(
  'work_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => workPlans.id),
    seq: integer('seq').notNull(),
    item: text('item').notNull(),
    content: text('content').notNull(),
    leadOrgId: uuid('lead_org_id')
      .notNull()
      .references(() => organisations.id),
    coOrgIds: uuid('co_org_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    responsibility: text('responsibility'),
    deadline: day('deadline'),
    targets: text('targets'),
    areaCode: text('area_code').notNull(),
    status: text('status').notNull().default('assigned'),
    summary: text('summary'),
    returnReason: text('return_reason'),
    supervised: boolean('supervised').notNull().default(false),
    supervisionLevel: text('supervision_level'),
    supervisionReason: text('supervision_reason'),
    /** The day the task was assigned (China day): months whose due day is before it need no report. */
    assignedOn: day('assigned_on').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('work_tasks_plan_idx').on(t.planId, t.seq),
    index('work_tasks_lead_idx').on(t.leadOrgId, t.status),
    index('work_tasks_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    stateCheck('work_tasks', t.status, workTaskStatuses),
  ],
);

export const workTaskReports = pgTable(
  'work_task_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => workTasks.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => workPlans.id),
    leadOrgId: uuid('lead_org_id')
      .notNull()
      .references(() => organisations.id),
    areaCode: text('area_code').notNull(),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    progress: text('progress').notNull(),
    problems: text('problems'),
    dueOn: day('due_on').notNull(),
    submittedOn: day('submitted_on').notNull(),
    late: boolean('late').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('work_task_reports_task_month_uq').on(t.taskId, t.month), index('work_task_reports_plan_idx').on(t.planId, t.month)],
);
