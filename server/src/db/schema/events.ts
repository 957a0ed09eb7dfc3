// Domain events (the outbox), what each consumer has processed, daily-job runs, and notifications.
// An event is appended in the transaction that changes its record (platform/outbox.ts) and carries the record's
// scope columns, so reading events uses the same scope predicate as reading records.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, tstz } from './columns';
import { users } from './platform';

export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    enterpriseId: uuid('enterprise_id'),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    actorId: uuid('actor_id'),
    payload: jsonb('payload').notNull().default({}),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
    /** Set when the relay has handed the event to every consumer's queue (in the same transaction). */
    relayedAt: tstz('relayed_at'),
  },
  (t) => [
    index('domain_events_unrelayed_idx')
      .on(t.id)
      .where(sql`${t.relayedAt} is null`),
    index('domain_events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('domain_events_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.id),
  ],
);

/** One row per (consumer, event) processed, written in the consumer's transaction: a second delivery is a no-op. */
export const eventConsumerMarks = pgTable(
  'event_consumer_marks',
  {
    consumer: text('consumer').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    processedAt: tstz('processed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

/** A daily job that finished for a China calendar day; a later trigger the same day (cron, start-up) skips it. */
export const dailyJobRuns = pgTable(
  'daily_job_runs',
  {
    name: text('name').notNull(),
    day: day('day').notNull(),
    finishedAt: tstz('finished_at').notNull().defaultNow(),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.name, t.day] })],
);

/**
 * A user's inbox item. `dedupe_key` makes rules and consumers idempotent per recipient (one "due in 3 working
 * days" reminder per hidden danger and deadline, one assignment notice per event).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    link: text('link'),
    dueOn: day('due_on'),
    eventId: bigint('event_id', { mode: 'number' }),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    readAt: tstz('read_at'),
    /** Waiting for the e-mail/webhook pass (the recipient wants them and not as a digest). */
    externalPending: boolean('external_pending').notNull().default(false),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt.desc(), t.id),
    index('notifications_unread_idx')
      .on(t.userId, t.kind)
      .where(sql`${t.readAt} is null`),
    index('notifications_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.externalPending}`),
  ],
);

/** Per-user channels; no row means in-app only, no digest. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  email: text('email'),
  emailEnabled: boolean('email_enabled').notNull().default(false),
  webhookEnabled: boolean('webhook_enabled').notNull().default(false),
  /** Collect the day's messages into one digest instead of sending each at once. */
  dailyDigest: boolean('daily_digest').notNull().default(false),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** Every attempt to deliver outside the app: the administrator's delivery log. Recipients are stored masked. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: uuid('notification_id'),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(1),
    error: text('error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('notification_deliveries_created_idx').on(t.createdAt.desc(), t.id)],
);
