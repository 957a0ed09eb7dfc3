// The mixed-workload driver's HTTP side: node:http over a keep-alive agent per platform instance (a bounded pool
// of sockets shared by all sessions, the way a reverse proxy would multiplex them), and a recorder of latencies
// and failures per request kind. node:http costs the driver less CPU per request than fetch, so 1,000 sessions
// on this small machine leave the CPU to the server.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { percentiles, type Latency } from '../lib';

export interface Session {
  user: string;
  role: string;
  cookie: string;
  csrf: string;
  /** The platform instance this session talks to. */
  target: Target;
}

export interface Target {
  url: URL;
  agent: http.Agent;
}

export function target(url: string, sockets: number): Target {
  return { url: new URL(url), agent: new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets }) };
}

export interface Reply {
  status: number;
  body: Buffer;
  json<T>(): T;
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  multipart?: { field: string; filename: string; type: string; data: Buffer };
}

export function request(s: Pick<Session, 'cookie' | 'csrf' | 'target'>, path: string, opts: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { cookie: s.cookie };
  let body: Buffer | null = null;
  if (opts.json !== undefined) {
    body = Buffer.from(JSON.stringify(opts.json));
    headers['content-type'] = 'application/json';
  } else if (opts.multipart) {
    const boundary = `----anjianbench${randomBytes(8).toString('hex')}`;
    const m = opts.multipart;
    body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${m.field}"; filename="${m.filename}"\r\ncontent-type: ${m.type}\r\n\r\n`,
      ),
      m.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
  }
  const method = opts.method ?? (body ? 'POST' : 'GET');
  if (method !== 'GET') headers['x-csrf-token'] = s.csrf;
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: s.target.url.hostname, port: s.target.url.port, path, method, headers, agent: s.target.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, body: buf, json: <T>() => JSON.parse(buf.toString('utf8')) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

export type Category = 'read' | 'write' | 'export';

interface KindStats {
  category: Category;
  samples: number[];
  failures: Map<string, number>;
}

/** Latencies and failures per request kind; requests completing before `from` (the warm-up) are dropped. */
export class Recorder {
  private kinds = new Map<string, KindStats>();
  private examples: string[] = [];
  from = 0;
  until = Infinity;

  async time(kind: string, category: Category, fn: () => Promise<Reply>, ok = (r: Reply) => r.status >= 200 && r.status < 300) {
    const t0 = performance.now();
    let r: Reply | null = null;
    let failure: string | null = null;
    try {
      r = await fn();
      if (!ok(r)) failure = String(r.status);
    } catch (e) {
      failure = (e as Error).message.slice(0, 60);
    }
    const t1 = performance.now();
    // Counted by completion inside the window, so throughput stays right when latencies are long.
    if (t1 >= this.from && t1 <= this.until) {
      let k = this.kinds.get(kind);
      if (!k) this.kinds.set(kind, (k = { category, samples: [], failures: new Map() }));
      k.samples.push(t1 - t0);
      if (failure) {
        k.failures.set(failure, (k.failures.get(failure) ?? 0) + 1);
        if (this.examples.length < 20) this.examples.push(`${kind} ${failure}: ${r?.body.toString('utf8').slice(0, 300) ?? ''}`);
      }
    }
    return failure ? null : r;
  }

  summary(seconds: number) {
    const perKind: Record<string, Latency & { rps: number; failures: Record<string, number> }> = {};
    const byCategory: Record<Category, number[]> = { read: [], write: [], export: [] };
    let total = 0;
    let failed = 0;
    for (const [name, k] of [...this.kinds].sort((a, b) => a[0].localeCompare(b[0]))) {
      const failures = Object.fromEntries(k.failures);
      perKind[name] = { ...round(percentiles(k.samples)), rps: round1(k.samples.length / seconds), failures };
      byCategory[k.category].push(...k.samples);
      total += k.samples.length;
      failed += [...k.failures.values()].reduce((a, b) => a + b, 0);
    }
    const cat = (c: Category) => (byCategory[c].length ? round(percentiles(byCategory[c])) : null);
    return {
      requests: total,
      requestsPerSec: round1(total / seconds),
      errorRate: total ? failed / total : 0,
      failed,
      reads: cat('read'),
      writes: cat('write'),
      exports: cat('export'),
      perKind,
      failureExamples: this.examples,
    };
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round = (l: Latency): Latency => ({
  n: l.n,
  p50ms: round1(l.p50ms),
  p95ms: round1(l.p95ms),
  p99ms: round1(l.p99ms),
  meanMs: round1(l.meanMs),
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
