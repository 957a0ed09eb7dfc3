// Safety indicators (安全生产控制指标): per-area base data (the rates' denominators), targets, and the
// monthly accident statistics other departments report (road, fire, water, fishery, farm machinery).
import { tstz } from './columns';
import { doublePrecision, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { areas } from './platform';

/** Denominators for one area and year; any may be unknown. Imported figures can be estimates, hence double. */
export const indicatorBase = pgTable(
  'indicator_base',
  {
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    year: smallint('year').notNull(),
    gdpYi: doublePrecision('gdp_yi'),
    imcWorkers: doublePrecision('imc_workers'),
    motorVehicles: doublePrecision('motor_vehicles'),
    source: text('source'),
    updatedBy: uuid('updated_by'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_base_uq').on(t.areaCode, t.year)],
);

/** A ceiling for one rate: absolute, or a reduction from a base year (base value derived when null). */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    year: smallint('year').notNull(),
    indicator: text('indicator').notNull(),
    kind: text('kind').notNull(),
    value: doublePrecision('value'),
    baseYear: smallint('base_year'),
    baseValue: doublePrecision('base_value'),
    reductionPercent: doublePrecision('reduction_percent'),
    setBy: text('set_by'),
    updatedBy: uuid('updated_by'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_targets_uq').on(t.areaCode, t.year, t.indicator)],
);

/** Monthly (month 0 = whole year, not split) figures reported by other departments. */
export const accidentStatistics = pgTable(
  'accident_statistics',
  {
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    category: text('category').notNull(),
    accidents: integer('accidents').notNull(),
    deaths: integer('deaths').notNull(),
    injuries: integer('injuries'),
    source: text('source').notNull(),
    importedBy: uuid('imported_by'),
    importedAt: tstz('imported_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accident_statistics_uq').on(t.areaCode, t.year, t.month, t.category),
    index('accident_statistics_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  ],
);
