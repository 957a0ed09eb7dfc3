// Risk graded control (安全风险分级管控): analysis units, risk events with their assessment, control measures,
// the per-enterprise summary the district views read, and the deployment's band settings.
// Every table carries the enterprise's scope columns (area_code, sector, park_id, enterprise_id) so the
// scope predicate is one WHERE on the table itself (platform/scope.ts).
import { riskEventStatuses } from '@anjian/contracts';
import { stateCheck, tstz } from './columns';
import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises';
import { parks, users } from './platform';

const scopeColumns = () => ({
  enterpriseId: uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id),
  areaCode: text('area_code').notNull(),
  sector: text('sector').notNull(),
  parkId: uuid('park_id').references(() => parks.id),
});

/** Deployment-wide settings of this capability (LEC reading, matrix bands, check frequencies), one JSON value per key. */
export const riskSettings = pgTable('risk_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** 风险点 / 分析单元: a site, a facility, a post or a work activity of one enterprise. */
export const riskUnits = pgTable(
  'risk_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...scopeColumns(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    location: text('location'),
    description: text('description'),
    /** Printed on the risk notification card (风险告知卡). */
    emergencyPhone: text('emergency_phone'),
    deletedAt: tstz('deleted_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('risk_units_enterprise_idx').on(t.enterpriseId),
    index('risk_units_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  ],
);

/** 风险事件: what can happen at a unit, its accident type and its assessment; `level` is derived and stored. */
export const riskEvents = pgTable(
  'risk_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => riskUnits.id),
    ...scopeColumns(),
    name: text('name').notNull(),
    hazardFactors: text('hazard_factors'),
    consequences: text('consequences'),
    /** 'GB6441-1986' | 'GB6441-2025': a record keeps the scheme it was classified under. */
    accidentTypeScheme: text('accident_type_scheme'),
    accidentTypeCode: text('accident_type_code'),
    /** 'lec' | 'matrix' | null (not assessed yet). */
    method: text('method'),
    lecL: doublePrecision('lec_l'),
    lecE: doublePrecision('lec_e'),
    lecC: doublePrecision('lec_c'),
    lecD: doublePrecision('lec_d'),
    dangerDegree: text('danger_degree'),
    matrixL: smallint('matrix_l'),
    matrixS: smallint('matrix_s'),
    matrixR: smallint('matrix_r'),
    /** Which band configuration produced `level`, so a later settings change can be traced. */
    configId: text('config_id'),
    level: text('level'),
    assessedAt: tstz('assessed_at'),
    assessedBy: uuid('assessed_by').references(() => users.id),
    status: text('status').notNull().default('open'),
    closedAt: tstz('closed_at'),
    closedReason: text('closed_reason'),
    deletedAt: tstz('deleted_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('risk_events_unit_idx').on(t.unitId),
    // The summary refresh counts one enterprise's open, live events by level.
    index('risk_events_enterprise_idx')
      .on(t.enterpriseId, t.level)
      .where(sql`${t.status} = 'open' and ${t.deletedAt} is null`),
    stateCheck('risk_events', t.status, riskEventStatuses),
  ],
);

/** 管控措施: each becomes a check item in the responsible level's scheduled task. */
export const riskMeasures = pgTable(
  'risk_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => riskEvents.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => riskUnits.id),
    ...scopeColumns(),
    type: text('type').notNull(),
    description: text('description').notNull(),
    responsibleLevel: text('responsible_level').notNull(),
    responsiblePerson: text('responsible_person'),
    deletedAt: tstz('deleted_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('risk_measures_event_idx').on(t.eventId),
    // The task generator joins live measures by enterprise and level.
    index('risk_measures_level_idx')
      .on(t.responsibleLevel, t.enterpriseId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * One row per enterprise with a risk register: counts of open assessed events per level and the overall level
 * (the highest). Rewritten in the same transaction as every change to the enterprise's events, so the
 * district distribution and the map read it without scanning events.
 */
export const enterpriseRiskSummary = pgTable(
  'enterprise_risk_summary',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    level: text('level'),
    major: integer('major').notNull().default(0),
    significant: integer('significant').notNull().default(0),
    general: integer('general').notNull().default(0),
    low: integer('low').notNull().default(0),
    unassessed: integer('unassessed').notNull().default(0),
    /** Live units: an enterprise with a register gets scheduled check tasks. */
    units: integer('units').notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('enterprise_risk_summary_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('enterprise_risk_summary_sector_idx').on(t.sector),
  ],
);
