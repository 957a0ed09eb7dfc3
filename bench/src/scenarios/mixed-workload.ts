// Issue 19 item 5, "many users at once": a working day of a province as a mixed workload. BENCH_MIXED_SESSIONS
// authenticated sessions (1,000 by default; district, street and industry officers, grid inspectors, the leader and
// enterprise users, logged in up front since login is argon2id-expensive) each loop over their usual requests with
// an exponential think time chosen so that all of them together offer BENCH_MIXED_RATES requests per second
// (bench/src/mixed/behaviours.ts). Measured per request kind (p50/p95/p99, errors) with the database's own figures
// sampled meanwhile, against one platform instance and then two sharing the database; and the enterprise list's
// p95 while a ~100,000-row export runs against the same list without it. The baseline of each comparison is
// measured in the same run: one instance for two, the idle list for the list under export.
//
// Sizes (env): BENCH_MIXED_DB (database name; city scale is seeded when it is empty), BENCH_MIXED_SESSIONS,
// BENCH_MIXED_RATES (comma-separated offered rates), BENCH_MIXED_SECONDS and BENCH_MIXED_WARMUP (per phase),
// BENCH_MIXED_HAZARDS (hidden dangers filled when fewer), BENCH_MIXED_ENT_USERS (enterprise accounts created through
// the users API, so that enterprise writes spread over many enterprises), BENCH_MIXED_SOCKETS (keep-alive sockets per
// instance), BENCH_MIXED_EXPORT_ROWS (the export's target size) and BENCH_MIXED_EXPORT_SECONDS.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rowsOf } from '../../../server/src/platform/db';
import { createSession, SESSION_COOKIE } from '../../../server/src/platform/session';
import { encodeJpeg } from '../../../server/src/platform/thumbnails';
import { openDirect } from '../direct';
import { login, percentiles, settle, startPlatform, type Proc, type ScenarioResult } from '../lib';
import { Recorder, request, sleep, target, type Session, type Target } from '../mixed/client';
import { ACTIONS_ALONE, enterpriseList, nextAction, type AccountPools, type Ctx, type VirtualUser } from '../mixed/behaviours';
import { backendPids, cpuTicks, postgresDelta, startDbSampler, ticksOf } from '../mixed/db-sampler';
import { benchPgUrl, cli, ensureDatabase, pgAvailable } from './enterprises';
import { bulkFill, fill } from './hazards';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const DB = process.env.BENCH_MIXED_DB ?? 'anjian_bench_mixed';
const SESSIONS = env('BENCH_MIXED_SESSIONS', 1000);
const RATES = (process.env.BENCH_MIXED_RATES ?? '250').split(',').map(Number);
const SECONDS = env('BENCH_MIXED_SECONDS', 60);
const WARMUP = env('BENCH_MIXED_WARMUP', 10);
const HAZARDS = env('BENCH_MIXED_HAZARDS', 200_000);
const ENT_USERS = env('BENCH_MIXED_ENT_USERS', 40);
const SOCKETS = env('BENCH_MIXED_SOCKETS', 64);
const EXPORT_ROWS = env('BENCH_MIXED_EXPORT_ROWS', 100_000);
const EXPORT_SECONDS = env('BENCH_MIXED_EXPORT_SECONDS', 30);
const COST_SECONDS = env('BENCH_MIXED_COST_SECONDS', 5);
/** Which parts run: one (instance), two (instances), cost (CPU per kind), export (the list under an export). */
const PARTS = new Set((process.env.BENCH_MIXED_PARTS ?? 'one,two,cost,export').split(','));

/** Share of the sessions per kind of account; enterprise sessions spread over ent_boss, ent_safety and created ones. */
const SHARES: [string, number][] = [
  ['officer', 0.12],
  ['street', 0.18],
  ['grid', 0.18],
  ['leader', 0.04],
  ['zhujian', 0.04],
  ['park', 0.04],
  ['ent', 0.4],
];
const SESSION_TIMEOUTS = { idleMinutes: 30, absoluteHours: 12 };
const PLATFORM_ENV = { LOG_LEVEL: 'warn', ANJIAN_LOGIN_RATE_PER_MINUTE: '1000000' };

