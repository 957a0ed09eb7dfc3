// Accidents (生产安全事故): the registry, its casualty revisions, the reports up the chain, the
// investigation, the follow-up duties, and the rollups read instead of the registry (monthly; per dimension for analysis).
import { investigationStatuses } from '@anjian/contracts';
import { stateCheck, tstz } from './columns';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas, parks, users } from './platform';
import { enterprises } from './enterprises';

const count = (name: string) => integer(name).notNull().default(0);
/** 万元 to 4 decimals (1 yuan): exact sums, unlike floating point. */
const wan = (name: string) => numeric(name, { precision: 14, scale: 4, mode: 'number' });

export const accidents = pgTable(
  'accidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: tstz('occurred_at').notNull(),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    address: text('address').notNull(),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    unitName: text('unit_name'),
    // Copied from the enterprise so the scope predicate is one WHERE on this table (platform/scope.ts).
    sector: text('sector'),
    parkId: uuid('park_id').references(() => parks.id),
    category: text('category').notNull(),
    /** GB 6441 scheme in force on the accident day; the code is read under that scheme. */
    typeScheme: text('type_scheme').notNull(),
    typeCode: text('type_code').notNull(),
    causeCategory: text('cause_category').notNull().default('undetermined'),
    deaths: count('deaths'),
    missing: count('missing'),
    seriousInjuries: count('serious_injuries'),
    minorInjuries: count('minor_injuries'),
    directLossWan: wan('direct_loss_wan').notNull().default(0),
    /** 493号 第三条 level, recomputed on every casualty change inside the 补报 window. */
    level: text('level').notNull(),
    levelReachedBy: text('level_reached_by')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    description: text('description'),
    headInformedAt: tstz('head_informed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('accidents_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('accidents_occurred_idx').on(t.occurredAt, t.id),
    index('accidents_enterprise_idx').on(t.enterpriseId),
    index('accidents_sector_idx').on(t.sector),
    index('accidents_park_idx').on(t.parkId),
  ],
);

/** Every casualty change, kept whether or not it moved the level. */
export const accidentRevisions = pgTable(
  'accident_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accidentId: uuid('accident_id')
      .notNull()
      .references(() => accidents.id),
    at: tstz('at').notNull().defaultNow(),
    /** When the casualties changed, if the reporter said so (493号 第十三条 looks at this moment). */
    changedAt: tstz('changed_at'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    levelBefore: text('level_before').notNull(),
    levelAfter: text('level_after').notNull(),
    note: text('note'),
  },
  (t) => [index('accident_revisions_accident_idx').on(t.accidentId, t.id)],
);

/** When each department up the chain received the report; timeliness is derived at read time. */
export const accidentReports = pgTable(
  'accident_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accidentId: uuid('accident_id')
      .notNull()
      .references(() => accidents.id),
    tier: text('tier').notNull(),
    receivedAt: tstz('received_at').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accident_reports_tier_uq').on(t.accidentId, t.tier)],
);

export const accidentInvestigations = pgTable(
  'accident_investigations',
  {
    accidentId: uuid('accident_id')
      .primaryKey()
      .references(() => accidents.id),
    status: text('status').notNull(),
    team: jsonb('team')
      .notNull()
      .default(sql`'[]'::jsonb`),
    directCauses: text('direct_causes'),
    indirectCauses: text('indirect_causes'),
    managementGaps: text('management_gaps'),
    responsibilityFindings: text('responsibility_findings'),
    /** 493号 第二十九条 allows one extension of at most 60 days; 0 = none granted. */
    extensionDays: smallint('extension_days').notNull().default(0),
    extensionReason: text('extension_reason'),
    reportSubmittedOn: date('report_submitted_on', { mode: 'string' }),
    approvedOn: date('approved_on', { mode: 'string' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [stateCheck('accident_investigations', t.status, investigationStatuses)],
);

/** Follow-up duties a fatal accident creates (investigation.ts `followUpDuties`); overdue is derived. */
export const accidentFollowUps = pgTable(
  'accident_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accidentId: uuid('accident_id')
      .notNull()
      .references(() => accidents.id),
    duty: text('duty').notNull(),
    due: date('due', { mode: 'string' }).notNull(),
    conductedBy: text('conducted_by'),
    listingMandatory: boolean('listing_mandatory'),
    source: text('source').notNull(),
    doneAt: date('done_at', { mode: 'string' }),
    doneBy: uuid('done_by'),
    doneByName: text('done_by_name'),
    evidenceNote: text('evidence_note'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accident_follow_ups_duty_uq').on(t.accidentId, t.duty)],
);

/**
 * Monthly rollup kept in the same transaction as every accident write, for the workbench and the assessment.
 * Area is cut to street level (9 digits); '' stands for "no sector" so the key is unique.
 */
export const accidentMonthlyRollup = pgTable(
  'accident_monthly_rollup',
  {
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    category: text('category').notNull(),
    /** '<scheme>:<code>', e.g. 'GB6441-2025:P03'. */
    typeKey: text('type_key').notNull(),
    causeCategory: text('cause_category').notNull(),
    level: text('level').notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    accidents: count('accidents'),
    deaths: count('deaths'),
    missing: count('missing'),
    seriousInjuries: count('serious_injuries'),
    directLossWan: wan('direct_loss_wan').notNull().default(0),
  },
  (t) => [
    uniqueIndex('accident_rollup_key_uq').on(t.areaCode, t.sector, t.category, t.typeKey, t.causeCategory, t.level, t.year, t.month),
    index('accident_rollup_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('accident_rollup_period_idx').on(t.year, t.month),
  ],
);

/**
 * Per-dimension rollup for analysis, kept by the trigger accidents_dimension_rollup on every write path (migration
 * 0056): each accident counts once per area level (2, 4, 6, 9; a shorter code is kept whole), per dimension `dim`
 * ('all', 'sector', 'category', 'type', 'cause', 'level') under its `value` ('' for 'all'), and per filter key:
 * `sector_key` and `category_key` are '*' (any) and the accident's own, except that the 'sector' rows carry only
 * '*' sector keys and the 'category' rows only '*' category keys (the value is that key). A caller's analysis reads
 * one slice — level, dimension, filter keys, area — so at most months × values rows, whatever the registry holds.
 */
export const accidentDimensionRollup = pgTable(
  'accident_dimension_rollup',
  {
    areaLen: smallint('area_len').notNull(),
    areaCode: text('area_code').notNull(),
    dim: text('dim').notNull(),
    sectorKey: text('sector_key').notNull(),
    categoryKey: text('category_key').notNull(),
    /** China month as yyyymm. */
    ym: integer('ym').notNull(),
    value: text('value').notNull(),
    accidents: count('accidents'),
    deaths: count('deaths'),
    missing: count('missing'),
    seriousInjuries: count('serious_injuries'),
    directLossWan: wan('direct_loss_wan').notNull().default(0),
  },
  (t) => [
    // The upsert key is the read path: equalities first, then the area prefix (text_pattern_ops serves LIKE 'p%').
    uniqueIndex('accident_dimension_rollup_key').using(
      'btree',
      t.areaLen,
      t.dim,
      t.sectorKey,
      t.categoryKey,
      sql`${t.areaCode} text_pattern_ops`,
      t.ym,
      t.value,
    ),
  ],
);
