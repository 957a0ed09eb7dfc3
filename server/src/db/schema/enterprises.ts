// The enterprise file (一企一档): one row per supervised production and business unit.
import { tstz } from './columns';
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas, parks } from './platform';

/** Bytes i..i+3 of the id as an unsigned 32-bit integer (uuid_send gives the 16 bytes without a text round trip). */
const idWord = (i: number) => sql.raw([0, 1, 2, 3].map((j) => `(get_byte(uuid_send(id), ${i + j})::bigint << ${24 - 8 * j})`).join(' | '));

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
    /**
     * The 双随机 draw's inputs per enterprise, copied with the filter columns into the narrow pool table
     * enterprise_draw_pool (a draw over a million enterprises reads it instead of joining a million rows of marks and
     * taking each id apart). The id's first and last 32 bits (reference/enforcement/draw.ts idWords), computed by the
     * database.
     */
    drawWordA: bigint('draw_word_a', { mode: 'number' }).generatedAlwaysAs(idWord(0)),
    drawWordB: bigint('draw_word_b', { mode: 'number' }).generatedAlwaysAs(idWord(12)),
    /**
     * The draw's risk signals, mirrored from where they live by enterprise_draw_signals_refresh() (migration 0023),
     * which triggers on those tables call; nothing else writes them. At least one inspection done and the latest
     * penalty decision (enterprise_enforcement_marks), an open 重大事故隐患 (hazards), the overall risk level
     * (enterprise_risk_summary.level) and the latest accident (accidents).
     */
    enforcementInspected: boolean('enforcement_inspected').notNull().default(false),
    enforcementLastDecidedOn: date('enforcement_last_decided_on', { mode: 'string' }),
    openMajorHazard: boolean('open_major_hazard').notNull().default(false),
    riskLevel: text('risk_level'),
    lastAccidentAt: tstz('last_accident_at'),
    /**
     * The credit grade (credit_summaries.grade, A–D; null = no summary yet), mirrored by the credit consumer in the
     * transaction that recomputes the summary, written only when it changed: the draw's 差异化监管 factor.
     */
    creditGrade: text('credit_grade'),
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
    // Sort keys of the list, covering every column a list filter reads (scope, area, sector, key, park, tags, the
    // text and credit-code search): a page at any offset is an index-only walk to 20 ids (enterprises.queries.ts
    // findEnterprises). Key columns rather than INCLUDE, which not every PostgreSQL-derived database accepts.
    index('enterprises_name_idx')
      .on(t.name, t.id, t.areaCode, t.sector, t.isKey, t.parkId, t.creditCode, t.formerNames, t.hazardTags)
      .where(sql`${t.deletedAt} is null`),
    index('enterprises_updated_idx')
      .on(t.updatedAt, t.id, t.name, t.areaCode, t.sector, t.isKey, t.parkId, t.creditCode, t.formerNames, t.hazardTags)
      .where(sql`${t.deletedAt} is null`),
    // The standardization rate (规上 enterprises at grade 3 or better, in force today) per area: one index-only range
    // scan over the operating 规上 enterprises of an area (modules/insurance/standardization.queries.ts).
    index('enterprises_standardization_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`, t.standardizationGrade, t.standardizationExpiry)
      .where(sql`${t.deletedAt} is null and ${t.operatingStatus} = 'operating' and ${t.scale} = 'above'`),
    // Expiring grades (the renewal reminder and list): a range on the expiry.
    index('enterprises_standardization_expiry_idx')
      .on(t.standardizationExpiry)
      .where(sql`${t.deletedAt} is null and ${t.standardizationExpiry} is not null`),
    // The 无事故 sweep (modules/credit/accident-free.job.ts): live enterprises by the instant their accident-free
    // years are counted from (the later of entering the register and the last accident), so a daily run reads the one
    // range of anchors whose N-th anniversary has come since the previous run.
    index('enterprises_accident_free_idx')
      .using('btree', sql`greatest(${t.createdAt}, ${t.lastAccidentAt})`, t.id)
      .where(sql`${t.deletedAt} is null`),
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