async function prepareDatabase(): Promise<string> {
  const url = await ensureDatabase(DB, false);
  const direct = await openDirect({ databaseUrl: url });
  try {
    await direct.migrate();
    const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await direct.db.execute(q))[0]?.n ?? 0;
    if ((await count(sql`select count(*)::int as n from users where username = 'officer'`)) === 0) {
      const seeding = await startPlatform({ DATABASE_URL: url }); // the demo district and its accounts
      await seeding.stop();
    }
    if ((await count(sql`select count(*)::int as n from enterprises`)) < 100_000) {
      cli(['seed', '--scale=city', '--seed=31'], { DATABASE_URL: url });
    }
    if ((await count(sql`select count(*)::int as n from hazards where number like 'BH2%'`)) < HAZARDS * 0.999) {
      await bulkFill(direct, fill(HAZARDS));
    }
    // blk_read_time stays 0 unless I/O is timed; for this database's new connections only.
    await direct.db.execute(sql.raw(`alter database ${DB} set track_io_timing = on`));
  } finally {
    await direct.close();
  }
  return url;
}

/** Enterprise accounts for other enterprises than 宏达五金, so enterprise writes do not all hit one enterprise. */
async function createEnterpriseUsers(url: string): Promise<string[]> {
  if (ENT_USERS <= 0) return [];
  const officer = await login(url, 'officer');
  const admin = await login(url, 'admin');
  const list = await fetch(`${url}/api/enterprises?pageSize=200&sort=name`, { headers: { cookie: officer.cookie } });
  const ids = ((await list.json()) as { items: { id: string }[] }).items.map((e) => e.id);
  const names: string[] = [];
  for (let i = 0; i < ENT_USERS && i < ids.length; i++) {
    const username = `mixbench${i}`;
    const res = await fetch(`${url}/api/users`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        displayName: `压测企业用户${i}`,
        password: 'Anjian@2026',
        role: 'enterprise_safety_manager',
        enterpriseId: ids[i * 3 + 1] ?? ids[i],
      }),
    });
    if (res.status !== 201 && res.status !== 200 && res.status !== 409)
      throw new Error(`create ${username}: ${res.status} ${await res.text()}`);
    names.push(username);
  }
  return names;
}

async function poolsOf(s: Session, checksByEnterprise: Map<string, string[]>): Promise<AccountPools> {
  const enterprises = (await request(s, '/api/enterprises?pageSize=200')).json<{ items: { id: string; areaCode: string }[] }>().items;
  const hazards = (await request(s, '/api/hazards?pageSize=200')).json<{ items: { id: string }[] }>().items;
  const me = (await request(s, '/api/me')).json<{ enterpriseId?: string | null; user?: { enterpriseId?: string | null } }>();
  const own = me.enterpriseId ?? me.user?.enterpriseId ?? null;
  let pendingChecks: string[] = [];
  if (own) {
    if (!checksByEnterprise.has(own)) {
      const tasks = (await request(s, '/api/check-tasks?state=pending&pageSize=200')).json<{ items: { id: string }[] }>().items;
      // Two sessions of one enterprise can both be here at once (four log in at a time): the first list kept is the
      // one every session of the enterprise takes from, so no task is submitted twice (a correct 400, not a load error).
      const ids = tasks.map((t) => t.id);
      if (!checksByEnterprise.has(own)) checksByEnterprise.set(own, ids);
    }
    pendingChecks = checksByEnterprise.get(own)!;
  }
  const areas = new Set<string>();
  for (const e of enterprises) {
    areas.add(e.areaCode.slice(0, 9));
    areas.add(e.areaCode.slice(0, 12));
  }
  return {
    enterpriseIds: enterprises.map((e) => e.id),
    hazardIds: hazards.map((h) => h.id),
    areaCodes: [...areas],
    ownEnterpriseId: own,
    pendingChecks,
  };
}

