// Fills anjian_bench_province (1,000,000 enterprises, then the enforcement rows) without measuring anything: the
// set-up the province scenarios do on their first run, for working on one query against the full data.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../server/src/platform/db';
import { openDirect } from './direct';
import { startPlatform } from './lib';
import { cli, ensureDatabase } from './scenarios/enterprises';
import { ensureEnforcementFill } from './scenarios/enforcement';

const url = await ensureDatabase('anjian_bench_province', false);
const direct = await openDirect({ databaseUrl: url });
await direct.migrate();
const [row] = rowsOf<{ n: number }>(await direct.db.execute(sql`select count(*)::int as n from enterprises`));
if ((row?.n ?? 0) < 1_000_000) {
  const seeding = await startPlatform({ DATABASE_URL: url });
  await seeding.stop();
  cli(['seed', '--scale=province', '--seed=101'], { DATABASE_URL: url });
  await direct.db.execute(sql`analyze`);
}
await ensureEnforcementFill(direct);
await direct.close();
console.log('anjian_bench_province is filled');
