// Enforcement (执法): 双随机 draws, inspections with their findings, numbered legal documents and penalty cases.
// Scope columns (area_code, sector, park_id, enterprise_id) are copied from the enterprise, as elsewhere, so the
// scope predicate is one WHERE. `status` of a penalty case is written only by modules/enforcement/case.workflow.ts.
import { caseStatuses, inspectionStates } from '@anjian/contracts';
import { day, stateCheck, tstz } from './columns';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises';
import { organisations, users } from './platform';

const uuidArray = (name: string) =>
  uuid(name)
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`);

/**
 * One 双随机 draw. The pool is not copied row by row (a province has a million enterprises): the filter, the
 * weight table, the pool's size, total weight and checksum, and every enterprise whose weight differs from the
 * base are kept, which with the seed determines the result exactly (POST …/verify recomputes it).
 */
export const enforcementDraws = pgTable(
  'enforcement_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => organisations.id),
    orgName: text('org_name'),
    /** The drawing organisation's area. */
    areaCode: text('area_code').notNull(),
    /**
     * The region the draw's pool lies in (draw.queries.ts poolRegion): every member's area code starts with
     * pool_area_code; when pool_sectors is set every member is in one of them; when pool_park_id is set every member is
     * in that park. A draw is visible only to callers whose scope covers this region (platform/scope.ts coversWhere).
     */
    poolAreaCode: text('pool_area_code').notNull(),
    poolSectors: text('pool_sectors').array(),
    poolParkId: uuid('pool_park_id'),
    title: text('title').notNull(),
    seed: text('seed').notNull(),
    filter: jsonb('filter').notNull(),
    weightTable: jsonb('weight_table').notNull(),
    k: integer('k').notNull(),
    inspectorsPerEnterprise: integer('inspectors_per_enterprise').notNull().default(2),
    poolCount: integer('pool_count').notNull(),
    poolWeightTotal: doublePrecision('pool_weight_total').notNull(),
    /** Order-independent checksum of the pool's ids (sum of their first 32 bits), to detect a changed pool. */
    poolChecksum: text('pool_checksum').notNull(),
    /**
     * How (seed, id) became each uniform number (reference/enforcement/draw.ts UniformMethod): 'md5' for the draws
     * made before mix32, which verify the way they were made.
     */
    uniform: text('uniform').notNull().default('md5'),
    /**
     * The most common weight and every member whose weight differs: { common, idsByWeight: { weight: 'id,id,…' } }
     * (the first draws: { common, exceptions: { enterpriseId: weight } }). See draw.queries.ts PoolWeights.
     */
    poolWeights: jsonb('pool_weights').notNull(),
    /** [{ enterpriseId, name, areaCode, weight, key, inspectorIds, inspectorNames }] in draw order. */
    result: jsonb('result').notNull(),
    published: boolean('published').notNull().default(false),
    publishedAt: tstz('published_at'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enforcement_draws_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.createdAt),
    index('enforcement_draws_pool_area_idx').using('btree', sql`${t.poolAreaCode} text_pattern_ops`, t.createdAt),
  ],
);

/** An inspection task and its record (现场检查). */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => organisations.id),
    orgName: text('org_name'),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id'),
    /** planned | drawn | complaint | joint */
    kind: text('kind').notNull(),
    unannounced: boolean('unannounced').notNull().default(false),
    /**
     * 企业主要负责人依法履责安全专项执法检查: counts toward the per-level minimum frequency (street monthly, district
     * quarterly, city half-yearly; reference/enforcement/principal-duty.ts).
     */
    principalDuty: boolean('principal_duty').notNull().default(false),
    drawId: uuid('draw_id').references(() => enforcementDraws.id),
    /** Participating departments of a joint inspection (联合执法), the leading one first. */
    departments: text('departments')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    inspectorIds: uuidArray('inspector_ids'),
    inspectorNames: text('inspector_names')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    plannedOn: day('planned_on').notNull(),
    /** planned | done */
    state: text('state').notNull().default('planned'),
    checklist: jsonb('checklist').notNull().default([]),
    inspectedOn: day('inspected_on'),
    summary: text('summary'),
    principalSignature: text('principal_signature'),
    inspectorSignatures: jsonb('inspector_signatures').notNull().default([]),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    /** 责令限期整改: the deadline given, and the re-inspection it schedules. */
    rectificationDeadline: day('rectification_deadline'),
    reinspectionDue: day('reinspection_due'),
    reinspectedOn: day('reinspected_on'),
    /** passed | failed */
    reinspectionResult: text('reinspection_result'),
    reinspectionOpinion: text('reinspection_opinion'),
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('inspections_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.plannedOn),
    index('inspections_enterprise_idx').on(t.enterpriseId, t.plannedOn),
    index('inspections_reinspection_idx')
      .on(t.reinspectionDue)
      .where(sql`${t.reinspectedOn} is null`),
    // The frequency report reads only done principal-duty inspections of a subtree and year.
    index('inspections_principal_duty_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`, t.inspectedOn)
      .where(sql`${t.principalDuty} and ${t.state} = 'done'`),
    // The workbench's "inspections assigned to me": planned ones are a thin slice of millions done.
    index('inspections_planned_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`, t.plannedOn)
      .where(sql`${t.state} = 'planned'`),
    // "Assigned to me" among the open slices: an inverted index of the inspectors, so a district with tens of
    // thousands of planned inspections reads only the caller's own.
    index('inspections_planned_mine_idx')
      .using('gin', t.inspectorIds)
      .where(sql`${t.state} = 'planned'`),
    index('inspections_reinspect_mine_idx')
      .using('gin', t.inspectorIds)
      .where(sql`${t.reinspectionDue} is not null and ${t.reinspectedOn} is null`),
    stateCheck('inspections', t.state, inspectionStates),
  ],
);

