// 警兆知识库: early-warning rules owned by an area (area_code = the issuing bureau's area, the scope column), their
// versions (the definition as data: condition kind + params, level, recipients, action; draft → active → retired,
// at most one active per rule), and the warnings they fire — scoped by their subject's own area/sector/park/enterprise,
// one per (rule, subject, period). Version and warning history rows live in state_transitions.
import { ruleVersionStatuses, warningStatuses } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { day, stateCheck, tstz } from './columns';
import { users } from './platform';

export const warningRules = pgTable(
  'warning_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    areaCode: text('area_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('warning_rules_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`)],
);

export const warningRuleVersions = pgTable(
  'warning_rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => warningRules.id),
    areaCode: text('area_code').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').notNull().default('draft'),
    conditionKind: text('condition_kind').notNull(),
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    level: text('level').notNull(),
    recipients: text('recipients').array().notNull(),
    action: text('action').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    activatedAt: tstz('activated_at'),
    retiredAt: tstz('retired_at'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('warning_rule_versions_seq_uq').on(t.ruleId, t.seq),
    // Only one active version per rule: the database holds it even against two activations racing.
    uniqueIndex('warning_rule_versions_active_uq')
      .on(t.ruleId)
      .where(sql`${t.status} = 'active'`),
    index('warning_rule_versions_status_idx').on(t.status),
    stateCheck('warning_rule_versions', t.status, ruleVersionStatuses),
  ],
);

export const warnings = pgTable(
  'warnings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => warningRules.id),
    ruleVersionId: uuid('rule_version_id')
      .notNull()
      .references(() => warningRuleVersions.id),
    level: text('level').notNull(),
    /** 'YYYY-MM' (China time) of the evaluation day: one warning per rule, subject and period. */
    period: text('period').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    subjectLabel: text('subject_label').notNull(),
    enterpriseId: uuid('enterprise_id'),
    areaCode: text('area_code').notNull(),
    sector: text('sector'),
    parkId: uuid('park_id'),
    evidence: jsonb('evidence')
      .$type<{ summary: string; count: number; items: { id: string; label: string; date: string | null }[] }>()
      .notNull(),
    action: text('action').notNull(),
    status: text('status').notNull().default('open'),
    firedOn: day('fired_on').notNull(),
    handledNote: text('handled_note'),
    closedNote: text('closed_note'),
    escalatedOn: day('escalated_on'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('warnings_dedupe_uq').on(t.ruleId, t.subjectType, t.subjectId, t.period),
    index('warnings_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`, t.status),
    index('warnings_sector_idx').on(t.sector, t.areaCode),
    index('warnings_park_idx').on(t.parkId),
    index('warnings_enterprise_idx').on(t.enterpriseId),
    index('warnings_status_fired_idx').on(t.status, t.firedOn),
    stateCheck('warnings', t.status, warningStatuses),
  ],
);
