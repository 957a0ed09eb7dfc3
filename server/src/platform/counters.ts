// Gap-free sequences (文书编号, 案件编号, 隐患编号): one `counters` row per key, incremented in the caller's
// transaction. The row stays locked until that transaction commits, so concurrent callers take numbers one after
// another, and a rolled-back draw gives its number back. Keep the draw late in its transaction: every other caller of
// the key waits from the draw to the commit.
import { sql, type SQL } from 'drizzle-orm';
import { counters } from '../db/schema';
import { rowsOf, type DbOrTx } from './db';

/** The draw as a statement answering `value`: run it alone (nextInSequence), or as a CTE of the write that uses it. */
export function counterDraw(key: string): SQL<{ value: number }> {
  return sql`insert into ${counters} (key, value) values (${key}, 1)
    on conflict (key) do update set value = ${counters}.value + 1 returning value`;
}

/** The next number of `key` (the first is 1). */
export async function nextInSequence(tx: DbOrTx, key: string): Promise<number> {
  const [row] = rowsOf<{ value: number }>(await tx.execute(counterDraw(key)));
  return Number(row!.value);
}
