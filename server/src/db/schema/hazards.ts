// Hidden dangers (事故隐患): the record, its timeline, 挂牌督办 listings and the statistics rollup.
// Scope columns (area_code, sector, park_id, enterprise_id) are copied from the enterprise when the hazard is
// reported, so the scope predicate is one WHERE on this table. `state` is written only by the hazards module's
// workflow step (modules/hazards/hazards.workflow.ts); `overdue` is never stored (derived from the deadline).
import { hazardStates } from '../../reference/hazards/workflow';
import { day, stateCheck, tstz } from './columns';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
  type ExtraConfigColumn,
} from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises';
import { organisations } from './platform';

export const hazards = pgTable(
  'hazards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 隐患编号, e.g. YH2026-000042: gap-free per year (counters table). */
    number: text('number').notNull().unique(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id'),
    source: text('source').notNull(),
    description: text('description').notNull(),
    location: text('location'),
    category: text('category').notNull(),
    accidentType: text('accident_type'),
    grade: text('grade').notNull(),
    /** 令10号 item id (reference/hazards/major-hazard-standard.ts), e.g. MEM10-2023/5.11. */
    majorItemId: text('major_item_id'),
    foundOn: day('found_on').notNull(),
    responsiblePerson: text('responsible_person'),
    measures: text('measures'),
    funds: numeric('funds', { precision: 14, scale: 2 }),
    deadline: day('deadline'),
    deadlineDays: integer('deadline_days'),
    deadlineUnit: text('deadline_unit'),
    implementations: jsonb('implementations').notNull().default({}),
    treatmentPlan: jsonb('treatment_plan').notNull().default({}),
    state: text('state').notNull(),
    /** Day of the submission that was finally accepted: decides "rectified late" in the statistics. */
    submittedOn: day('submitted_on'),
    closedOn: day('closed_on'),
    originType: text('origin_type'),
    originId: text('origin_id'),
    reportedBy: uuid('reported_by'),
    reportedByName: text('reported_by_name'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('hazards_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('hazards_enterprise_idx').on(t.enterpriseId, t.foundOn),
    // By state in found order with a unique tail: the board's awaiting-acceptance tier reads it forwards (waiting
    // longest first) and its closed tier backwards (newest first).
    index('hazards_state_found_idx').on(t.state, t.foundOn, t.id),
    // Open rows in the board's order (deadline, newest first, id): its overdue, within-deadline and no-deadline
    // tiers are ranges of it read page by page — a deadline day can hold tens of thousands of rows in a province,
    // so the order must be whole in the index, not finished by a sort — and it holds only open hazards.
    index('hazards_open_deadline_idx')
      .on(t.deadline, t.foundOn.desc().nullsFirst(), t.id)
      .where(sql`${t.state} in ('reported', 'rectifying')`),
    // The same order within one state, for the board's 待整改/整改中 tabs: a walk of the index above would skip
    // the other state's rows one heap fetch at a time.
    index('hazards_open_state_deadline_idx')
      .on(t.state, t.deadline, t.foundOn.desc().nullsFirst(), t.id)
      .where(sql`${t.state} in ('reported', 'rectifying')`),
    // The workbench's to-do kinds (modules/workbench/workbench.todo.ts): one state in the to-do order (deadline, no
    // deadline last, found, id) with the scope columns last, so the first 20 in a scope are read in order — the
    // area's range, the sector and the park checked in the index, no heap visit for rows outside the scope — and
    // nothing is sorted (migration 0061).
    index('hazards_todo_idx')
      .using('btree', t.state, t.deadline, t.foundOn, t.id, sql`${t.areaCode} text_pattern_ops`, t.sector, t.parkId)
      .where(sql`${t.state} in ('reported', 'rectifying', 'awaiting_acceptance')`),
    index('hazards_origin_idx').on(t.originType, t.originId),
    // The board's tab counts and "overdue now" over open rows only, answerable from the index alone.
    index('hazards_open_area_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`, t.state, t.deadline)
      .where(sql`${t.state} in ('reported', 'rectifying', 'awaiting_acceptance')`),
    stateCheck('hazards', t.state, hazardStates),
  ],
);

/** The timeline: one row per workflow or listing step, written in the same transaction as the change. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazards.id),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    evidence: jsonb('evidence').notNull().default({}),
    attachments: uuid('attachments')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.id)],
);

/** 挂牌督办: a major hidden danger listed for supervision by an organisation; at most one listing per hazard. */
export const hazardListings = pgTable(
  'hazard_listings',
  {
    hazardId: uuid('hazard_id')
      .primaryKey()
      .references(() => hazards.id),
    supervisingOrgId: uuid('supervising_org_id').references(() => organisations.id),
    supervisingOrgName: text('supervising_org_name'),
    documentNumber: text('document_number').notNull(),
    listedOn: day('listed_on').notNull(),
    requiredCompletionDate: day('required_completion_date').notNull(),
    stopProduction: boolean('stop_production').notNull().default(false),
    reviewAppliedOn: day('review_applied_on'),
    reviewDue: day('review_due'),
    reviewedOn: day('reviewed_on'),
    delistedOn: day('delisted_on'),
    delistDocumentNumber: text('delist_document_number'),
  },
  (t) => [index('hazard_listings_due_idx').on(t.requiredCompletionDate)],
);

/**
 * The key both hazard rollups share: the area level (length of the code) and the code cut to it, then the scope
 * and grouping columns. park_key is '' for no park (a NOT NULL key keeps ON CONFLICT simple).
 */
const rollupKey = () => ({
  areaLen: smallint('area_len').notNull(),
  areaCode: text('area_code').notNull(),
  parkKey: text('park_key').notNull(),
  sector: text('sector').notNull(),
  source: text('source').notNull(),
  grade: text('grade').notNull(),
});

/** The unique upsert key is also the read path: level, then the area prefix (text_pattern_ops serves LIKE 'p%'). */
function rollupKeyIndex(name: string, t: Record<keyof ReturnType<typeof rollupKey>, ExtraConfigColumn>, ...rest: ExtraConfigColumn[]) {
  return uniqueIndex(name).using('btree', t.areaLen, sql`${t.areaCode} text_pattern_ops`, t.parkKey, t.sector, t.source, t.grade, ...rest);
}

/**
 * A park station's rows of a level (its scope is the park, at any area): a range here instead of a walk of every
 * row of the level in the key index, whose park column comes after the area. Partial: most rows have no park.
 */
function rollupParkIndex(name: string, t: Record<keyof ReturnType<typeof rollupKey>, ExtraConfigColumn>) {
  return index(name)
    .using('btree', t.parkKey, t.areaLen, sql`${t.areaCode} text_pattern_ops`)
    .where(sql`${t.parkKey} <> ''`);
}

/**
 * Statistics rollup, kept by the trigger hazards_rollups (migration 0015) for every write path. One row per
 * (area level, area code cut to that level, park, sector, source, grade, month found): a cohort, so "rectified"
 * counts the hazards found that month that are closed by now and the rectification rate never exceeds 100 %.
 * Every hazard is counted once at each level (2 province, 4 city, 6 district, 9 street, 12 community, 15 grid;
 * a code shorter than the level is kept whole), so a district's figures by street read the district's street
 * rows only, never the grid-level detail.
 */
export const hazardStatsMonthly = pgTable(
  'hazard_stats_monthly',
  {
    ...rollupKey(),
    /** 'YYYY-MM' of found_on. */
    month: text('month').notNull(),
    found: integer('found').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    closedLate: integer('closed_late').notNull().default(0),
    /** Sum over closed ones of closed_on − found_on, in calendar days. */
    closeDays: integer('close_days').notNull().default(0),
  },
  (t) => [
    rollupKeyIndex('hazard_stats_key', t, t.month),
    rollupParkIndex('hazard_stats_park_idx', t),
    // The board's 已销号 count sums `closed` over a scope's rows of every month (4,245 for a district of the city-scale
    // bench): an index-only walk here, 1.3–2 ms against 4–5.5 ms for the key index and its heap pages. Key columns,
    // not INCLUDE (migration 0057). `closed` changes only when a hidden danger closes.
    index('hazard_stats_closed_idx').using(
      'btree',
      t.areaLen,
      sql`${t.areaCode} text_pattern_ops`,
      t.parkKey,
      t.sector,
      t.source,
      t.grade,
      t.closed,
    ),
  ],
);

/**
 * Hidden dangers not yet closed, counted by level and area like the statistics rollup and by state, deadline and
 * month found: the board's tab counts and "overdue now" (deadline < today) are sums over a few thousand rows
 * whatever the history holds. Kept by the same trigger; rows that fall to zero are deleted. deadline_key is
 * 9999-12-31 for "no deadline yet" (never overdue).
 */
export const hazardOpenCounts = pgTable(
  'hazard_open_counts',
  {
    ...rollupKey(),
    state: text('state').notNull(),
    deadlineKey: day('deadline_key').notNull(),
    month: text('month').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [rollupKeyIndex('hazard_open_counts_key', t, t.state, t.deadlineKey, t.month), rollupParkIndex('hazard_open_counts_park_idx', t)],
);