/** One finding of an inspection; it becomes a hidden danger through the hazards module (hazard_id). */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    description: text('description').notNull(),
    location: text('location'),
    grade: text('grade').notNull(),
    category: text('category').notNull(),
    basisId: text('basis_id'),
    photoIds: uuidArray('photo_ids'),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    deadline: day('deadline'),
    hazardId: uuid('hazard_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('inspection_findings_inspection_idx').on(t.inspectionId)],
);

/**
 * 执法文书 with their numbers, e.g. （龙）应急责改〔2026〕15号: seq from the counters row
 * doc:<org>:<kind>:<year>, taken in the transaction that stores the document, so numbers never repeat or skip.
 * The fields are frozen here; the .docx is rendered from them on download.
 */
export const enforcementDocuments = pgTable(
  'enforcement_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    orgId: uuid('org_id'),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    caseId: uuid('case_id'),
    fields: jsonb('fields').notNull(),
    issuedOn: day('issued_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_documents_number_uq').on(t.orgId, t.kind, t.year, t.seq),
    index('enforcement_documents_inspection_idx').on(t.inspectionId),
    index('enforcement_documents_case_idx').on(t.caseId),
  ],
);

/** 行政处罚案件. */
export const penaltyCases = pgTable(
  'penalty_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    orgId: uuid('org_id').references(() => organisations.id),
    orgName: text('org_name'),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id'),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    /** direct (filed by an officer) | reinspection (a failed 整改复查 escalated: at most one per inspection). */
    origin: text('origin').notNull().default('direct'),
    /** The hidden dangers the case is about (for a failed re-inspection: those not rectified). */
    hazardIds: uuidArray('hazard_ids'),
    /** general | simple (简易程序) */
    procedure: text('procedure').notNull(),
    /** organisation | natural_person */
    partyKind: text('party_kind').notNull(),
    partyName: text('party_name').notNull(),
    partyIdNumber: text('party_id_number'),
    partyPhone: text('party_phone'),
    partyAddress: text('party_address'),
    /** An organisation party as the enterprise registry had it at filing: 统一社会信用代码 and 法定代表人. */
    partyCreditCode: text('party_credit_code'),
    partyLegalRepresentative: text('party_legal_representative'),
    violation: text('violation').notNull(),
    basisId: text('basis_id').notNull(),
    fineBand: text('fine_band').notNull().default('first'),
    fine: numeric('fine', { precision: 14, scale: 2 }),
    status: text('status').notNull(),
    filedOn: day('filed_on').notNull(),
    extensionDays: integer('extension_days')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    decidedOn: day('decided_on'),
    servedOn: day('served_on'),
    paidOn: day('paid_on'),
    closedOn: day('closed_on'),
    /** 首查必罚 and 一案双查 (the unit and its responsible persons investigated together). */
    firstCheckMustPenalise: boolean('first_check_must_penalise').notNull().default(false),
    doubleInvestigation: boolean('double_investigation').notNull().default(false),
    publish: boolean('publish').notNull().default(false),
    /** 听证 (行政处罚法 第六十三、六十四条): the party's request, the hearing notified, and the hearing held. */
    hearingRequestedOn: day('hearing_requested_on'),
    hearingOn: day('hearing_on'),
    hearingPlace: text('hearing_place'),
    /** The presiding officer: never one of the case's investigators (§64(四)). */
    hearingPresiderId: uuid('hearing_presider_id'),
    hearingPresiderName: text('hearing_presider_name'),
    hearingHeldOn: day('hearing_held_on'),
    hearingRecord: text('hearing_record'),
    /** The day a published decision was changed or revoked; it must leave the public page within 3 days. */
    changedOn: day('changed_on'),
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // Unique per authority, not across the platform: two bureaus whose default mark is the same character (深圳市
    // 龙岗区 and 龙华区 both print 龙) number their cases independently.
    uniqueIndex('penalty_cases_org_number_uq').on(t.orgId, t.number),
    index('penalty_cases_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.filedOn),
    index('penalty_cases_enterprise_idx').on(t.enterpriseId, t.decidedOn),
    uniqueIndex('penalty_cases_reinspection_uq')
      .on(t.inspectionId)
      .where(sql`${t.origin} = 'reinspection'`),
    // The case list's order: a district-wide list walks this index and stops after a page instead of sorting 300,000.
    index('penalty_cases_list_idx').on(t.filedOn.desc(), t.createdAt.desc()),
    // The list's total under the usual filters (scope, status, 首查必罚, 一案双查), counted from the index alone.
    index('penalty_cases_count_idx').using(
      'btree',
      sql`${t.areaCode} text_pattern_ops`,
      t.status,
      t.firstCheckMustPenalise,
      t.doubleInvestigation,
    ),
    // Undecided cases, the only ones the 90-day limit can still make late (the workbench's "past their limit").
    // It carries every column of the decision clock, so counting the late ones is an index-only scan.
    index('penalty_cases_undecided_idx')
      .using('btree', sql`${t.areaCode} text_pattern_ops`, t.filedOn, t.hearingRequestedOn, t.hearingHeldOn, t.extensionDays)
      .where(sql`${t.decidedOn} is null and ${t.status} <> 'closed'`),
    // A handler's own open cases in filing order (the workbench's case steps).
    index('penalty_cases_open_by_creator_idx')
      .on(t.createdBy, t.filedOn)
      .where(sql`${t.status} <> 'closed'`),
    stateCheck('penalty_cases', t.status, caseStatuses),
  ],
);

