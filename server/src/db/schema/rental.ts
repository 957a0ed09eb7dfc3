// 出租屋安全生产备案: premises with their landlord and occupancy, and 备案 (filings) before letting to a business —
// tenant, intended use, lease, the landlord's signed commitment, community acceptance. A filing counts while it is
// accepted and its lease has not ended; premises let to a business without one are listed for the grid.
import { rentalFilingStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { users } from './platform';

export const rentalPremises = pgTable(
  'rental_premises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    address: text('address').notNull(),
    landlordKind: text('landlord_kind').notNull(),
    landlordName: text('landlord_name').notNull(),
    landlordPhone: text('landlord_phone'),
    /** vacant | self_use | let_to_business */
    occupancy: text('occupancy').notNull(),
    /** Who occupies it now, as seen on patrol (the filing names the tenant formally). */
    occupantName: text('occupant_name'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('rental_premises_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.occupancy)],
);

export const rentalFilings = pgTable(
  'rental_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    premisesId: uuid('premises_id')
      .notNull()
      .references(() => rentalPremises.id),
    areaCode: text('area_code').notNull(),
    tenantName: text('tenant_name').notNull(),
    tenantEnterpriseId: uuid('tenant_enterprise_id').references(() => enterprises.id),
    intendedUse: text('intended_use').notNull(),
    leaseStart: day('lease_start').notNull(),
    /** The filing expires with the lease. */
    leaseEnd: day('lease_end').notNull(),
    /** The commitment text as shown when signed (configurable text, kept as signed). */
    commitmentText: text('commitment_text').notNull(),
    commitmentSigned: boolean('commitment_signed').notNull(),
    signerName: text('signer_name').notNull(),
    signedAt: tstz('signed_at').notNull(),
    status: text('status').notNull().default('submitted'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('rental_filings_premises_idx').on(t.premisesId, t.status, t.leaseEnd),
    index('rental_filings_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.status),
    stateCheck('rental_filings', t.status, rentalFilingStatuses),
  ],
);
