// Issue 2 / issue 19 item 3: authenticated GET /api/me against a bare Fastify route doing the same session lookup,
// on PGlite and on PostgreSQL (a fresh database of its own), and login throughput (argon2id at the production cost
// is the point). Each comparison runs twice: with the lookup sent to the database on every request
// (ANJIAN_SESSION_CACHE_MS=0 on both servers: the pipeline's cost beside the lookup, as item 3 defines it), and with
// the platform's default session cache on both (what a deployment runs).
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import {
  cpuMsOf,
  drive,
  freshDataDir,
  login,
  settle,
  startBare,
  startPlatform,
  type Proc,
  type ScenarioResult,
  type Throughput,
} from '../lib';
import { benchPgUrl, ensureDatabase, pgAvailable } from './enterprises';

const PG_DATABASE = 'anjian_bench_me';
// The machine is shared: the two sides are measured in alternating short rounds (order flipped each round) so a
// burst of someone else's load falls on both, and each figure is the median of its rounds.
const SECONDS = Number(process.env.BENCH_ME_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ME_ROUNDS ?? 4);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A drive plus the server's CPU per answered request: unlike latency, hardly moved by other processes' load. */
async function driveCounted(proc: Proc, opts: Parameters<typeof drive>[0]): Promise<Throughput & { cpuMsPerRequest: number }> {
  const c0 = cpuMsOf(proc.proc.pid!) ?? 0;
  const t = await drive(opts);
  const used = (cpuMsOf(proc.proc.pid!) ?? 0) - c0;
  return { ...t, cpuMsPerRequest: used / Math.max(1, t.requestsPerSec * Number(opts.duration)) };
}

function combine(rounds: (Throughput & { cpuMsPerRequest: number })[]): Throughput & { cpuMsPerRequest: number } {
  const m = (k: keyof Throughput & string) => median(rounds.map((r) => r[k]));
  return {
    requestsPerSec: m('requestsPerSec'),
    p50ms: m('p50ms'),
    p97_5ms: m('p97_5ms'),
    p99ms: m('p99ms'),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    non2xx: rounds.reduce((a, r) => a + r.non2xx, 0),
    cpuMsPerRequest: median(rounds.map((r) => r.cpuMsPerRequest)),
  };
}

/** /api/me on the platform and /me on the bare server in alternating rounds, with the same client settings. */
/** The two ways the session is read, each set on both servers. */
const SESSION_MODES: { label: string; env: Record<string, string> }[] = [
  { label: 'lookup every request', env: { ANJIAN_SESSION_CACHE_MS: '0' } },
  { label: 'default session cache', env: {} },
];
type SessionMode = (typeof SESSION_MODES)[number];

async function measureMe(
  platform: Proc,
  bare: Proc,
  engine: string,
  mode: SessionMode,
): Promise<{ result: ScenarioResult; me: Throughput }> {
  // The request's cost, not the first start's catch-up (daily jobs, the relay) competing with it.
  const settledMs = await settle(platform);
  const s = await login(platform.url, 'officer');
  const b = (await (await fetch(`${bare.url}/login`, { method: 'POST' })).json()) as { sid: string };
  const baseHeaders = { cookie: `anjian_sid=${b.sid}` };
  // A short warm-up of each side so neither pays for JIT compilation in its measured seconds.
  await drive({ url: `${platform.url}/api/me`, headers: { cookie: s.cookie }, duration: 1 });
  await drive({ url: `${bare.url}/me`, headers: baseHeaders, duration: 1 });
  const subjectRounds: (Throughput & { cpuMsPerRequest: number })[] = [];
  const baselineRounds: (Throughput & { cpuMsPerRequest: number })[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const one = async () =>
      subjectRounds.push(await driveCounted(platform, { url: `${platform.url}/api/me`, headers: { cookie: s.cookie }, duration: SECONDS }));
    const other = async () =>
      baselineRounds.push(await driveCounted(bare, { url: `${bare.url}/me`, headers: baseHeaders, duration: SECONDS }));
    if (r % 2 === 0) await one().then(other);
    else await other().then(one);
  }
  const subject = combine(subjectRounds);
  const baseline = combine(baselineRounds);
  return {
    me: subject,
    result: {
      name: `GET /api/me (authenticated) vs bare Fastify session lookup (${mode.label})`,
      engine,
      metrics: { platform: subject, bare: baseline, rounds: ROUNDS, secondsPerRound: SECONDS, settledMs },
      ratios: {
        throughput: subject.requestsPerSec / baseline.requestsPerSec,
        p50: subject.p50ms / Math.max(baseline.p50ms, 0.001),
        cpuPerRequest: subject.cpuMsPerRequest / Math.max(baseline.cpuMsPerRequest, 0.001),
      },
      targets: { p50: { limit: 1.3, met: subject.p50ms <= 1.3 * Math.max(baseline.p50ms, 0.001) } },
    },
  };
}

