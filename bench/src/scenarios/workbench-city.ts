// Issue 19: what one GET /api/workbench costs, per role, at city scale (the demo district plus 200,000 enterprises
// and 200,000 hidden dangers, 4 % of them open) on PGlite and on PostgreSQL: the server's CPU per request (and, on
// PostgreSQL, the CPU of the platform's own backends), p50 and p95, each as a ratio to GET /api/me measured in the
// same run. The roles and /api/me are measured one request at a time in alternating rounds, so a burst of another
// process's load falls on all of them.
//
// The databases are kept between runs (seeding takes minutes): BENCH_WORKBENCH_DB (PostgreSQL database name) and
// BENCH_WORKBENCH_DIR (PGlite data directory); sizes BENCH_WORKBENCH_ENTERPRISES_SCALE (district | city, default
// city) and BENCH_WORKBENCH_HAZARDS (default 200,000). BENCH_WORKBENCH_ENGINES=pglite,postgres picks the engines,
// BENCH_WORKBENCH_ROUNDS and BENCH_WORKBENCH_PER_ROUND the number of requests, BENCH_WORKBENCH_SETTLE_MS the longest
// wait for the platform's background work to die down (a city-scale start leaves a credit-event backlog that outlasts it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../server/src/platform/db';
import { openDirect } from '../direct';
import { cpuMsOf, login, percentiles, settle, startPlatform, type Latency, type Proc, type ScenarioResult } from '../lib';
import { backendPids, cpuTicks } from '../mixed/db-sampler';
import { benchPgUrl, cli, ensureDatabase, pgAvailable } from './enterprises';
import { bulkFill, fill } from './hazards';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const PG_DB = process.env.BENCH_WORKBENCH_DB ?? 'anjian_bench_workbench_city';
const DIR = process.env.BENCH_WORKBENCH_DIR ?? path.join(os.tmpdir(), 'anjian-bench-workbench-city');
const SCALE = process.env.BENCH_WORKBENCH_ENTERPRISES_SCALE ?? 'city';
const HAZARDS = env('BENCH_WORKBENCH_HAZARDS', 200_000);
const ENGINES = (process.env.BENCH_WORKBENCH_ENGINES ?? 'pglite,postgres').split(',');
const ROUNDS = env('BENCH_WORKBENCH_ROUNDS', 4);
const PER_ROUND = env('BENCH_WORKBENCH_PER_ROUND', 40);

/** The demo accounts: district officer, leader, street officer, industry department, park station, enterprise, grid. */
const ROLES = ['officer', 'leader', 'street', 'zhujian', 'park', 'ent_safety', 'grid'] as const;
const SUBJECTS = [...ROLES, 'me'] as const;
type Subject = (typeof SUBJECTS)[number];

/** Seeds the demo district, the scale's enterprises and the hidden dangers once; a later run reuses them. */
export async function prepareWorkbenchCity(target: { dataDir?: string; databaseUrl?: string }) {
  const platformEnv: Record<string, string> = target.databaseUrl
    ? { DATABASE_URL: target.databaseUrl }
    : { ANJIAN_DATA_DIR: target.dataDir!, DATABASE_URL: '' };
  let direct = await openDirect(target);
  const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await direct.db.execute(q))[0]?.n ?? 0;
  try {
    await direct.migrate();
    const seeded = (await count(sql`select count(*)::int as n from users where username = 'officer'`)) > 0;
    const enterprises = await count(sql`select count(*)::int as n from enterprises`);
    const hazards = await count(sql`select count(*)::int as n from hazards where number like 'BH2%'`);
    const want = SCALE === 'city' ? 200_000 : 20_000;
    if (seeded && enterprises >= want && hazards >= HAZARDS * 0.999) return;
    await direct.close();
    if (!seeded) await (await startPlatform(platformEnv)).stop(); // the demo district and its accounts
    if (enterprises < want) cli(['seed', `--scale=${SCALE}`, '--seed=19'], platformEnv);
    direct = await openDirect(target);
    await bulkFill(direct, fill(HAZARDS));
  } finally {
    await direct.close();
  }
}

interface Cost {
  latency: Latency;
  /** The platform process's CPU per request (user + system). */
  serverCpuMs: number;
  /** On PostgreSQL: the CPU of the backends connected to the bench database, per request. */
  dbCpuMs: number | null;
  /** serverCpuMs less the platform's idle rate (background jobs) over the subject's wall time. */
  serverCpuNetMs: number;
}