/**
 * One session per account through POST /api/auth/login (argon2id, ~10 logins/s here); the others are minted with
 * the login route's own createSession, so setting up 1,000 sessions takes seconds. BENCH_MIXED_API_LOGIN=1 logs
 * every session in through the API instead.
 */
async function loginAll(url: string, dbUrl: string, entUsers: string[]): Promise<VirtualUser[]> {
  const plan: { user: string; role: string }[] = [];
  const entAccounts = ['ent_boss', 'ent_safety', ...entUsers];
  for (const [role, share] of SHARES) {
    const n = Math.round(SESSIONS * share);
    for (let i = 0; i < n; i++) plan.push({ role, user: role === 'ent' ? entAccounts[i % entAccounts.length]! : role });
  }
  const t = target(url, SOCKETS);
  const pools = new Map<string, AccountPools>();
  const checks = new Map<string, string[]>();
  const t0 = performance.now();
  const direct = await openDirect({ databaseUrl: dbUrl });
  const userIds = new Map(
    rowsOf<{ id: string; username: string }>(
      await direct.db.execute(sql`select id, username from users where username in ${[...new Set(plan.map((p) => p.user))]}`),
    ).map((r) => [r.username, r.id]),
  );
  const apiAll = process.env.BENCH_MIXED_API_LOGIN === '1';
  let apiLogins = 0;
  const users: VirtualUser[] = new Array(plan.length);
  let next = 0;
  try {
    // Four at a time: argon2id runs on libuv's four threads.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < plan.length) {
          const i = next++;
          const { user, role } = plan[i]!;
          let cookie: string;
          let csrf: string;
          if (apiAll || !pools.has(user)) {
            ({ cookie, csrf } = await login(url, user));
            apiLogins++;
          } else {
            const s = await createSession(direct.db, userIds.get(user)!, { ip: '127.0.0.1', userAgent: 'anjian-bench' }, SESSION_TIMEOUTS);
            cookie = `${SESSION_COOKIE}=${s.sid}`;
            csrf = s.csrfToken;
          }
          const session: Session = { user, role, cookie, csrf, target: t };
          if (!pools.has(user)) pools.set(user, await poolsOf(session, checks));
          users[i] = { session, pools: pools.get(user)!, hazard: null, photoId: null };
        }
      }),
    );
  } finally {
    await direct.close();
  }
  console.log(`  ${users.length} sessions (${apiLogins} through the login API) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return users;
}

/** Every session loops over its mix with an exponential think time; together they offer `rate` requests/s. */
async function phase(users: VirtualUser[], targets: Target[], rate: number, ctx: Ctx, dbUrl: string, pids: number[]) {
  users.forEach((u, i) => (u.session.target = targets[i % targets.length]!));
  const rec = new Recorder();
  const c = { ...ctx, rec };
  const think = (users.length / rate) * 1000;
  const start = performance.now();
  rec.from = start + WARMUP * 1000;
  rec.until = rec.from + SECONDS * 1000;
  const sampling = (async () => {
    await sleep(WARMUP * 1000);
    const s = await startDbSampler(dbUrl, DB, pids);
    await sleep(SECONDS * 1000);
    return s.stop();
  })();
  await Promise.all(
    users.map(async (u) => {
      await sleep(Math.random() * think);
      while (performance.now() < rec.until) {
        await nextAction(u.session.role)(u, c);
        await sleep(-Math.log(1 - Math.random()) * think);
      }
    }),
  );
  const summary = rec.summary(SECONDS);
  const db = await sampling;
  const cpu = db.cpuPercentOfOneCore;
  // Platform and database CPU per request served: 2 cores × 1,000 ms / this = the most this mix can reach here.
  const cpuMs = ((cpu.servers.reduce((x, y) => x + y, 0) + cpu.thisDatabaseBackends) * 10 * SECONDS) / Math.max(1, summary.requests);
  return { ...summary, offeredRate: rate, cpuMsPerRequest: Math.round(cpuMs * 10) / 10, db };
}

async function exportFilter(s: Session): Promise<{ qs: string; rows: number }> {
  const total = async (qs: string) =>
    (await request(s, `/api/enterprises?pageSize=1${qs ? `&${qs}` : ''}`)).json<{ total: number }>().total;
  const candidates = ['', ...['machinery', 'light_industry', 'commerce', 'building_materials'].map((x) => `sector=${x}`)];
  const sized = await Promise.all(candidates.map(async (qs) => ({ qs, rows: await total(qs) })));
  return (
    sized.filter((x) => x.rows >= EXPORT_ROWS * 0.5).sort((a, b) => Math.abs(a.rows - EXPORT_ROWS) - Math.abs(b.rows - EXPORT_ROWS))[0] ??
    sized[0]!
  );
}

/** The enterprise list (4 officers without think time) alone, then while the export runs back to back. */
async function exportStarvation(users: VirtualUser[], t: Target, ctx: Ctx, dbUrl: string, pid: number) {
  const officers = users.filter((u) => u.session.role === 'officer').slice(0, 5);
  officers.forEach((u) => (u.session.target = t));
  const [exporter, ...listers] = officers;
  const filter = await exportFilter(exporter!.session);
  const listFor = async (seconds: number) => {
    const rec = new Recorder();
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      listers.map(async (u) => {
        while (performance.now() < until) await enterpriseList(u, { ...ctx, rec });
      }),
    );
    return rec.summary(seconds);
  };
  const idle = await listFor(EXPORT_SECONDS);
  const sampler = await startDbSampler(dbUrl, DB, [pid]);
  let exporting = true;
  const exports: number[] = [];
  let bytes = 0;
  const background = (async () => {
    while (exporting) {
      const t0 = performance.now();
      const r = await request(exporter!.session, `/api/enterprises/export${filter.qs ? `?${filter.qs}` : ''}`);
      if (r.status !== 200) throw new Error(`export: ${r.status} ${r.body.toString('utf8').slice(0, 300)}`);
      bytes = r.body.length;
      exports.push(performance.now() - t0);
    }
  })();
  await sleep(1000); // the export is under way
  const busy = await listFor(EXPORT_SECONDS);
  exporting = false;
  await background;
  const db = await sampler.stop();
  return { filter, idle, busy, export: { ...percentiles(exports), xlsxBytes: bytes }, db };
}

/** The platform's and its backends' CPU ticks now (10 ms each). */
async function cpuNow(client: pg.Client, pid: number) {
  return { node: cpuTicks(pid), pg: ticksOf(await backendPids(client, DB)), at: performance.now() };
}
async function cpuSince(client: pg.Client, pid: number, from: Awaited<ReturnType<typeof cpuNow>>) {
  const now = await cpuNow(client, pid);
  return { nodeMs: (now.node - from.node) * 10, pgMs: postgresDelta(from.pg, now.pg) * 10, ms: now.at - from.at };
}

/**
 * What one request of each kind costs in CPU: the kind alone, 8 sessions without think time on one instance, with
 * the platform's CPU and its database backends' CPU over the requests served. Their weighted sum over the mix is
 * the CPU one request of the mix needs, so 2 cores / that = the most this machine can serve, whatever else runs.
 *
 * A write's reactions run after it answers (the outbox relay and the job queue: credit, warnings, notifications), so
 * each kind is measured from its first request until the platform is quiet again, less the idle rate measured just
 * before it over as long: a kind pays for its own reactions and not for the kind before it (the photo upload, after
 * the hidden-danger writes, used to be charged 12.9 ms of database CPU a request for their reactions; alone, 1.4).
 */
async function costPerKind(users: VirtualUser[], t: Target, ctx: Ctx, dbUrl: string, proc: Proc) {
  const pid = proc.proc.pid!;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const out: Record<string, { requests: number; requestsPerSec: number; p95ms: number; platformCpuMs: number; databaseCpuMs: number }> = {};
  try {
    for (const { name, role, action } of ACTIONS_ALONE) {
      const group = users.filter((u) => u.session.role === role).slice(0, 8);
      group.forEach((u) => (u.session.target = t));
      const rec = new Recorder();
      const c = { ...ctx, rec };
      await settle(proc, { quiet: 2 });
      const idle0 = await cpuNow(client, pid);
      await sleep(3000);
      const idle = await cpuSince(client, pid, idle0);
      const start = await cpuNow(client, pid);
      const until = performance.now() + COST_SECONDS * 1000;
      await Promise.all(
        group.map(async (u) => {
          while (performance.now() < until) await action(u, c);
        }),
      );
      await settle(proc, { quiet: 2 });
      const used = await cpuSince(client, pid, start);
      const r = rec.summary(COST_SECONDS);
      const n = Math.max(1, r.requests);
      const net = (busy: number, quiet: number) => Math.max(0, busy - (quiet / idle.ms) * used.ms) / n;
      out[name] = {
        requests: r.requests,
        requestsPerSec: r.requestsPerSec,
        p95ms: Math.max(r.reads?.p95ms ?? 0, r.writes?.p95ms ?? 0),
        platformCpuMs: Math.round(net(used.nodeMs, idle.nodeMs) * 10) / 10,
        databaseCpuMs: Math.round(net(used.pgMs, idle.pgMs) * 10) / 10,
      };
      if (r.failed) console.log(`  ${name}: ${r.failed} failed`, r.failureExamples.slice(0, 2));
    }
  } finally {
    await client.end();
  }
  return out;
}

const meets = (r: Awaited<ReturnType<typeof phase>>) => ({
  'reads p95 < 300 ms': { limit: 300, met: (r.reads?.p95ms ?? Infinity) < 300 },
  'writes p95 < 500 ms': { limit: 500, met: (r.writes?.p95ms ?? Infinity) < 500 },
  '≥ 200 requests/s': { limit: 200, met: r.requestsPerSec >= 200 },
  'no errors': { limit: 0, met: r.failed === 0 },
});

export async function mixedWorkloadScenario(): Promise<ScenarioResult[]> {
  if (!(await pgAvailable())) return [];
  const url = await prepareDatabase();
  const enterprises = await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const n = (await c.query<{ n: number }>('select count(*)::int as n from enterprises')).rows[0]!.n;
    await c.end();
    return n;
  })();
  const photo = Buffer.from(await encodeJpeg(photoLike(640, 480), 80));
  const ctx: Ctx = { rec: new Recorder(), photo, today: new Date().toISOString().slice(0, 10) };
  const a: Proc = await startPlatform({ DATABASE_URL: url, ...PLATFORM_ENV });
  // A day's first start runs the daily jobs over the city (the first 无事故 sweep alone is ~100,000 credit events):
  // that is not the working day being modelled, so the phases start once the platform is quiet.
  const settleSeconds = Math.round((await settle(a, { maxMs: env('BENCH_MIXED_SETTLE_MS', 1_800_000) })) / 1000);
  console.log(`  platform quiet after ${settleSeconds} s`);
  let b: Proc | null = null;
  const results: ScenarioResult[] = [];
  const label = `${SESSIONS.toLocaleString('en')} sessions, ${enterprises.toLocaleString('en')} enterprises`;
  try {
    const users = await loginAll(a.url, url, await createEnterpriseUsers(a.url));
    const ta = target(a.url, SOCKETS);
    const one: Record<number, Awaited<ReturnType<typeof phase>>> = {};
    for (const rate of PARTS.has('one') ? RATES : []) {
      console.log(`  one instance, offered ${rate} requests/s`);
      one[rate] = await phase(users, [ta], rate, ctx, benchPgUrl(DB), [a.proc.pid!]);
      const r = one[rate]!;
      results.push({
        name: `Mixed workload, one instance (${label}, offered ${rate}/s)`,
        engine: 'postgres',
        metrics: r,
        ratios: { readP95VsWriteP95: (r.reads?.p95ms ?? 0) / (r.writes?.p95ms ?? 1) },
        targets: meets(r),
      });
    }
    if (PARTS.has('two')) b = await startPlatform({ DATABASE_URL: url, ...PLATFORM_ENV });
    const second = b;
    for (const rate of second ? RATES : []) {
      const tb = target(second!.url, SOCKETS);
      console.log(`  two instances, offered ${rate} requests/s`);
      const r = await phase(users, [ta, tb], rate, ctx, benchPgUrl(DB), [a.proc.pid!, second!.proc.pid!]);
      const base = one[rate] ?? r;
      results.push({
        name: `Mixed workload, two instances on one database (${label}, offered ${rate}/s)`,
        engine: 'postgres',
        metrics: r,
        ratios: {
          readP95VsOneInstance: (r.reads?.p95ms ?? 0) / (base.reads?.p95ms ?? 1),
          writeP95VsOneInstance: (r.writes?.p95ms ?? 0) / (base.writes?.p95ms ?? 1),
          throughputVsOneInstance: r.requestsPerSec / base.requestsPerSec,
        },
        targets: meets(r),
      });
    }
    await b?.stop();
    b = null;
    if (PARTS.has('cost')) {
      console.log('  CPU per request kind');
      const cost = await costPerKind(users, ta, ctx, benchPgUrl(DB), a);
      results.push({
        name: `Mixed workload: CPU per request of each kind, alone on one instance (${label})`,
        engine: 'postgres',
        metrics: cost,
        ratios: {
          readMeCpuVsWorkbenchCpu:
            (cost['me']!.platformCpuMs + cost['me']!.databaseCpuMs) /
            Math.max(0.1, cost['workbench (district officer)']!.platformCpuMs + cost['workbench (district officer)']!.databaseCpuMs),
        },
        notes:
          'platformCpuMs: the Node process; databaseCpuMs: the PostgreSQL backends of its pool; per request, 8 sessions without think time, from the first request until the platform is quiet again (the reactions included), less the idle rate',
      });
    }
    if (!PARTS.has('export')) return results;
    console.log('  enterprise list alone, then under an export');
    const s = await exportStarvation(users, ta, ctx, benchPgUrl(DB), a.proc.pid!);
    results.push({
      name: `GET /api/enterprises p95 while a ${s.filter.rows.toLocaleString('en')}-row export runs vs without (${label})`,
      engine: 'postgres',
      metrics: { exportFilter: s.filter.qs || '(whole scope)', listAlone: s.idle, listDuringExport: s.busy, export: s.export, db: s.db },
      ratios: {
        listP95WithVsWithoutExport: (s.busy.reads?.p95ms ?? 0) / (s.idle.reads?.p95ms ?? 1),
        listP50WithVsWithoutExport: (s.busy.reads?.p50ms ?? 0) / (s.idle.reads?.p50ms ?? 1),
      },
      targets: { 'list p95 under export < 300 ms': { limit: 300, met: (s.busy.reads?.p95ms ?? Infinity) < 300 } },
      notes: '4 officers list without think time; a fifth exports back to back on the same instance',
    });
    return results;
  } finally {
    await b?.stop();
    await a.stop();
  }
}

/** A small phone-like photo (gradients compress like a photo): its thumbnail is rendered in the worker thread. */
function photoLike(width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 7 + y) & 255;
      data[i + 1] = Math.sin(x / 50) * 127 + 128;
      data[i + 2] = (x ^ y) & 255;
      data[i + 3] = 255;
    }
  return { data, width, height };
}
