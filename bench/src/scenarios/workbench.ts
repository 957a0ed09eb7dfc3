// Issue 13: the workbench (GET /api/workbench) for the district officer, a street officer, an enterprise and a grid
// inspector, against GET /api/me (session lookup plus a tiny JSON answer) measured in the same run. District scale
// on PGlite (the demo district); province scale on PostgreSQL when the province database has been filled
// (bench/src/seed-province.ts), with the target of p95 < 300 ms for the district officer.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../server/src/platform/db';
import { openDirect } from '../direct';
import { freshDataDir, login, startPlatform, timeIt, type Proc, type ScenarioResult } from '../lib';
import { ensureDatabase, pgAvailable } from './enterprises';

const ROLES = ['officer', 'street', 'ent_safety', 'grid'] as const;

async function measure(platform: Proc, n: number, concurrency: number) {
  const sessions = await Promise.all(ROLES.map((r) => login(platform.url, r)));
  const get = async (path: string, cookie: string) => {
    const res = await fetch(`${platform.url}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const byRole: Record<string, Awaited<ReturnType<typeof timeIt>>> = {};
  for (const [i, role] of ROLES.entries()) byRole[role] = await timeIt(() => get('/api/workbench', sessions[i]!.cookie), n, concurrency);
  const me = await timeIt(() => get('/api/me', sessions[0]!.cookie), n, concurrency);
  return { byRole, me };
}

export async function workbenchDistrictScenario(): Promise<ScenarioResult[]> {
  const platform = await startPlatform({ ANJIAN_DATA_DIR: freshDataDir('workbench-district') });
  try {
    const { byRole, me } = await measure(platform, 100, 1);
    const officer = byRole.officer!;
    return [
      {
        name: 'Workbench per role (demo district)',
        engine: 'pglite',
        metrics: { ...byRole, me },
        ratios: { officerP50VsMe: officer.p50ms / me.p50ms, officerP95VsMe: officer.p95ms / me.p95ms },
        targets: { 'officer p95 < 300 ms': { limit: 300, met: officer.p95ms < 300 } },
      },
    ];
  } finally {
    await platform.stop();
  }
}

export async function workbenchProvinceScenario(): Promise<ScenarioResult[]> {
  if (!(await pgAvailable())) return [];
  const url = await ensureDatabase('anjian_bench_province', false);
  const direct = await openDirect({ databaseUrl: url });
  await direct.migrate();
  const [row] = rowsOf<{ n: number }>(await direct.db.execute(sql`select count(*)::int as n from enterprises`));
  await direct.close();
  if ((row?.n ?? 0) < 1_000_000) {
    console.log('workbench-province: skipped, the province database is not filled (node --import tsx bench/src/seed-province.ts)');
    return [];
  }
  const platform = await startPlatform({ DATABASE_URL: url });
  try {
    const { byRole, me } = await measure(platform, 200, 4);
    const officer = byRole.officer!;
    return [
      {
        name: 'Workbench per role (province database, 1,000,000 enterprises)',
        engine: 'postgres',
        metrics: { ...byRole, me },
        ratios: { officerP50VsMe: officer.p50ms / me.p50ms, officerP95VsMe: officer.p95ms / me.p95ms },
        targets: { 'officer p95 < 300 ms': { limit: 300, met: officer.p95ms < 300 } },
      },
    ];
  } finally {
    await platform.stop();
  }
}
