// Several writes sent as one statement: each becomes a data-modifying CTE (`with w0 as (update …), w1 as (insert …)
// insert …`). A command's record update and its side records — its transition, its domain event, its audit entry —
// are otherwise one round trip each, and on a busy instance a round trip costs more in the driver (building the
// query, a socket write, parsing the reply) than the write costs the database. One statement is one atomic step, so
// with a guard it needs no transaction either: the exam hand-in (issue 16: 200 examinees at the bell) went from twelve
// round trips to two — the read, then this.
//
// The guard is an update of the command's record conditional on the version it read (`.returning()` a column). When
// it writes no row — another request changed the record in between — the statement's select of write_guard(false)
// raises (functions/write_guard.sql) and nothing of it is written; `StaleWrite` tells the command to read again.
//
// Data-modifying CTEs are PostgreSQL 9.1+ and accepted by KingbaseES, HighGo and openGauss. Every part sees the
// snapshot from before the statement, so the writes must not depend on each other's rows, and no two may write the
// same row. Use the `…Insert` builders (outbox.ts, state-history.ts, audit.ts) or any drizzle insert or update not
// yet awaited.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from './db';
import { executeNamed } from './prepared';

/** The guarded record changed since it was read: nothing was written. */
export class StaleWrite extends Error {
  constructor() {
    super('the record changed since it was read');
  }
}

const GUARD_FAILED = 'AJ409';

/** `prepared`: send it as a named statement (prepared.ts) — for a hot command whose statement has a fixed shape. */
export async function writeTogether(db: DbOrTx, writes: SQLWrapper[], o: { guard?: SQLWrapper; prepared?: boolean } = {}): Promise<void> {
  const execute = (statement: SQL) => (o.prepared ? executeNamed(db, statement) : db.execute(statement));
  // getSQL(): a query builder embedded as itself is put in parentheses, which a CTE body or a statement may not be.
  const parts = writes.map((w) => w.getSQL());
  const cte = (body: SQL, i: number) => sql`${sql.raw(`w${i}`)} as (${body})`;
  if (o.guard) {
    const ctes = [sql`g as (${o.guard.getSQL()})`, ...parts.map(cte)];
    try {
      await execute(sql`with ${sql.join(ctes, sql`, `)} select write_guard(exists (select 1 from g))`);
    } catch (e) {
      if ((e as { cause?: { code?: string } }).cause?.code === GUARD_FAILED) throw new StaleWrite();
      throw e;
    }
    return;
  }
  if (parts.length === 0) return;
  const last = parts.pop()!;
  await execute(parts.length === 0 ? last : sql`with ${sql.join(parts.map(cte), sql`, `)} ${last}`);
}
