// 年度考核 and 工作督办's 约谈/通报. Every table carries the issuer's area_code (the scope column of the issuing
// authority); an assessed or interviewed unit reaches its own rows through org_id (or recipient_org_ids for a
// bulletin), never through the area. A scheme is one revision of a year's scheme: editable while draft, frozen
// before scoring; a new revision copies a frozen one. Sheet and scheme history rows live in state_transitions.
import { bulletinStatuses, schemeStatuses, sheetStatuses } from '@anjian/contracts';
import type { BulletinRow, IndicatorDef, ScoreLine, VetoKind, VetoLine } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { organisations, users } from './platform';
import { workPlans, workTasks } from './workplans';

export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    revision: integer('revision').notNull().default(1),
    title: text('title').notNull(),
    issuerOrgId: uuid('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    areaCode: text('area_code').notNull(),
    status: text('status').notNull().default('draft'),
    indicators: jsonb('indicators').$type<IndicatorDef[]>().notNull(),
    vetoes: jsonb('vetoes').$type<VetoKind[]>().notNull().default([]),
    unitOrgIds: uuid('unit_org_ids').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('assessment_schemes_rev_uq').on(t.areaCode, t.year, t.revision),
    index('assessment_schemes_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.year),
    stateCheck('assessment_schemes', t.status, schemeStatuses),
  ],
);

export const assessmentSheets = pgTable(
  'assessment_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    year: smallint('year').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    areaCode: text('area_code').notNull(),
    status: text('status').notNull().default('draft'),
    lines: jsonb('lines').$type<ScoreLine[]>().notNull().default([]),
    vetoLines: jsonb('veto_lines').$type<VetoLine[]>().notNull().default([]),
    vetoed: boolean('vetoed').notNull().default(false),
    /** Entered values with their evidence, by indicator key (and 'veto:concealment'). */
    entered: jsonb('entered').$type<Record<string, { value: number; evidence: string }>>().notNull().default({}),
    computedTotal: doublePrecision('computed_total').notNull().default(0),
    adjustment: doublePrecision('adjustment').notNull().default(0),
    total: doublePrecision('total').notNull().default(0),
    objection: text('objection'),
    adjustReason: text('adjust_reason'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('assessment_sheets_scheme_org_uq').on(t.schemeId, t.orgId),
    // The ranking's order: vetoed last, then total descending.
    index('assessment_sheets_rank_idx').on(t.schemeId, t.vetoed, t.total.desc()),
    index('assessment_sheets_org_idx').on(t.orgId, t.year),
    index('assessment_sheets_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.year),
    stateCheck('assessment_sheets', t.status, sheetStatuses),
  ],
);

export const workInterviews = pgTable(
  'work_interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    issuerOrgId: uuid('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    personName: text('person_name').notNull(),
    personTitle: text('person_title'),
    heldOn: day('held_on').notNull(),
    heldBy: text('held_by').notNull(),
    reason: text('reason').notNull(),
    taskId: uuid('task_id').references(() => workTasks.id),
    minutes: text('minutes'),
    followUps: jsonb('follow_ups').$type<{ action: string; deadline: string; done: boolean }[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('work_interviews_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.heldOn.desc()),
    index('work_interviews_org_idx').on(t.orgId, t.heldOn.desc()),
  ],
);

export const workBulletins = pgTable(
  'work_bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    issuerOrgId: uuid('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    planId: uuid('plan_id').references(() => workPlans.id),
    periodFrom: day('period_from').notNull(),
    periodTo: day('period_to').notNull(),
    minItems: integer('min_items').notNull(),
    rule: text('rule').notNull(),
    body: text('body').notNull(),
    rows: jsonb('rows').$type<BulletinRow[]>().notNull().default([]),
    recipientOrgIds: uuid('recipient_org_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('draft'),
    publishedAt: tstz('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('work_bulletins_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.createdAt.desc()),
    index('work_bulletins_recipients_idx').using('gin', t.recipientOrgIds),
    stateCheck('work_bulletins', t.status, bulletinStatuses),
  ],
);
