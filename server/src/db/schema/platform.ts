// Platform tables: the jurisdiction tree, organisations, accounts, sessions and the audit log.
import { tstz } from './columns';
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Areas use national codes whose prefixes nest (44 → 4403 → 440307 → 440307003 → 440307003002 → grid),
 * so `prefix` turns "this area and everything under it" into one indexed `LIKE 'prefix%'`.
 */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    prefix: text('prefix').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('areas_parent_idx').on(t.parentCode), index('areas_prefix_idx').using('btree', sql`${t.prefix} text_pattern_ops`)],
);

export const parks = pgTable('parks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  areaCode: text('area_code')
    .notNull()
    .references(() => areas.code),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    parkId: uuid('park_id').references(() => parks.id),
    sectors: text('sectors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('organisations_area_idx').on(t.areaCode)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    orgId: uuid('org_id').references(() => organisations.id),
    enterpriseId: uuid('enterprise_id'),
    phone: text('phone'),
    /** 行政执法证号: printed with the officer's name on every 执法文书 they sign (public, not masked). */
    enforcementCertNo: text('enforcement_cert_no'),
    status: text('status').notNull().default('active'),
    failedLogins: smallint('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    /** The last wrong password: the next attempt waits a delay growing with failedLogins (throttling before the lock). */
    lastFailedLoginAt: tstz('last_failed_login_at'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`), index('users_org_idx').on(t.orgId)],
);

/** Only a SHA-256 of the session id is stored, so a database dump cannot hijack sessions. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only and hash-chained; a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    result: text('result').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_actor_idx').on(t.actorId, t.id),
    index('audit_at_idx').on(t.at),
  ],
);

/**
 * The hash chain over the audit log, one link an entry, written after commit by the chainer (platform/audit.ts) so the
 * log itself is never updated. `seq` is the chain's order: the order entries became visible, roughly commit order.
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_chain_audit_idx').on(t.auditId)],
);

/**
 * Ids below the chainer's frontier that were not visible when it passed them: an entry of a transaction still open
 * then (linked when it commits), or one rolled back (never). Kept a day, then dropped; verification links any entry
 * still unlinked.
 */
export const auditChainGaps = pgTable('audit_chain_gaps', {
  fromId: bigint('from_id', { mode: 'number' }).primaryKey(),
  toId: bigint('to_id', { mode: 'number' }).notNull(),
  seenAt: tstz('seen_at').notNull().defaultNow(),
});

/**
 * Login throttling state that is not an account's own: `account:<lower username>` for names that do not exist (so
 * they are delayed and locked exactly like real accounts, and the answer does not reveal which names exist) and
 * `ip:<address>` for failures from one client address across accounts (password spraying). In the database so every
 * instance sharing it sees the same counts.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: tstz('last_failure_at').notNull(),
    blockedUntil: tstz('blocked_until'),
  },
  (t) => [index('login_throttle_last_failure_idx').on(t.lastFailureAt)],
);

/** Gap-free counters (document numbers per organisation and year, etc.), incremented under a row lock. */
export const counters = pgTable('counters', {
  key: text('key').primaryKey(),
  value: integer('value').notNull().default(0),
});
