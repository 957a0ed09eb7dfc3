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
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('reports_tracking_code_idx').on(t.trackingCode),
    index('reports_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    index('reports_submitted_by_idx').on(t.submittedBy),
    index('reports_status_idx').on(t.status, t.acceptDue),
    stateCheck('reports', t.status, reportStatuses),
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
