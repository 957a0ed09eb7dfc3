// 安责险 policies and 安全生产标准化 records (issue 17 §6–7). Both carry the enterprise's scope columns (area_code,
// sector, park_id, enterprise_id) copied at write time and kept in step by the insurance consumer when the enterprise
// moves, so the scope predicate is a plain indexed WHERE on the table itself.
// Standardization records are the grade's history and its source of truth; each write mirrors the resulting grade,
// date and expiry onto enterprises.standardization_* in the same transaction so existing pages and filters keep working.
import { standardizationGrades, standardizationRecordKinds } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, tstz } from './columns';
import { enterprises } from './enterprises';
import { users } from './platform';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const insurancePolicies = pgTable(
  'insurance_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    insurer: text('insurer').notNull(),
    policyNo: text('policy_no').notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    insuredPersons: integer('insured_persons').notNull(),
    premiumFen: bigint('premium_fen', { mode: 'number' }).notNull(),
    rateFactor: doublePrecision('rate_factor').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('insurance_policies_number_uq').on(t.enterpriseId, t.policyNo),
    // The coverage check's anti-join ("a policy of this enterprise in force today") and the enterprise tab.
    index('insurance_policies_enterprise_idx').on(t.enterpriseId, t.endsOn, t.startsOn),
    // Expiring policies and the daily reminder: a range on ends_on.
    index('insurance_policies_ends_idx').on(t.endsOn),
    index('insurance_policies_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.endsOn),
    index('insurance_policies_sector_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`),
    index('insurance_policies_park_idx').on(t.parkId),
    check('insurance_policies_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('insurance_policies_amounts_check', sql`${t.premiumFen} >= 0 and ${t.insuredPersons} >= 0 and ${t.rateFactor} > 0`),
  ],
);

export const standardizationRecords = pgTable(
  'standardization_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    kind: text('kind').notNull(),
    /** The grade after this record; null once revoked. */
    grade: text('grade'),
    previousGrade: text('previous_grade'),
    certifyingBody: text('certifying_body'),
    certifiedOn: day('certified_on'),
    expiresOn: day('expires_on'),
    note: text('note'),
    accidentId: uuid('accident_id'),
    /** `event:<id>` for a record written by an event consumer: a redelivered event inserts nothing. */
    sourceKey: text('source_key'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('standardization_records_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('standardization_records_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.createdAt),
    index('standardization_records_sector_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`),
    index('standardization_records_park_idx').on(t.parkId),
    uniqueIndex('standardization_records_source_uq').on(t.enterpriseId, t.sourceKey),
    check('standardization_records_kind_check', sql`${t.kind} in (${inList(standardizationRecordKinds)})`),
    check('standardization_records_grade_check', sql`${t.grade} is null or ${t.grade} in (${inList(standardizationGrades)})`),
  ],
);

/**
 * The deployment's 安责险 settings, edited in the app by the district bureau (insurance.settings.ts): today one key,
 * 'mandatory' = { sectors, tags }, the sectors and hazard tags that must hold a policy; absent, insurance.rules.ts's
 * documented defaults apply. `version` guards concurrent edits; every change is audited with before and after.
 */
export const insuranceSettings = pgTable('insurance_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
