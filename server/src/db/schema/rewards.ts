// 举报奖励: the verification finding of a report (one row per report, written by its own audited command, never by
// the report's status writer) and the reward record that follows a verified named report. Scope columns are the
// report's, copied when a row is written, so every read is one WHERE on the table itself. Money is kept in fen
// (integers) so 15 % of a fine rounds once, at the rule. The reporter is in neither table: only in the vault.
import { rewardStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { files } from './files';
import { users } from './platform';
import { reports } from './reports';

export const reportVerifications = pgTable('report_verifications', {
  reportId: uuid('report_id')
    .primaryKey()
    .references(() => reports.id),
  areaCode: text('area_code').notNull(),
  /** verified | partly_verified | unfounded */
  finding: text('finding').notNull(),
  note: text('note').notNull(),
  recordedOn: day('recorded_on').notNull(),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const reportRewards = pgTable(
  'report_rewards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .unique()
      .references(() => reports.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    enterpriseId: uuid('enterprise_id'),
    /** The year the reward fell due: the rate "paid / due" is counted per year. */
    year: integer('year').notNull(),
    status: text('status').notNull().default('due'),
    finding: text('finding').notNull(),
    dueOn: day('due_on').notNull(),
    /** The day the report was accepted: the first-valid-reporter rule compares it. */
    reportAcceptedOn: day('report_accepted_on'),
    matter: text('matter'),
    fineFen: bigint('fine_fen', { mode: 'number' }),
    accidentLevel: text('accident_level'),
    deaths: integer('deaths'),
    basisRef: text('basis_ref'),
    /**
     * Where fine_fen came from: 'case' — read by the rewards consumer from the linked penalty decisions (fine_cases
     * lists them: id, number, fine in fen); 'manual' — typed by the proposer (a matter decided outside the system).
     */
    fineSource: text('fine_source'),
    fineCases: jsonb('fine_cases').$type<{ caseId: string; number: string; fineFen: number }[]>(),
    fineReadOn: day('fine_read_on'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    computation: text('computation'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedOn: day('proposed_on'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedOn: day('approved_on'),
    paidOn: day('paid_on'),
    payMethod: text('pay_method'),
    receiptNo: text('receipt_no'),
    /** The payment voucher (凭证) uploaded at payment, owned by this reward in files; or why there is none. */
    receiptFileId: uuid('receipt_file_id').references(() => files.id),
    noReceiptReason: text('no_receipt_reason'),
    /** Last day the reporter may claim an approved reward (rewards.rules.ts claimDueOf); the lapse job reads it. */
    claimDue: day('claim_due'),
    /** Why it was declined, returned or lapsed. */
    reason: text('reason'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // The rate reads one year of the caller's subtree grouped by area; the list pages by due day.
    index('report_rewards_year_area_idx').using('btree', t.year, sql`${t.areaCode} text_pattern_ops`),
    index('report_rewards_area_due_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.dueOn),
    index('report_rewards_basis_idx')
      .on(t.basisRef)
      .where(sql`${t.basisRef} is not null`),
    stateCheck('report_rewards', t.status, rewardStatuses),
    // The daily lapse job and the claim reminders read approved rewards by their claim day.
    index('report_rewards_claim_idx')
      .on(t.claimDue)
      .where(sql`${t.status} = 'approved'`),
  ],
);
