// Bench plumbing: start the real (built) server on a fresh data directory, drive it with autocannon,
// measure latency percentiles, and collect results as ratios against a baseline from the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_PASSWORD = 'Anjian@2026';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Proc {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns a node process and waits until it prints `readyText`. */
export async function spawnUntil(args: string[], env: Record<string, string>, readyText: string, cwd = repoRoot): Promise<Proc> {
  const port = await freePort();
  // BENCH_NODE_ARGS: flags for the spawned process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // BENCH_SERVER_LOG: a file that receives the spawned process's output (with BENCH_NODE_ARGS=--trace-gc, say).
  const log = process.env.BENCH_SERVER_LOG ? fs.createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' }) : null;
  proc.stdout!.on('data', (d) => ((out += d), log?.write(d)));
  proc.stderr!.on('data', (d) => ((out += d), log?.write(d)));
  const deadline = Date.now() + 600_000;
  while (!out.includes(readyText)) {
    if (proc.exitCode !== null) throw new Error(`process exited ${proc.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** CPU time (user + system) a process has used so far, in ms; null where /proc is not there. */
export function cpuMsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}

/**
 * Waits until a started server's own background work has died down: on a fresh database the platform's first start
 * runs the daily jobs' catch-up and relays their events to a dozen consumers, which keeps it busy for half a minute
 * or more. A scenario that measures requests (not start-up) waits for `quiet` one-second windows in a row below
 * `share` of a core, or `maxMs`. Returns how long it waited.
 */
export async function settle(proc: Proc, { share = 0.06, quiet = 3, maxMs = 180_000 } = {}): Promise<number> {
  const t0 = Date.now();
  let last = cpuMsOf(proc.proc.pid!);
  let calm = 0;
  while (last !== null && calm < quiet && Date.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuMsOf(proc.proc.pid!);
    if (now === null) break;
    calm = now - last < share * 1000 ? calm + 1 : 0;
    last = now;
  }
  return Date.now() - t0;
}

export function freshDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `anjian-bench-${name}-`));
}

/** The V8 flags of `npm start` (server/package.json), so a measured server runs as a deployed one does. */
export const serverNodeFlags: string[] = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'server/package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(' ')
  .filter((a) => a.startsWith('--'));

export function startPlatform(env: Record<string, string>): Promise<Proc> {
  const main = path.join(repoRoot, 'server/dist/main.js');
  return spawnUntil([...serverNodeFlags, main, '--demo'], env, 'is running at', path.join(repoRoot, 'server'));
}

/** The bare Fastify server of the baselines (baseline/bare-server.ts), run from source like the bench. */
export const startBare = (env: Record<string, string>): Promise<Proc> =>
  spawnUntil([...serverNodeFlags, '--import', 'tsx', path.join(repoRoot, 'bench/src/baseline/bare-server.ts')], env, 'bare ready');

export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('anjian_sid='))!
    .split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export interface Throughput {
  requestsPerSec: number;
  p50ms: number;
  p97_5ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
}

export async function drive(opts: autocannon.Options): Promise<Throughput> {
  const r = await autocannon({ connections: 10, duration: 5, ...opts });
  return {
    requestsPerSec: r.requests.average,
    p50ms: r.latency.p50,
    p97_5ms: r.latency.p97_5,
    p99ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

export interface Latency {
  n: number;
  p50ms: number;
  p95ms: number;
  p99ms: number;
  meanMs: number;
}

export function percentiles(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return { n: s.length, p50ms: at(50), p95ms: at(95), p99ms: at(99), meanMs: s.reduce((a, b) => a + b, 0) / s.length };
}

/** Runs `fn` n times (after warm-up), `concurrency` at a time, and returns latency percentiles. */
export async function timeIt(fn: (i: number) => Promise<unknown>, n = 200, concurrency = 4, warmup = 10): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await fn(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return percentiles(samples);
}

export interface ScenarioResult {
  name: string;
  engine: string;
  metrics: Record<string, unknown>;
  /** ratio = subject / baseline, measured in the same run. */
  ratios: Record<string, number>;
  targets?: Record<string, { limit: number; met: boolean }>;
  notes?: string;
}
