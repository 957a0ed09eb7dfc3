// A big statement's settings: those the database has are set for the transaction only; one it lacks (as openGauss
// lacks `jit`) is skipped instead of failing the statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../test/db';
import { rowsOf, type Database } from './db';
import { setLocalWhereKnown } from './planner-settings';

let d: Database;
beforeAll(async () => {
  d = await openTestDatabase();
});
afterAll(() => d.close());

const workMem = async (db: Database['db'] | Parameters<Parameters<Database['db']['transaction']>[0]>[0]) =>
  rowsOf<{ v: string }>(await db.execute(sql`select current_setting('work_mem') as v`))[0]!.v;

describe('setLocalWhereKnown', () => {
  it('sets the known settings inside the transaction, skips an unknown one, and leaves the session as it was', async () => {
    const before = await workMem(d.db);
    const inside = await d.db.transaction(async (tx) => {
      const set = rowsOf(await tx.execute(setLocalWhereKnown({ work_mem: '77MB', no_such_setting_here: 'on' })));
      expect(set).toHaveLength(1);
      return workMem(tx);
    });
    expect(inside).toBe('77MB');
    expect(before).not.toBe('77MB');
    expect(await workMem(d.db)).toBe(before);
  });
});