async function measure(
  platform: Proc,
  databaseName: string | null,
): Promise<{ costs: Record<Subject, Cost>; idleCpuMsPerSecond: number; settledMs: number }> {
  const settledMs = await settle(platform, { maxMs: env('BENCH_WORKBENCH_SETTLE_MS', 180_000) });
  const cookies = new Map<Subject, string>();
  for (const s of SUBJECTS) cookies.set(s, (await login(platform.url, s === 'me' ? 'officer' : s)).cookie);
  const get = async (s: Subject) => {
    const res = await fetch(`${platform.url}${s === 'me' ? '/api/me' : '/api/workbench'}`, { headers: { cookie: cookies.get(s)! } });
    if (!res.ok) throw new Error(`${s}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  // Warm-up: plans, pools and the per-area memo of the indicators' death allowance (a steady state, not a first call).
  for (const s of SUBJECTS) for (let i = 0; i < 5; i++) await get(s);
  // What the platform spends with no request (background jobs, the relay), charged to every request measured below.
  const idle0 = cpuMsOf(platform.proc.pid!) ?? 0;
  await new Promise((r) => setTimeout(r, 5000));
  const idleCpuMsPerSecond = ((cpuMsOf(platform.proc.pid!) ?? 0) - idle0) / 5;
  const client = databaseName ? new pg.Client({ connectionString: benchPgUrl('postgres') }) : null;
  await client?.connect();
  const pids = client ? await backendPids(client, databaseName!) : [];
  const dbTicks = () => pids.reduce((a, p) => a + cpuTicks(p), 0);
  const samples = new Map<Subject, number[]>(SUBJECTS.map((s) => [s, []]));
  const cpu = new Map<Subject, { server: number; db: number; wallMs: number }>(SUBJECTS.map((s) => [s, { server: 0, db: 0, wallMs: 0 }]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...SUBJECTS].reverse() : SUBJECTS;
      for (const s of order) {
        const c0 = cpuMsOf(platform.proc.pid!) ?? 0;
        const d0 = dbTicks();
        const w0 = performance.now();
        for (let i = 0; i < PER_ROUND; i++) {
          const t0 = performance.now();
          await get(s);
          samples.get(s)!.push(performance.now() - t0);
        }
        const c = cpu.get(s)!;
        c.server += (cpuMsOf(platform.proc.pid!) ?? 0) - c0;
        c.db += (dbTicks() - d0) * 10; // ticks of 10 ms
        c.wallMs += performance.now() - w0;
      }
    }
  } finally {
    await client?.end();
  }
  // The idle rate again after the rounds; the mean of the two is charged to the wall time of each subject.
  const idle1 = cpuMsOf(platform.proc.pid!) ?? 0;
  await new Promise((r) => setTimeout(r, 5000));
  const idleAfter = ((cpuMsOf(platform.proc.pid!) ?? 0) - idle1) / 5;
  const idleRate = (idleCpuMsPerSecond + idleAfter) / 2;
  const n = ROUNDS * PER_ROUND;
  const costs = Object.fromEntries(
    SUBJECTS.map((s) => [
      s,
      {
        latency: percentiles(samples.get(s)!),
        serverCpuMs: cpu.get(s)!.server / n,
        dbCpuMs: client ? cpu.get(s)!.db / n : null,
        serverCpuNetMs: Math.max(0, cpu.get(s)!.server - (idleRate * cpu.get(s)!.wallMs) / 1000) / n,
      },
    ]),
  ) as Record<Subject, Cost>;
  return { costs, idleCpuMsPerSecond: idleRate, settledMs };
}

function result(engine: string, { costs, idleCpuMsPerSecond, settledMs }: Awaited<ReturnType<typeof measure>>): ScenarioResult {
  const me = costs.me;
  const ratios: Record<string, number> = {};
  for (const r of ROLES) {
    const c = costs[r];
    ratios[`${r}CpuVsMe`] = c.serverCpuMs / me.serverCpuMs;
    if (me.serverCpuNetMs > 0) ratios[`${r}NetCpuVsMe`] = c.serverCpuNetMs / me.serverCpuNetMs;
    if (c.dbCpuMs !== null && me.dbCpuMs) ratios[`${r}DbCpuVsMe`] = c.dbCpuMs / me.dbCpuMs;
    ratios[`${r}P50VsMe`] = c.latency.p50ms / me.latency.p50ms;
    ratios[`${r}P95VsMe`] = c.latency.p95ms / me.latency.p95ms;
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  const metrics = Object.fromEntries(
    SUBJECTS.map((s) => {
      const c = costs[s];
      return [
        s,
        {
          serverCpuMs: round(c.serverCpuMs),
          serverCpuNetMs: round(c.serverCpuNetMs),
          dbCpuMs: c.dbCpuMs === null ? null : round(c.dbCpuMs),
          p50ms: round(c.latency.p50ms),
          p95ms: round(c.latency.p95ms),
          meanMs: round(c.latency.meanMs),
          n: c.latency.n,
        },
      ];
    }),
  );
  console.table(metrics);
  console.log(
    `${engine}: settled after ${settledMs} ms; idle platform CPU ${idleCpuMsPerSecond.toFixed(1)} ms/s (mean of before and after the rounds)`,
  );
  return {
    name: `Workbench cost per role (${SCALE} scale, ${HAZARDS.toLocaleString('en')} hidden dangers)`,
    engine,
    metrics: { ...metrics, idleCpuMsPerSecond, settledMs },
    ratios,
    notes: `one request at a time, ${ROUNDS} alternating rounds of ${PER_ROUND} per role and for GET /api/me (officer)`,
  };
}

export async function workbenchCityScenario(): Promise<ScenarioResult[]> {
  const out: ScenarioResult[] = [];
  if (ENGINES.includes('pglite')) {
    fs.mkdirSync(DIR, { recursive: true });
    await prepareWorkbenchCity({ dataDir: DIR });
    const platform = await startPlatform({ ANJIAN_DATA_DIR: DIR, DATABASE_URL: '' });
    try {
      out.push(result('pglite', await measure(platform, null)));
    } finally {
      await platform.stop();
    }
  }
  if (ENGINES.includes('postgres') && (await pgAvailable())) {
    const url = await ensureDatabase(PG_DB, false);
    await prepareWorkbenchCity({ databaseUrl: url });
    const platform = await startPlatform({ DATABASE_URL: url });
    try {
      out.push(result('postgres', await measure(platform, PG_DB)));
    } finally {
      await platform.stop();
    }
  }
  return out;
}
