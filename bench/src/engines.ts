// The frame most scenarios share: the same measurement on an in-memory PGlite (district scale) and, when this
// machine's PostgreSQL answers, on a fresh database of its own (province scale). Each engine is opened, migrated and
// closed here so a scenario only says what it measures and at what size.
import type { Database } from '../../server/src/platform/db';
import { openPglite } from '../../server/src/platform/db';
import { openDirect } from './direct';
import type { ScenarioResult } from './lib';
import { ensureDatabase, pgAvailable } from './scenarios/enterprises';

export type Engine = 'pglite' | 'postgres';

type Measure = (engine: Engine, db: Database, size: number) => Promise<ScenarioResult | ScenarioResult[]>;

export function onBothEngines(
  pgDatabase: string,
  measure: (engine: Engine, db: Database) => ReturnType<Measure>,
): Promise<ScenarioResult[]>;
/** `sizes`: the scenario's size per engine (rows, enterprises …). */
export function onBothEngines(pgDatabase: string, measure: Measure, sizes: { pglite: number; postgres: number }): Promise<ScenarioResult[]>;
export async function onBothEngines(pgDatabase: string, measure: Measure, sizes = { pglite: 0, postgres: 0 }): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const lite = await openPglite(null);
  try {
    await lite.migrate();
    results.push(...[await measure('pglite', lite, sizes.pglite)].flat());
  } finally {
    await lite.close();
  }
  if (await pgAvailable()) {
    const pgDb = await openDirect({ databaseUrl: await ensureDatabase(pgDatabase, true) });
    try {
      await pgDb.migrate();
      results.push(...[await measure('postgres', pgDb, sizes.postgres)].flat());
    } finally {
      await pgDb.close();
    }
  }
  return results;
}
