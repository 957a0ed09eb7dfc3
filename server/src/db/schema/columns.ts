// Column helpers shared by every schema file: instants are timestamptz read as Date; calendar dates
// stay 'YYYY-MM-DD' text on both engines.
import { sql } from 'drizzle-orm';
import { check, date, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const day = (name: string) => date(name, { mode: 'string' });

/**
 * CHECK (column IN (states)) named <table>_<column>_check: a status column holds only the states its record's
 * state machine lists (platform/state-machine.ts); the list is passed from the same constant the machine uses.
 */
export const stateCheck = (table: string, column: AnyPgColumn, states: readonly string[]) =>
  check(`${table}_${column.name}_check`, sql`${column} in (${sql.raw(states.map((s) => `'${s}'`).join(', '))})`);
