// Occupational health (issue 16 §6). `oh_profiles` is one row per enterprise registered as having occupational-hazard
// factors (普查): the latest declaration, detection, equipment issue and grade, and the flags the rates count, kept by
// refreshProfile (modules/occupational-health) from the source rows in the transaction of every write. `oh_rate_cells`
// is the maintained aggregate behind the rates: the profiles' flags summed per area code and sector, moved by the
// difference between a profile's old and new flags. `lapses_on` is the first day a flag would change by time alone
// (a detection, an equipment issue or a periodic check growing old), so the daily job refreshes only those profiles.
import { ohCheckKinds, ohCheckResults, ohGrades } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { parks, users } from './platform';

export type OhDeclarationItem = { factor: string; category: string; exposed: number };
export type OhDetectionResult = { factor: string; passed: boolean; value?: string };

const scope = () => ({
  enterpriseId: uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id),
  areaCode: text('area_code').notNull(),
  sector: text('sector').notNull(),
  parkId: uuid('park_id').references(() => parks.id),
});

export const ohProfiles = pgTable(
  'oh_profiles',
  {
    ...scope(),
    declaredOn: day('declared_on'),
    declarationItems: jsonb('declaration_items').$type<OhDeclarationItem[]>().notNull().default([]),
    lastDetectionOn: day('last_detection_on'),
    lastDetectionPassed: boolean('last_detection_passed'),
    nextDetectionDue: day('next_detection_due'),
    lastPpeOn: day('last_ppe_on'),
    grade: text('grade'),
    gradedOn: day('graded_on'),
    // The counted flags (what oh_rate_cells holds for this enterprise).
    declared: boolean('declared').notNull().default(false),
    detected: boolean('detected').notNull().default(false),
    ppe: boolean('ppe').notNull().default(false),
    graded: boolean('graded').notNull().default(false),
    exposedWorkers: integer('exposed_workers').notNull().default(0),
    workersChecked: integer('workers_checked').notNull().default(0),
    lapsesOn: day('lapses_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId] }),
    index('oh_profiles_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('oh_profiles_due_idx').on(t.nextDetectionDue),
    index('oh_profiles_lapse_idx').on(t.lapsesOn),
    // A park station's rates are summed from its park's profiles (the rate cells carry no park): one range here.
    index('oh_profiles_park_idx')
      .on(t.parkId)
      .where(sql`${t.parkId} is not null`),
    stateCheck('oh_profiles', t.grade, ohGrades),
  ],
);

export const ohDeclarations = pgTable(
  'oh_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...scope(),
    declaredOn: day('declared_on').notNull(),
    items: jsonb('items').$type<OhDeclarationItem[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('oh_declarations_enterprise_idx').on(t.enterpriseId, t.declaredOn)],
);

export const ohDetections = pgTable(
  'oh_detections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...scope(),
    reportNo: text('report_no').notNull(),
    agency: text('agency').notNull(),
    detectedOn: day('detected_on').notNull(),
    results: jsonb('results').$type<OhDetectionResult[]>().notNull(),
    passed: boolean('passed').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('oh_detections_enterprise_idx').on(t.enterpriseId, t.detectedOn),
    uniqueIndex('oh_detections_report_idx').on(t.enterpriseId, t.reportNo),
  ],
);

export const ohPpeIssues = pgTable(
  'oh_ppe_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...scope(),
    issuedOn: day('issued_on').notNull(),
    item: text('item').notNull(),
    quantity: integer('quantity').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('oh_ppe_issues_enterprise_idx').on(t.enterpriseId, t.issuedOn)],
);

/** An employee exposed to hazard factors. Name and identity number are personal data (platform/masking.ts healthRecord). */
export const ohWorkers = pgTable(
  'oh_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...scope(),
    name: text('name').notNull(),
    /** Sealed with the staff identity vault (modules/people/people.vault.ts); the hash finds the same number twice. */
    idNumberSealed: text('id_number_sealed').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    post: text('post').notNull(),
    factors: text('factors').array().notNull(),
    employedFrom: day('employed_from').notNull(),
    leftOn: day('left_on'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('oh_workers_enterprise_idx').on(t.enterpriseId, t.name),
    uniqueIndex('oh_workers_enterprise_id_number_idx').on(t.enterpriseId, t.idNumberHash),
  ],
);

export const ohHealthChecks = pgTable(
  'oh_health_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => ohWorkers.id),
    ...scope(),
    kind: text('kind').notNull(),
    checkedOn: day('checked_on').notNull(),
    result: text('result').notNull(),
    institution: text('institution').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('oh_health_checks_worker_idx').on(t.workerId, t.checkedOn),
    stateCheck('oh_health_checks', t.kind, ohCheckKinds),
    stateCheck('oh_health_checks', t.result, ohCheckResults),
  ],
);

export const ohRateCells = pgTable(
  'oh_rate_cells',
  {
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    enterprises: integer('enterprises').notNull().default(0),
    declared: integer('declared').notNull().default(0),
    detected: integer('detected').notNull().default(0),
    ppe: integer('ppe').notNull().default(0),
    graded: integer('graded').notNull().default(0),
    exposedWorkers: integer('exposed_workers').notNull().default(0),
    workersChecked: integer('workers_checked').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.areaCode, t.sector] })],
);
