// 责任清单与责任书: an enterprise's whole-staff responsibility list (one row per post with its duties and the post
// letter signed for a year) and the government's target-responsibility letters district → street → community /
// enterprise. A letter's scope columns are its recipient's (area, sector, park, enterprise), so the issuer — always
// one level up — reads it through the same prefix predicate; status only through writeLetter (its machine).
import { letterStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { organisations } from './platform';

export const responsibilityPosts = pgTable(
  'responsibility_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    post: text('post').notNull(),
    holderName: text('holder_name'),
    duties: jsonb('duties').$type<string[]>().notNull(),
    /** The post letter (全员岗位安全生产责任书): the year it was signed for, when and by whom. */
    letterYear: smallint('letter_year'),
    letterSignedOn: day('letter_signed_on'),
    letterSigner: text('letter_signer'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('responsibility_posts_post_uq').on(t.enterpriseId, t.post),
    index('responsibility_posts_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  ],
);

export type LetterTargetRow = { text: string; indicatorKey: string | null; value: string | null };

export const responsibilityLetters = pgTable(
  'responsibility_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    parentId: uuid('parent_id'),
    issuerOrgId: uuid('issuer_org_id').references(() => organisations.id),
    issuerName: text('issuer_name').notNull(),
    issuerAreaCode: text('issuer_area_code').notNull(),
    /** street | community | enterprise */
    recipientKind: text('recipient_kind').notNull(),
    recipientName: text('recipient_name').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    schemeId: uuid('scheme_id'),
    targets: jsonb('targets').$type<LetterTargetRow[]>().notNull(),
    status: text('status').notNull(),
    issuedOn: day('issued_on'),
    signedOn: day('signed_on'),
    signerName: text('signer_name'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('responsibility_letters_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.year),
    index('responsibility_letters_enterprise_idx').on(t.enterpriseId),
    index('responsibility_letters_parent_idx').on(t.parentId),
    stateCheck('responsibility_letters', t.status, letterStatuses),
  ],
);
