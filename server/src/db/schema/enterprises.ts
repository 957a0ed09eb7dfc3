// The enterprise file (一企一档): one row per supervised production and business unit.
import { tstz } from './columns';
import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas, parks } from './platform';

const textArray = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    formerNames: textArray('former_names'),
    /** 统一社会信用代码, upper case, unique across the deployment (deleted rows included). */
    creditCode: text('credit_code').notNull(),
    /** Why an officer accepted a code that fails the GB 32100 check; null when it passes. */
    creditCodeOverride: text('credit_code_override'),
    unitType: text('unit_type').notNull(),
    legalRepresentative: text('legal_representative'),
    principalName: text('principal_name'),
    principalPhone: text('principal_phone'),
    safetyManagerName: text('safety_manager_name'),
    safetyManagerPhone: text('safety_manager_phone'),
    address: text('address').notNull(),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    parkId: uuid('park_id').references(() => parks.id),
    /** WGS-84 degrees. */
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    /** GB/T 4754-2017 code with its section letter: C, C33, C331 or C3311. */
    industryCode: text('industry_code'),
    sector: text('sector').notNull(),
    hazardTags: textArray('hazard_tags'),
    scale: text('scale').notNull().default('below'),
    smallMicro: boolean('small_micro').notNull().default(false),
    employees: integer('employees'),
    isKey: boolean('is_key').notNull().default(false),
    operatingStatus: text('operating_status').notNull().default('operating'),
    premises: text('premises'),
    landlord: text('landlord'),
    standardizationGrade: text('standardization_grade'),
    standardizationDate: date('standardization_date', { mode: 'string' }),
    standardizationExpiry: date('standardization_expiry', { mode: 'string' }),
    threeSimultaneous: text('three_simultaneous').notNull().default('not_applicable'),
    supervisingOrgIds: uuid('supervising_org_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    deletedAt: tstz('deleted_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // text_pattern_ops serves both uniqueness and the `credit_code LIKE 'prefix%'` search, whatever the collation.
    uniqueIndex('enterprises_credit_code_uq').using('btree', sql`${t.creditCode} text_pattern_ops`),
    // Lists, counts and exports read live rows only, so these indexes leave deleted rows out: a count over
    // an area becomes an index-only scan (1,000,000 rows: a street in ~15 ms, the district in ~80 ms).
    // The scope predicate is `area_code LIKE 'prefix%'` (platform/scope.ts).
    index('enterprises_area_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`)
      .where(sql`${t.deletedAt} is null`),
    // Industry officers: their sectors inside their area.
    index('enterprises_sector_idx')
      .using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`)
      .where(sql`${t.deletedAt} is null`),
    index('enterprises_park_idx')
      .on(t.parkId)
      .where(sql`${t.deletedAt} is null`),
    // 重点企业 are ~5%: a partial index serves "key enterprises in my area" lists and counts.
    index('enterprises_key_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`)
      .where(sql`${t.isKey} and ${t.deletedAt} is null`),
    // GIN indexes without the pending list: searches never scan unmerged entries (PGlite has no
    // autovacuum to merge them, and up to 4 MB of them cost ~15 ms a search); bulk loads ~15% slower.
    index('enterprises_tags_idx').using('gin', t.hazardTags).with({ fastupdate: false }),
    // Name search: character bigrams of the name and former names (function in migration 0002), so
    // that two Chinese characters hit the index whatever the database's locale. Deleted rows stay in
    // it: the restore screen searches them too.
    index('enterprises_search_idx')
      .using('gin', sql`enterprise_search_grams(${t.name}, ${t.formerNames})`)
      .with({ fastupdate: false }),
    // Sort keys of the list.
    index('enterprises_name_idx')
      .on(t.name, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('enterprises_updated_idx')
      .on(t.updatedAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    // The 双随机 draw's pool (modules/enforcement/draw.queries.ts): operating live enterprises of an area with the
    // columns its filters read, so a million-enterprise pool is an index-only scan of ~60 MB instead of the 430 MB
    // table (measured: 1.7 s → 0.3 s on a busy server).
    index('enterprises_draw_pool_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`, t.id, t.sector, t.isKey, t.parkId)
      .where(sql`${t.deletedAt} is null and ${t.operatingStatus} = 'operating'`),
  ],
);

/** "No park" in enterprise_counts: a real value keeps the unique key usable by ON CONFLICT everywhere. */
export const NO_PARK = '00000000-0000-0000-0000-000000000000';

/**
 * Live enterprises counted per (area, sector, park, key flag), kept by a trigger on `enterprises`
 * (migration 0010) so that every write path — API, import, bulk seed — keeps it exact. The list's
 * total for scope + area/sector/park/key filters sums these rows instead of counting a million.
 */
export const enterpriseCounts = pgTable(
  'enterprise_counts',
  {
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').notNull(),
    isKey: boolean('is_key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    uniqueIndex('enterprise_counts_key').on(t.areaCode, t.sector, t.parkId, t.isKey),
    index('enterprise_counts_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  ],
);
