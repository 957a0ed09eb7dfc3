// The history of records whose state machine has no timeline table of its own (risk events, inspections, check
// tasks, accident investigations): one row per action, written by the record's writer in the same transaction as
// the status column. Hidden dangers and penalty cases keep theirs in hazard_events and penalty_case_events.
import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

export const stateTransitions = pgTable(
  'state_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The machine's record type (risk_event, inspection, check_task, accident_investigation). */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    evidence: jsonb('evidence').notNull().default({}),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('state_transitions_record_idx').on(t.recordType, t.recordId, t.id)],
);
