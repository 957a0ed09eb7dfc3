// The database's own figures while the mixed workload runs: connections and what they wait on (pg_stat_activity,
// sampled every second), ungranted locks (pg_locks), and the pg_stat_database counters over the phase (commits,
// rollbacks, deadlocks, lock-related conflicts, block reads and their time, temp files). And CPU: each platform
// process's, the driver's own, and all postgres processes' (the server is shared, so that one is an upper bound).
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';

const DB_COUNTERS = [
  'xact_commit',
  'xact_rollback',
  'deadlocks',
  'blks_read',
  'blks_hit',
  'blk_read_time',
  'blk_write_time',
  'temp_files',
  'temp_bytes',
  'tup_inserted',
  'tup_updated',
] as const;

const TICKS = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** CPU ticks of the given processes now. */
export function ticksOf(pids: number[]): Map<number, number> {
  return new Map(pids.map((p) => [p, cpuTicks(p)]));
}

/** CPU ticks of each postgres process now (backends come and go: a delta is taken per process id). */
function postgresTicks(): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim().startsWith('postgres')) out.set(Number(d), cpuTicks(Number(d)));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

function postgresDelta(before: Map<number, number>, now = postgresTicks()): number {
  let sum = 0;
  for (const [pid, t] of now) sum += t - (before.get(pid) ?? 0);
  return sum;
}

/** Process ids of the backends connected to `db` (the platform's pools), to charge their CPU to it. */
export async function backendPids(client: pg.Client, db: string): Promise<number[]> {
  return (
    await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [db])
  ).rows.map((r) => r.pid);
}

export { cpuTicks, postgresDelta, postgresTicks };

/** Busy and total ticks of the whole machine (all cores), from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - f[3]! - (f[4] ?? 0), total };
}

interface Sample {
  connections: number;
  active: number;
  idleInTransaction: number;
  waitingOnLock: number;
  waitingOnLwlock: number;
  waitingOnIo: number;
  ungrantedLocks: number;
}

export async function startDbSampler(url: string, db: string, serverPids: number[]) {
  const client = new pg.Client({ connectionString: url, application_name: 'anjian-bench-sampler' });
  await client.connect();
  const counters = async () =>
    (await client.query(`select ${DB_COUNTERS.join(', ')} from pg_stat_database where datname = $1`, [db])).rows[0] as Record<
      string,
      string | number
    >;
  const before = await counters();
  const t0 = performance.now();
  const cpu0 = {
    servers: serverPids.map(cpuTicks),
    postgres: postgresTicks(),
    backends: ticksOf(await backendPids(client, db)),
    driver: process.cpuUsage(),
    machine: machineTicks(),
  };
  const samples: Sample[] = [];
  const lockWaits = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<Sample>(
        `select count(*)::int as connections,
                (count(*) filter (where state = 'active'))::int as active,
                (count(*) filter (where state like 'idle in transaction%'))::int as "idleInTransaction",
                (count(*) filter (where state = 'active' and wait_event_type = 'Lock'))::int as "waitingOnLock",
                (count(*) filter (where state = 'active' and wait_event_type = 'LWLock'))::int as "waitingOnLwlock",
                (count(*) filter (where state = 'active' and wait_event_type = 'IO'))::int as "waitingOnIo",
                (select count(*)::int from pg_locks l where not l.granted
                   and l.pid in (select pid from pg_stat_activity where datname = $1)) as "ungrantedLocks"
           from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [db],
      );
      samples.push(rows[0]!);
      // Who waits on a lock, and what the session holding it is doing (its last statement).
      const waits = await client.query<{ waiting: string; blocker: string }>(
        `select left(regexp_replace(w.query, '\\s+', ' ', 'g'), 90) as waiting,
                coalesce(b.state, '?') || ': ' || left(regexp_replace(coalesce(b.query, ''), '\\s+', ' ', 'g'), 90) as blocker
           from pg_stat_activity w
           cross join lateral unnest(pg_blocking_pids(w.pid)) as bp(pid)
           left join pg_stat_activity b on b.pid = bp.pid
          where w.datname = $1 and w.wait_event_type = 'Lock'`,
        [db],
      );
      for (const w of waits.rows) {
        const key = `${w.waiting}  <=  ${w.blocker}`;
        lockWaits.set(key, (lockWaits.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const after = await counters();
      const backendsNow = ticksOf(await backendPids(client, db));
      const seconds = (performance.now() - t0) / 1000;
      await client.end();
      const delta = Object.fromEntries(DB_COUNTERS.map((k) => [k, Math.round((Number(after[k]) - Number(before[k])) * 10) / 10]));
      const hits = Number(delta.blks_hit);
      const reads = Number(delta.blks_read);
      const agg = (k: keyof Sample) => ({
        mean: Math.round((samples.reduce((a, s) => a + s[k], 0) / Math.max(1, samples.length)) * 10) / 10,
        max: Math.max(0, ...samples.map((s) => s[k])),
      });
      const driver = process.cpuUsage(cpu0.driver);
      const pct = (ticks: number) => Math.round((ticks / TICKS / seconds) * 1000) / 10;
      return {
        samples: samples.length,
        connections: agg('connections'),
        active: agg('active'),
        idleInTransaction: agg('idleInTransaction'),
        waitingOnLock: agg('waitingOnLock'),
        waitingOnLwlock: agg('waitingOnLwlock'),
        waitingOnIo: agg('waitingOnIo'),
        ungrantedLocks: agg('ungrantedLocks'),
        /** Sampled lock waits: "waiting statement  <=  state: blocking session's last statement", seen n times. */
        lockWaits: Object.fromEntries([...lockWaits].sort((a, b) => b[1] - a[1]).slice(0, 6)),
        pgStatDatabase: { ...delta, cacheHitRatio: hits + reads ? Math.round((hits / (hits + reads)) * 10000) / 10000 : null },
        cpuPercentOfOneCore: {
          servers: serverPids.map((pid, i) => pct(cpuTicks(pid) - cpu0.servers[i]!)),
          driver: Math.round(((driver.user + driver.system) / 1e6 / seconds) * 1000) / 10,
          /** The backends serving this database (connected at the start or end of the phase). */
          thisDatabaseBackends: pct(postgresDelta(cpu0.backends, backendsNow)),
          allPostgresProcesses: pct(postgresDelta(cpu0.postgres)),
        },
        // Everything on the machine, this run and the other sessions sharing it: 100 = every core busy.
        machineCpuBusyPercent: (() => {
          const m = machineTicks();
          return Math.round(((m.busy - cpu0.machine.busy) / (m.total - cpu0.machine.total)) * 1000) / 10;
        })(),
        loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
        cpus: os.cpus().length,
      };
    },
  };
}
