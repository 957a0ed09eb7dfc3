// 三项岗位 people of an enterprise and their certificates (issue 16). Both tables copy the enterprise's scope columns
// (area_code, sector, park_id, enterprise_id) so platform/scope.ts filters them without a join. The identity number is
// stored sealed (AES-256-GCM, modules/people/people.vault.ts), beside its masked form and a keyed hash that finds the
// same person twice in one enterprise. `people_summaries` is the maintained aggregate behind the holding rates: one row
// per enterprise, rewritten in the transaction of every write to its people or certificates, and by the daily job on
// the day a counted certificate lapses (`next_change_on`).
import { certificateKinds, certificateStandings, personPosts, spotCheckOutcomes } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { files } from './files';
import { parks, users } from './platform';

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    name: text('name').notNull(),
    idNumberSealed: text('id_number_sealed').notNull(),
    idNumberKeyId: text('id_number_key_id').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    /** HMAC-SHA-256 of the normalised number under the vault key: equal numbers, equal hashes; not reversible. */
    idNumberHash: text('id_number_hash').notNull(),
    phone: text('phone'),
    post: text('post').notNull(),
    postTitle: text('post_title'),
    employedFrom: day('employed_from').notNull(),
    employedTo: day('employed_to'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('people_enterprise_id_number_idx').on(t.enterpriseId, t.idNumberHash),
    index('people_enterprise_idx').on(t.enterpriseId, t.post),
    index('people_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('people_sector_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`),
    index('people_park_idx').on(t.parkId),
    stateCheck('people', t.post, personPosts),
  ],
);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    kind: text('kind').notNull(),
    operationItem: text('operation_item'),
    itemText: text('item_text'),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: day('issued_on').notNull(),
    expiresOn: day('expires_on').notNull(),
    reviewedOn: day('reviewed_on'),
    reviewExtended: boolean('review_extended').notNull().default(false),
    nextReviewOn: day('next_review_on'),
    /** The next date something is due: nextReviewOn, else expiresOn (kept with the row; the expiry list's key). */
    dueOn: day('due_on').notNull(),
    revokedOn: day('revoked_on'),
    revokeReason: text('revoke_reason'),
    /** The certificate machine's state (people/certificates.workflow.ts): held until revoked. */
    standing: text('standing').notNull().default('held'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('certificates_person_idx').on(t.personId),
    index('certificates_enterprise_idx').on(t.enterpriseId, t.dueOn),
    // The expiry list: scope by area prefix, ordered by the due date.
    index('certificates_area_due_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.dueOn),
    index('certificates_sector_due_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`, t.dueOn),
    index('certificates_park_due_idx').on(t.parkId, t.dueOn),
    index('certificates_due_idx').on(t.dueOn),
    stateCheck('certificates', t.kind, certificateKinds),
    stateCheck('certificates', t.standing, certificateStandings),
  ],
);

export const peopleSummaries = pgTable(
  'people_summaries',
  {
    enterpriseId: uuid('enterprise_id')
      .primaryKey()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    /** Current people in 三项岗位 posts (rules.md §5.3). */
    postPeople: integer('post_people').notNull().default(0),
    /** Of them, those holding a certificate valid on `computedOn` for their post. */
    postHolders: integer('post_holders').notNull().default(0),
    computedOn: day('computed_on').notNull(),
    /** The first day the counts may change without a write (a counted certificate lapses, someone leaves). */
    nextChangeOn: day('next_change_on'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('people_summaries_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('people_summaries_sector_idx').using('btree', t.sector, sql`${t.areaCode} text_pattern_ops`),
    index('people_summaries_park_idx').on(t.parkId),
    index('people_summaries_next_change_idx').on(t.nextChangeOn),
  ],
);

/**
 * 复训 duties: a fatal accident at an enterprise (the accident.register event with deaths > 0) obliges its principal
 * and safety managers employed that day to retrain within the configured period (people.rules.ts). One row per event
 * and person (the consumer is idempotent by that key); completion is recorded when training exists (issue 16 §3).
 */
export const retrainingDuties = pgTable(
  'retraining_duties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    /** The accident (its id as the event carries it). */
    accidentId: text('accident_id').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    dueOn: day('due_on').notNull(),
    completedOn: day('completed_on'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('retraining_duties_event_person_idx').on(t.eventId, t.personId),
    index('retraining_duties_person_idx').on(t.personId),
    index('retraining_duties_area_due_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.dueOn),
  ],
);

/**
 * 抽查 of certificate holders (seed 000 五(五)18). A spot check is the draw: its rule (area, sector, kind, size or
 * ratio), the population the rule matched and the seed that ordered it (the draw is md5(seed || certificate id), so it
 * can be replayed from the row). Scope by the rule's area (and sector).
 */
export const spotChecks = pgTable(
  'spot_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    kind: text('kind'),
    sampleSize: integer('sample_size').notNull(),
    ratio: real('ratio'),
    population: integer('population').notNull(),
    seed: text('seed').notNull(),
    drawnOn: day('drawn_on').notNull(),
    drawnBy: uuid('drawn_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('spot_checks_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.drawnOn)],
);

/** One sampled holder: the certificate, its enterprise's scope columns, and the outcome once recorded. */
export const spotCheckItems = pgTable(
  'spot_check_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spotCheckId: uuid('spot_check_id')
      .notNull()
      .references(() => spotChecks.id),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    outcome: text('outcome'),
    checkedOn: day('checked_on'),
    note: text('note'),
    photoId: uuid('photo_id').references(() => files.id),
    revoked: boolean('revoked').notNull().default(false),
    checkedBy: uuid('checked_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('spot_check_items_check_certificate_idx').on(t.spotCheckId, t.certificateId),
    index('spot_check_items_certificate_idx').on(t.certificateId),
    stateCheck('spot_check_items', t.outcome, spotCheckOutcomes),
  ],
);
