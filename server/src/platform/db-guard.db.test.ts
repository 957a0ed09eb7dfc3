// The test databases refuse the outer handle inside a transaction opened from it (the user-edit freeze:
// on PGlite such a query waits for the transaction forever). Runs on whichever engine the project selects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../test/db';
import { OuterHandleInTransactionError, rowsOf, type Database } from './db';
import { organisations } from '../db/schema';

let d: Database;
beforeAll(async () => {
  d = await openTestDatabase();
});
afterAll(() => d.close());

// Drizzle wraps a failed query's error in DrizzleQueryError; the guard's error is its cause.
const guardError = (e: unknown) =>
  e instanceof OuterHandleInTransactionError || (e as { cause?: unknown }).cause instanceof OuterHandleInTransactionError;

describe('outer database handle inside its own transaction', () => {
  it('throws a clear error for a select, a raw statement and a nested transaction on the outer handle', async () => {
    const { db } = d;
    await expect(db.transaction(async () => db.select().from(organisations))).rejects.toSatisfy(guardError);
    await expect(db.transaction(async () => db.execute(sql`select 1`))).rejects.toSatisfy(guardError);
    await expect(db.transaction(async () => db.transaction(async (tx) => tx.execute(sql`select 1`)))).rejects.toSatisfy(guardError);
  });

  it('catches the misuse deep in awaited helpers, then the database keeps answering', async () => {
    const { db } = d;
    const helper = async () => {
      await new Promise((r) => setTimeout(r, 1));
      return db.query.organisations.findFirst();
    };
    await expect(db.transaction(async (tx) => (await tx.execute(sql`select 1`), helper()))).rejects.toSatisfy(guardError);
    expect(rowsOf<{ one: number }>(await db.execute(sql`select 1 as one`))[0]!.one).toBe(1);
  });

  it('lets the transaction handle, savepoints and later outer queries through', async () => {
    const { db } = d;
    const got = await db.transaction(async (tx) => {
      const inner = await tx.transaction(async (sp) => rowsOf<{ n: number }>(await sp.execute(sql`select 2 as n`))[0]!.n);
      const outer = rowsOf<{ n: number }>(await tx.execute(sql`select 3 as n`))[0]!.n;
      return inner + outer;
    });
    expect(got).toBe(5);
    const [a, b] = await Promise.all([db.execute(sql`select 1`), db.transaction(async (tx) => tx.execute(sql`select 1`))]);
    expect(rowsOf(a)).toHaveLength(1);
    expect(rowsOf(b)).toHaveLength(1);
  });
});
