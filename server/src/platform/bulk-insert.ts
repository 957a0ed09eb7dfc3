// A multi-row INSERT sent as one JSON parameter and unpacked by json_to_recordset, for the paths that write hundreds
// of rows a statement (a daily sweep's events, the credit entries of a consumer batch). drizzle's insert builder
// spends ~4.5 µs of CPU on every bound value: a 500-row credit batch of 14 columns took 30–60 ms to build before
// PostgreSQL saw it, and the first sweep over a province's million enterprises spent ~100 s of the server's CPU there
// (profiled 2026-12-06). Here the rows are mapped as drizzle would map them and serialised once.
//
// The statement is the one the codebase already writes by hand (people import, audit entries): json_to_recordset is
// in PostgreSQL since 9.4 and in the PostgreSQL-derived databases the platform targets.
import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

const isJson = (c: PgColumn) => c.columnType === 'PgJson' || c.columnType === 'PgJsonb';

/** The column's type as a record definition names it (a serial column's values are plain integers). */
const SERIAL: Record<string, string> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };
const recordType = (c: PgColumn) => SERIAL[c.getSQLType()] ?? c.getSQLType();

/**
 * A column value as json_to_recordset reads it: drizzle's own driver mapping (an array becomes PostgreSQL's array
 * literal, read back by the array type's input), dates as ISO text, JSON as JSON.
 */
function jsonValue(c: PgColumn, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isJson(c)) return v;
  const mapped = c.mapToDriverValue(v);
  return mapped instanceof Date ? mapped.toISOString() : mapped;
}

/** A row's value for a column it leaves out: NULL, or the column's default where other rows set the column. */
function absent(table: PgTable, c: PgColumn): unknown {
  if (!c.hasDefault) return null;
  if (c.default !== undefined && !is(c.default, SQL)) return c.default;
  throw new Error(`insertRowsSql(${getTableName(table)}): some rows set ${c.name} and some leave it to its SQL default`);
}

/**
 * `insert into <table> (<columns>) select … from json_to_recordset($1)` for `rows`, followed by `tail` (an ON CONFLICT
 * clause, RETURNING). The columns are those any row sets. A row that leaves one of them out gets what drizzle gives
 * it: the column's default value, or NULL; a default that is SQL (now(), a sequence) cannot be sent as a value, so a
 * column with one must be set by every row or by none (checked: a mix throws).
 */
export function insertRowsSql<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], tail: SQL = sql``): SQL {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(columns).filter((k) => rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const json = JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const k of keys) {
        const c = columns[k]!;
        const v = (r as Record<string, unknown>)[k];
        o[c.name] = jsonValue(c, v === undefined ? absent(table, c) : v);
      }
      return o;
    }),
  );
  const names = keys.map((k) => sql.identifier(columns[k]!.name));
  const typed = keys.map((k) => sql`${sql.identifier(columns[k]!.name)} ${sql.raw(recordType(columns[k]!))}`);
  return sql`
    insert into ${table} (${sql.join(names, sql`, `)})
    select ${sql.join(
      names.map((n) => sql`x.${n}`),
      sql`, `,
    )}
      from json_to_recordset(${json}::json) as x(${sql.join(typed, sql`, `)})
    ${tail}`;
}
