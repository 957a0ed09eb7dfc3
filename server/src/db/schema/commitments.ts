// 安全生产承诺制 and the 八个一次 (issue 17 item 4, seed 001 二.4). Every table copies the enterprise's scope columns
// (area, sector, park, enterprise) so platform/scope.ts filters it without a join.
// `duty_enterprise_years` (one row per enterprise and year: masks of the periods recorded and accepted) and
// `duty_compliance` (recorded/accepted counts per obligation at the province, city, district and street levels) are
// the maintained aggregates behind compliance: written in the transaction of every record insert and status change
// (commitments.aggregates.ts), so a province read sums a few thousand rows and never scans the records.
import { dutyRecordStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { parks, users } from './platform';

export const safetyCommitments = pgTable(
  'safety_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    year: integer('year').notNull(),
    /** The text as signed (version, title, body copied), so a later edit of the configured text changes nothing. */
    textVersion: text('text_version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    signerName: text('signer_name').notNull(),
    typedName: text('typed_name'),
    /** The drawn signature, a PNG data URL. */
    signatureImage: text('signature_image'),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: tstz('signed_at').notNull().defaultNow(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One current commitment per enterprise and year: signing again replaces it (the audit keeps the earlier one).
    uniqueIndex('safety_commitments_enterprise_year').on(t.enterpriseId, t.year),
    index('safety_commitments_area_idx').using('btree', t.year, sql`${t.areaCode} text_pattern_ops`),
  ],
);

export const dutyRecords = pgTable(
  'duty_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    duty: text('duty').notNull(),
    period: text('period').notNull(),
    year: integer('year').notNull(),
    heldOn: day('held_on').notNull(),
    summary: text('summary').notNull(),
    participants: integer('participants'),
    attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
    status: text('status').notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: tstz('reviewed_at'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One record per duty and period: a returned one is corrected and resubmitted, not filed again.
    uniqueIndex('duty_records_enterprise_period').on(t.enterpriseId, t.duty, t.period),
    index('duty_records_area_status_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.status, t.createdAt),
    index('duty_records_sector_status_idx').on(t.sector, t.status, t.createdAt),
    index('duty_records_park_status_idx').on(t.parkId, t.status, t.createdAt),
    stateCheck('duty_records', t.status, dutyRecordStatuses),
  ],
);

export const dutyEnterpriseYears = pgTable(
  'duty_enterprise_years',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    /** Bits of the obligations with a record (any status) and with an accepted one (commitments.rules.ts dutyBit). */
    recordedMask: integer('recorded_mask').notNull().default(0),
    acceptedMask: integer('accepted_mask').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
);

export const dutyCompliance = pgTable(
  'duty_compliance',
  {
    /** 2, 4, 6 or 9: the enterprise's area code cut to the province, city, district or street. */
    areaLen: smallint('area_len').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    /** enterprises.NO_PARK when the enterprise is in no park (a real value keeps the key usable by ON CONFLICT). */
    parkKey: uuid('park_key').notNull(),
    year: integer('year').notNull(),
    duty: text('duty').notNull(),
    period: text('period').notNull(),
    recorded: integer('recorded').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.areaLen, t.areaCode, t.sector, t.parkKey, t.duty, t.period] }),
    index('duty_compliance_area_idx').using('btree', t.year, t.areaLen, sql`${t.areaCode} text_pattern_ops`),
  ],
);

/**
 * The 承诺书 text as edited in the app (admin and district roles), one row per saved version and never updated: the
 * current text of a sector is its latest row ('default' for every sector without its own), else the documented
 * default in commitments.rules.ts. A signature copies version, title and body (safety_commitments), so an edit never
 * changes what was signed.
 */
export const commitmentTexts = pgTable(
  'commitment_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A sector code, or 'default'. */
    sector: text('sector').notNull(),
    /** `<sector>-<n>`, n counting the sector's saved versions (the code defaults are `<sector>-1`). */
    version: text('version').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('commitment_texts_sector_seq').on(t.sector, t.seq), uniqueIndex('commitment_texts_version').on(t.version)],
);

/**
 * Enterprise-years by how far their 八个一次 are kept, per area level, sector and park: `kept_through` is the number of
 * ended months s (0–12) for which every obligation due after s months is accepted (commitments.rules.ts keptThrough).
 * Moved in the transaction of each acceptance (duties.aggregates.ts), so the laggards of a province on any day are
 * its enterprises (enterprise_counts) minus the rows at or beyond that day's stage: a few thousand rows, no scan of
 * enterprises. Enterprise-years with nothing accepted have no row (stage 0).
 */
export const dutyKeptCounts = pgTable(
  'duty_kept_counts',
  {
    areaLen: smallint('area_len').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkKey: uuid('park_key').notNull(),
    year: integer('year').notNull(),
    keptThrough: smallint('kept_through').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.areaLen, t.areaCode, t.sector, t.parkKey, t.keptThrough] }),
    index('duty_kept_counts_area_idx').using('btree', t.year, t.areaLen, sql`${t.areaCode} text_pattern_ops`),
  ],
);
