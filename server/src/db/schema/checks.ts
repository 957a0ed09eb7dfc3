// Scheduled self-inspection (隐患排查): checklist templates, and the tasks generated from control measures and
// templates per enterprise, control level and period. Tasks and items carry the enterprise's scope columns.
import { checkTaskStoredStates } from '@anjian/contracts';
import { stateCheck, tstz } from './columns';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises';
import { parks, users } from './platform';

/** A checklist maintained by the district, for one sector, one special hazard tag, or everyone (通用). */
export const checkTemplates = pgTable('check_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  sector: text('sector'),
  hazardTag: text('hazard_tag'),
  checkLevel: text('check_level').notNull(),
  active: boolean('active').notNull().default(true),
  deletedAt: tstz('deleted_at'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Items are retired, never deleted, so a task item generated from one keeps its origin. */
export const checkTemplateItems = pgTable(
  'check_template_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => checkTemplates.id),
    content: text('content').notNull(),
    basis: text('basis'),
    sort: integer('sort').notNull().default(0),
    retiredAt: tstz('retired_at'),
  },
  (t) => [index('check_template_items_template_idx').on(t.templateId)],
);

/** One enterprise's check for one control level and period; unique per period so generation is idempotent. */
export const checkTasks = pgTable(
  'check_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    level: text('level').notNull(),
    frequency: text('frequency').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** 'pending' | 'done'; "missed" is derived (pending after the due date). */
    state: text('state').notNull().default('pending'),
    doneAt: tstz('done_at'),
    doneBy: uuid('done_by').references(() => users.id),
    doneByName: text('done_by_name'),
    itemCount: integer('item_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('check_tasks_period_uq').on(t.enterpriseId, t.level, t.periodStart),
    index('check_tasks_area_due_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.dueDate),
    index('check_tasks_enterprise_due_idx').on(t.enterpriseId, t.dueDate),
    stateCheck('check_tasks', t.state, checkTaskStoredStates),
  ],
);

/** A snapshot of what to check (the measure or template item may change later) and its result. */
export const checkTaskItems = pgTable(
  'check_task_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => checkTasks.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id'),
    /** 'm:<measure id>' or 't:<template item id>': one item per origin per task. */
    sourceKey: text('source_key').notNull(),
    measureId: uuid('measure_id'),
    templateItemId: uuid('template_item_id'),
    eventId: uuid('event_id'),
    content: text('content').notNull(),
    basis: text('basis'),
    unitName: text('unit_name'),
    eventName: text('event_name'),
    riskLevel: text('risk_level'),
    sort: integer('sort').notNull().default(0),
    result: text('result').notNull().default('pending'),
    note: text('note'),
    photoId: text('photo_id'),
    /** The hidden danger a failed item opened (hazards capability). */
    hazardId: uuid('hazard_id'),
    checkedAt: tstz('checked_at'),
  },
  (t) => [uniqueIndex('check_task_items_source_uq').on(t.taskId, t.sourceKey)],
);