/** Case timeline: one row per workflow step, written with the status change. */
export const penaltyCaseEvents = pgTable(
  'penalty_case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => penaltyCases.id),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    evidence: jsonb('evidence').notNull().default({}),
  },
  (t) => [index('penalty_case_events_case_idx').on(t.caseId, t.id)],
);

/**
 * 年度执法检查计划: per organisation and year, target groups (a filter over the enterprises in the organisation's
 * area) with the number of inspections each enterprise of the group should receive in the year.
 */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => organisations.id),
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    /** [{ name, filter: { sector?, isKey?, tag? }, timesPerYear }] */
    groups: jsonb('groups').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('inspection_plans_org_year_uq').on(t.orgId, t.year)],
);

/**
 * Enforcement statistics rollup: one row per (area code, sector, park, month) with the inspections done that month
 * (inspected_on), their findings, the penalty decisions of that month (decided_on) and their fines. Kept exact by
 * triggers on inspections, inspection_findings and penalty_cases (migration 0014), in the writing transaction, so
 * every write path — API, seed, SQL by hand — counts; the statistics read a year of it instead of a GROUP BY over
 * millions of inspections. park_key is '' for no park.
 */
export const enforcementStatsMonthly = pgTable(
  'enforcement_stats_monthly',
  {
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkKey: text('park_key').notNull(),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    inspections: integer('inspections').notNull().default(0),
    findings: integer('findings').notNull().default(0),
    cases: integer('cases').notNull().default(0),
    fines: numeric('fines', { precision: 16, scale: 2 }).notNull().default('0'),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.areaCode, t.sector, t.parkKey] }),
    index('enforcement_stats_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.month),
    // One month of a subtree with its count, index-only (the workbench's "inspections this month" against last year's).
    index('enforcement_stats_month_area_idx').using('btree', t.month, sql`${t.areaCode} text_pattern_ops`, t.inspections),
  ],
);