async function pgliteScenarios(): Promise<ScenarioResult[]> {
  const dataDir = freshDataDir('auth');
  // Seed once, stop, copy: the subject and the baseline read identical databases.
  const seeding = await startPlatform({ ANJIAN_DATA_DIR: dataDir });
  await seeding.stop();
  const baselineDir = freshDataDir('auth-baseline');
  fs.cpSync(dataDir, baselineDir, { recursive: true });
  fs.rmSync(path.join(baselineDir, 'anjian.lock'), { force: true });

  const results: ScenarioResult[] = [];
  for (const mode of SESSION_MODES) {
    const platform = await startPlatform({ ANJIAN_DATA_DIR: dataDir, ...mode.env });
    const bare = await startBare({ ANJIAN_DATA_DIR: baselineDir, ...mode.env });
    try {
      const { result, me } = await measureMe(platform, bare, 'pglite', mode);
      results.push(result);
      if (process.env.BENCH_ME_ONLY || mode !== SESSION_MODES[0]) continue;
      const logins = await drive({
        url: `${platform.url}/api/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'leader', password: 'Anjian@2026' }),
        connections: 4,
      });
      results.push({
        name: 'POST /api/auth/login (argon2id 19 MiB, t=2)',
        engine: 'pglite',
        metrics: { loginsPerSec: logins.requestsPerSec, p50ms: logins.p50ms, p99ms: logins.p99ms, non2xx: logins.non2xx },
        ratios: { vsMeThroughput: logins.requestsPerSec / me.requestsPerSec },
        notes: 'argon2id cost dominates by design; each login also writes a session and an audit entry',
      });
    } finally {
      await platform.stop();
      await bare.stop();
    }
  }
  return results;
}

/** PostgreSQL: both servers on one fresh database (each with its own pool of the same size), dropped afterwards. */
async function postgresScenario(): Promise<ScenarioResult[]> {
  if (!(await pgAvailable())) return [];
  const url = await ensureDatabase(PG_DATABASE, true);
  try {
    const results: ScenarioResult[] = [];
    for (const mode of SESSION_MODES) {
      const platform = await startPlatform({ DATABASE_URL: url, ...mode.env });
      const bare = await startBare({ DATABASE_URL: url, ...mode.env }).catch(async (e: unknown) => {
        await platform.stop();
        throw e;
      });
      try {
        results.push((await measureMe(platform, bare, 'postgres', mode)).result);
      } finally {
        await platform.stop();
        await bare.stop();
      }
    }
    return results;
  } finally {
    const c = new pg.Client({ connectionString: benchPgUrl('postgres') });
    await c.connect();
    await c.query(`drop database if exists ${PG_DATABASE} with (force)`);
    await c.end();
  }
}

export async function authScenarios(): Promise<ScenarioResult[]> {
  return [...(await pgliteScenarios()), ...(await postgresScenario())];
}
