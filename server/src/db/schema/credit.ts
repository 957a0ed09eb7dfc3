// 信用: credit entries (one per source record and kind, written by the credit event consumer from other modules'
// domain events; withdrawn, never deleted, when the source is revoked), one summary row per enterprise (grade and
// score under the scheme version, maintained in the consumer's transaction), and the 严重失信主体名单 listings
// (部令第11号) with their due-process dates. Scope columns are the enterprise's, copied when a row is written.
import { listingStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';

export const creditEntries = pgTable(
  'credit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    /** penalty | refusal_to_rectify | accident | major_hazard | verified_report */
    kind: text('kind').notNull(),
    /** The record it comes from: penalty_case | accident | hazard | report, and its id. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** What a reader recognises the source by (the case number, the accident's date and level …). */
    sourceRef: text('source_ref'),
    /** An accident's level (493号), a penalty's fine band … */
    severity: text('severity'),
    title: text('title').notNull(),
    /** The deduction under the scheme version current when it was written (the grade recomputes from the scheme). */
    points: integer('points').notNull(),
    occurredOn: day('occurred_on').notNull(),
    /** active | withdrawn (the decision revoked, the hazard re-graded …): kept with the reason, never deleted. */
    status: text('status').notNull().default('active'),
    withdrawnOn: day('withdrawn_on'),
    withdrawnReason: text('withdrawn_reason'),
    /** The outbox events that created and last changed it. */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('credit_entries_source_uq').on(t.sourceType, t.sourceId, t.kind),
    index('credit_entries_enterprise_idx').on(t.enterpriseId, t.occurredOn),
    // The public disclosure page: active entries newest first, read page by page (credit/partners).
    index('credit_entries_disclosure_idx').on(t.status, t.occurredOn, t.id),
    index('credit_entries_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    // An enterprise's active entry of a kind (its standing 无事故 record, the credit consumer's batch; withdrawKind): one
    // probe, whatever the statistics say. Without it, stale statistics after a bulk write (the first accident-free sweep
    // of a province) made the planner AND this lookup with the disclosure index over every active entry of the table.
    index('credit_entries_active_kind_idx')
      .on(t.enterpriseId, t.kind)
      .where(sql`${t.status} = 'active'`),
  ],
);

export const creditSummaries = pgTable(
  'credit_summaries',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    schemeVersion: text('scheme_version').notNull(),
    score: integer('score').notNull(),
    grade: text('grade').notNull(),
    activeEntries: integer('active_entries').notNull(),
    /** The day the score was computed for (entries age out of the window: the daily job recomputes). */
    asOf: day('as_of').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('credit_summaries_grade_idx').on(t.grade, t.score),
    index('credit_summaries_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  ],
);

export const creditListings = pgTable(
  'credit_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    /** The party as the registry had it at the proposal. */
    partyName: text('party_name').notNull(),
    creditCode: text('credit_code').notNull(),
    principalName: text('principal_name'),
    status: text('status').notNull(),
    criteria: jsonb('criteria').$type<string[]>().notNull(),
    grounds: text('grounds').notNull(),
    sources: jsonb('sources').$type<{ type: string; id: string }[]>().notNull(),
    proposedOn: day('proposed_on').notNull(),
    noticedOn: day('noticed_on'),
    objectionDue: day('objection_due'),
    objection: text('objection'),
    objectionReceivedOn: day('objection_received_on'),
    reviewReason: text('review_reason'),
    decidedOn: day('decided_on'),
    documentNumber: text('document_number'),
    publishedOn: day('published_on'),
    periodEnd: day('period_end'),
    earlyRemovalFrom: day('early_removal_from'),
    removedOn: day('removed_on'),
    /** expiry | early */
    removalKind: text('removal_kind'),
    removalReason: text('removal_reason'),
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('credit_listings_enterprise_idx').on(t.enterpriseId),
    index('credit_listings_credit_code_idx').on(t.creditCode, t.status),
    index('credit_listings_status_idx').on(t.status, t.periodEnd),
    index('credit_listings_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    stateCheck('credit_listings', t.status, listingStatuses),
  ],
);