/**
 * Per-enterprise enforcement marks the 双随机 weights read: how many inspections of the enterprise are done (0 = the
 * 'never inspected' signal) and its latest penalty decision (the 'penalised in the last year' signal). Kept by
 * triggers on inspections and penalty_cases (migration 0017), so a draw joins one narrow table instead of
 * de-duplicating millions of inspections. Enterprises with neither have no row.
 */
export const enterpriseEnforcementMarks = pgTable('enterprise_enforcement_marks', {
  enterpriseId: uuid('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id),
  inspectionsDone: integer('inspections_done').notNull().default(0),
  lastDecidedOn: day('last_decided_on'),
});

/**
 * The 双随机 draw's pool: one narrow row per live, operating enterprise with exactly what a draw reads — the filter
 * columns (area, sector, key flag, park, hazard tags), the weight signals mirrored onto enterprises (see there) and the
 * id's words — so a million-enterprise pool is a scan of ~120 MB instead of the 860 MB enterprise table or a covering
 * index over it (migration 0063). Kept by the triggers enterprises_draw_pool(_update) (db/functions/
 * enterprise_draw_pool_track.sql): a row is upserted when an enterprise enters the pool or a mirrored column changes
 * and deleted when it leaves (deleted, suspended, closed); enterprise_draw_pool_rebuild() refills it after bulk loads
 * that bypass them (CLI rebuild-draw-pool). Nothing else writes it. No foreign key: the trigger is what keeps it.
 * Columns in width order (fixed first), so the row packs without padding.
 */
export const enterpriseDrawPool = pgTable(
  'enterprise_draw_pool',
  {
    id: uuid('id').primaryKey(),
    drawWordA: bigint('draw_word_a', { mode: 'number' }).notNull(),
    drawWordB: bigint('draw_word_b', { mode: 'number' }).notNull(),
    lastAccidentAt: tstz('last_accident_at'),
    enforcementLastDecidedOn: day('enforcement_last_decided_on'),
    isKey: boolean('is_key').notNull(),
    enforcementInspected: boolean('enforcement_inspected').notNull(),
    openMajorHazard: boolean('open_major_hazard').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id'),
    riskLevel: text('risk_level'),
    creditGrade: text('credit_grade'),
    hazardTags: text('hazard_tags').array().notNull(),
  },
  (t) => [
    // A street's or district's pool (and a sector department's, whose sectors are filtered within its area's range).
    index('enterprise_draw_pool_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    // A park station's pool.
    index('enterprise_draw_pool_park_idx').on(t.parkId),
  ],
);

/**
 * Deployment-wide settings of the penalty procedure (hearing threshold and periods, whether hearing time counts
 * against the decision limit), one JSON value per key as risk_settings; read through
 * modules/enforcement/enforcement.settings.ts, which re-validates every value and falls back to the default.
 */
export const enforcementSettings = pgTable('enforcement_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
