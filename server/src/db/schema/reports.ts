// 举报: reports from the public and from other channels, routed to an area by its code (the scope column), and the
// reporter vault — identity and contact sealed with AES-256-GCM in a table of their own, read only by the reveal
// command. Reports' history rows live in state_transitions (record_type 'report').
import { reportStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { parks, users } from './platform';

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the reporter follows the report with: random, unguessable, shown once. */
    trackingCode: text('tracking_code').notNull(),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    channelRef: text('channel_ref'),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id').references(() => parks.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    enterpriseName: text('enterprise_name'),
    address: text('address').notNull(),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    occurredOn: day('occurred_on').notNull(),
    description: text('description').notNull(),
    named: boolean('named').notNull().default(false),
    /** The citizen account that submitted it (null: anonymous visitor or operator intake). */
    submittedBy: uuid('submitted_by').references(() => users.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    status: text('status').notNull().default('received'),
    submittedOn: day('submitted_on').notNull(),
    acceptDue: day('accept_due').notNull(),
    acceptedOn: day('accepted_on'),
    handleDue: day('handle_due'),
    decisionReason: text('decision_reason'),
    transferTarget: text('transfer_target'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    findings: text('findings'),
    reply: text('reply'),
    repliedOn: day('replied_on'),
    closedOn: day('closed_on'),
    // Handling time-limit extension (reports.rules.ts): handle_due already includes it; these say why and by whom.
    extensions: integer('extensions').notNull().default(0),
    extendedDays: integer('extended_days'),
    extensionReason: text('extension_reason'),
    extendedOn: day('extended_on'),
    extendedBy: uuid('extended_by').references(() => users.id),
    /** The routing rule applied at submission (null: the default, the location's own area). */
    routingRuleId: uuid('routing_rule_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /** The earlier report this one was merged into as a duplicate (status 'merged'). */
    mergedInto: uuid('merged_into'),
    /** Reporters behind this report: 1 + those of the reports merged into it (maintained on merge; no identities). */
    reporterCount: integer('reporter_count').notNull().default(1),
  },
  (t) => [
    uniqueIndex('reports_tracking_code_idx').on(t.trackingCode),
    index('reports_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('reports_submitted_by_idx').on(t.submittedBy),
    index('reports_status_idx').on(t.status, t.acceptDue),
    // The "overdue" filter's handling branch (status in accepted/handling and handle_due < today).
    index('reports_handle_due_idx').on(t.status, t.handleDue),
    index('reports_sector_idx').on(t.sector, t.areaCode),
    index('reports_park_idx').on(t.parkId),
    stateCheck('reports', t.status, reportStatuses),
    // Duplicate suggestion: a bounding box on lat/lon (then the exact distance), and the same enterprise.
    index('reports_lat_lon_idx')
      .on(t.lat, t.lon, t.submittedOn)
      .where(sql`${t.lat} is not null`),
    index('reports_enterprise_idx')
      .on(t.enterpriseId, t.submittedOn)
      .where(sql`${t.enterpriseId} is not null`),
    index('reports_enterprise_name_idx')
      .on(sql`lower(${t.enterpriseName})`, t.submittedOn)
      .where(sql`${t.enterpriseName} is not null`),
    index('reports_merged_into_idx')
      .on(t.mergedInto)
      .where(sql`${t.mergedInto} is not null`),
  ],
);

/** The reporter vault: one sealed row per named report (iv ‖ tag ‖ ciphertext, base64); never joined by a view. */
export const reportReporters = pgTable('report_reporters', {
  reportId: uuid('report_id')
    .primaryKey()
    .references(() => reports.id),
  sealed: text('sealed').notNull(),
  keyId: text('key_id').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/**
 * What a report's investigation produced (an inspection, a hidden danger, a penalty case, an accident record for a
 * concealed accident). The report's scope columns are copied so the link list is read through the same predicate.
 */
export const reportLinks = pgTable(
  'report_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    kind: text('kind').notNull(),
    targetId: uuid('target_id').notNull(),
    /** The target's number or name when linked (shown without reading the target's module). */
    label: text('label').notNull(),
    areaCode: text('area_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_links_target_idx').on(t.reportId, t.kind, t.targetId), index('report_links_kind_idx').on(t.kind, t.targetId)],
);

/**
 * Routing rules (configuration, admin-editable, versioned): a report whose location's area code starts with
 * `area_prefix` (and, when set, of `category`) goes to the target area, and to the industry department (`sector`) or
 * park named. The most specific active rule wins (longest prefix, then a category rule, then priority); no rule = the
 * location's own area (the default). `area_prefix` is the scope column: an administrator sees the rules of its area.
 */
export const reportRoutingRules = pgTable(
  'report_routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaPrefix: text('area_prefix').notNull(),
    category: text('category'),
    targetAreaCode: text('target_area_code').notNull(),
    targetSector: text('target_sector'),
    targetParkId: uuid('target_park_id').references(() => parks.id),
    priority: integer('priority').notNull().default(0),
    active: boolean('active').notNull().default(true),
    note: text('note'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('report_routing_rules_prefix_idx').using('btree', sql`${t.areaPrefix} text_pattern_ops`)],
);

/**
 * Abuse controls of the public form: one row per public submission under an HMAC of the client address and of the
 * reporter's phone (keyed with the vault secret: the phone never appears in clear outside the vault). Counted over
 * a sliding window; rows older than the window are dropped on the next submission of the same key.
 */
export const reportSubmissionMarks = pgTable(
  'report_submission_marks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'ip' | 'phone' */
    kind: text('kind').notNull(),
    keyHash: text('key_hash').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('report_submission_marks_key_idx').on(t.kind, t.keyHash, t.at)],
);

/** A challenge issued to a client address that submitted often: single use, expiring; only the answer's hash kept. */
export const reportChallenges = pgTable('report_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  answerHash: text('answer_hash').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});
