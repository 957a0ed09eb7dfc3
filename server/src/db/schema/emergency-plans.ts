// 应急预案 and 演练 (rules.md §11). Every table carries the enterprise's scope columns (area_code, sector, park_id,
// enterprise_id) copied at write time, so industry-department and park officers are filtered on the table itself.
// Government plans have no enterprise (sector, park and enterprise null: area officers only).
// emergency_drill_status keeps, per enterprise, the last drill dates the compliance rules need, updated in the same
// transaction as the drill, so compliance over a province's enterprises is one indexed read, not an aggregate.
import { drillKinds, enterprisePlanTypes, planStatuses, planTypes, revisionTriggers } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { users } from './platform';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const emergencyPlans = pgTable(
  'emergency_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planType: text('plan_type').notNull(),
    title: text('title').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    status: text('status').notNull(),
    summary: text('summary'),
    versionNo: integer('version_no').notNull().default(1),
    publishedOn: day('published_on').notNull(),
    filingNo: text('filing_no'),
    filedOn: day('filed_on'),
    returnReason: text('return_reason'),
    lastEvaluatedOn: day('last_evaluated_on'),
    /** 3 years from filing or the last evaluation (第三十五条); null until filed. */
    evaluationDueOn: day('evaluation_due_on'),
    openRevisions: integer('open_revisions').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('emergency_plans_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.createdAt),
    index('emergency_plans_sector_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`),
    index('emergency_plans_park_idx').on(t.parkId),
    index('emergency_plans_enterprise_idx').on(t.enterpriseId),
    index('emergency_plans_status_idx').on(t.status, t.updatedAt),
    index('emergency_plans_evaluation_idx').on(t.evaluationDueOn),
    stateCheck('emergency_plans', t.status, planStatuses),
    check('emergency_plans_type_check', sql`${t.planType} in (${inList(planTypes)})`),
  ],
);

export const emergencyPlanVersions = pgTable(
  'emergency_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => emergencyPlans.id),
    versionNo: integer('version_no').notNull(),
    publishedOn: day('published_on').notNull(),
    changeNote: text('change_note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('emergency_plan_versions_key').on(t.planId, t.versionNo)],
);

/** 应急处置卡: one card per post of the plan (replaced as a whole when the plan is edited). */
export const emergencyPlanCards = pgTable(
  'emergency_plan_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => emergencyPlans.id),
    position: integer('position').notNull(),
    post: text('post').notNull(),
    risks: text('risks').notNull(),
    steps: text('steps').notNull(),
    reportTo: text('report_to'),
  },
  (t) => [index('emergency_plan_cards_plan_idx').on(t.planId, t.position)],
);

/** A revision duty (第三十六条): open until completed; `source_key` makes a trigger from an event land once. */
export const emergencyPlanRevisions = pgTable(
  'emergency_plan_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => emergencyPlans.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    trigger: text('trigger').notNull(),
    occurredOn: day('occurred_on').notNull(),
    dueOn: day('due_on').notNull(),
    note: text('note').notNull(),
    sourceKey: text('source_key'),
    completedOn: day('completed_on'),
    completedNote: text('completed_note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('emergency_plan_revisions_plan_idx').on(t.planId),
    index('emergency_plan_revisions_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.dueOn),
    index('emergency_plan_revisions_open_idx')
      .on(t.dueOn)
      .where(sql`${t.completedOn} is null`),
    uniqueIndex('emergency_plan_revisions_source_key').on(t.planId, t.sourceKey),
    check('emergency_plan_revisions_trigger_check', sql`${t.trigger} in (${inList(revisionTriggers)})`),
  ],
);

export const emergencyDrills = pgTable(
  'emergency_drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    planId: uuid('plan_id').references(() => emergencyPlans.id),
    planType: text('plan_type').notNull(),
    kind: text('kind').notNull(),
    doubleBlind: boolean('double_blind').notNull().default(false),
    scenario: text('scenario').notNull(),
    plannedOn: day('planned_on'),
    heldOn: day('held_on'),
    participants: integer('participants').notNull().default(0),
    participantsNote: text('participants_note'),
    evaluation: text('evaluation'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('emergency_drills_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.createdAt),
    index('emergency_drills_sector_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`),
    index('emergency_drills_park_idx').on(t.parkId),
    index('emergency_drills_enterprise_idx').on(t.enterpriseId, t.heldOn),
    check('emergency_drills_kind_check', sql`${t.kind} in (${inList(drillKinds)})`),
    check('emergency_drills_plan_type_check', sql`${t.planType} in (${inList(enterprisePlanTypes)})`),
  ],
);

/** 演练评估发现的问题 and the action each becomes (and, when the plan must change, its revision duty). */
export const emergencyDrillFindings = pgTable(
  'emergency_drill_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drillId: uuid('drill_id')
      .notNull()
      .references(() => emergencyDrills.id),
    description: text('description').notNull(),
    action: text('action').notNull(),
    dueOn: day('due_on').notNull(),
    revisionId: uuid('revision_id').references(() => emergencyPlanRevisions.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('emergency_drill_findings_drill_idx').on(t.drillId)],
);

/** Per enterprise: the latest held drill of each rule's kind (maintained on write; read by compliance). */
export const emergencyDrillStatus = pgTable(
  'emergency_drill_status',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id'),
    lastPlanDrillOn: day('last_plan_drill_on'),
    lastOnsiteDrillOn: day('last_onsite_drill_on'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('emergency_drill_status_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('emergency_drill_status_sector_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`),
    index('emergency_drill_status_park_idx').on(t.parkId),
  ],
);

/**
 * Drill compliance per street (area code cut to 9), sector and park for province-scale reads: live enterprises
 * (unit type 'enterprise') counted by the calendar year of their last plan drill and the calendar half of their last
 * on-site drill (0 = never). "Overdue" on any day is a sum over the cells below that day's bounds, so the counts
 * never age. Kept exact by triggers on enterprises and emergency_drill_status (db/functions/emergency_drill_counts_*).
 */
export const emergencyDrillAreaCounts = pgTable(
  'emergency_drill_area_counts',
  {
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    /** enterprises.NO_PARK when the enterprise is in no park. */
    parkKey: uuid('park_key').notNull(),
    /** Year of the last comprehensive/special plan drill; 0 = never. */
    planYear: integer('plan_year').notNull(),
    /** year × 2 + (0 for 1–6月, 1 for 7–12月) of the last on-site drill; 0 = never. */
    onsiteHalf: integer('onsite_half').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.areaCode, t.sector, t.parkKey, t.planYear, t.onsiteHalf] }),
    index('emergency_drill_area_counts_sector_idx').on(t.sector),
  ],
);
