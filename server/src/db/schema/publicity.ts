// Publicity reach (issue 16 §5). A campaign belongs to the issuing office's area; its targets are the enterprises of
// that area (and sector) when it was created, each row copying the enterprise's scope columns so platform/scope.ts
// filters them without a join. `publicity_deliveries` holds one row per target and item (the first delivery counts);
// `publicity_coverage` is the maintained aggregate behind coverage per street and sector: targets and reached per
// campaign, area code and sector, rewritten in the transaction of every delivery that completes a target.
import { campaignKinds, publicityChannels, publicityItems } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { enterprises } from './enterprises';
import { parks, users } from './platform';

export const publicityCampaigns = pgTable(
  'publicity_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    theme: text('theme'),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    items: text('items').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('publicity_campaigns_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.startsOn),
    stateCheck('publicity_campaigns', t.kind, campaignKinds),
  ],
);

export const publicityTargets = pgTable(
  'publicity_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => publicityCampaigns.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    parkId: uuid('park_id').references(() => parks.id),
    reached: boolean('reached').notNull().default(false),
    reachedAt: tstz('reached_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('publicity_targets_campaign_enterprise_idx').on(t.campaignId, t.enterpriseId),
    index('publicity_targets_enterprise_idx').on(t.enterpriseId),
    index('publicity_targets_unreached_idx')
      .using('btree', t.campaignId, sql`${t.areaCode} text_pattern_ops`)
      .where(sql`not ${t.reached}`),
  ],
);

export const publicityDeliveries = pgTable(
  'publicity_deliveries',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => publicityTargets.id),
    item: text('item').notNull(),
    channel: text('channel').notNull(),
    /** What delivered it: a grid visit's id, a training session's id, the confirming or recording account. */
    sourceId: text('source_id'),
    deliveredAt: tstz('delivered_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.targetId, t.item] }),
    stateCheck('publicity_deliveries', t.item, publicityItems),
    stateCheck('publicity_deliveries', t.channel, publicityChannels),
  ],
);

export const publicityCoverage = pgTable(
  'publicity_coverage',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => publicityCampaigns.id),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    targets: integer('targets').notNull().default(0),
    reached: integer('reached').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.areaCode, t.sector] })],
);
