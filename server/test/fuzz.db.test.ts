// The fuzz suite (issue 12): requests generated from the app's own OpenAPI document — every operation, every
// path/query parameter and body field — plausible ones, mutated ones (wrong types, missing and extra fields,
// boundaries, impossible dates, NUL, surrogates, RTL marks, long strings, deep JSON, SQL and LIKE
// metacharacters, traversal in ids), raw bodies and media types, from every role and from nobody. It asserts:
// no 5xx, every error in the one shape, no data changed by a refused request, the audit chain verifies
// afterwards and health answers. The seed is printed; ANJIAN_FUZZ_SEED replays a run, ANJIAN_FUZZ_RUNS sizes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { errorCatalog, type Role } from '@anjian/contracts';
import { verifyAuditChain } from '../src/platform/audit-chain';
import { routeTable } from './route-table';
import { buildFuzzWorld, type FuzzWorld } from './fuzz/world';
import {
  applyMutations,
  hostileArb,
  hostileStrings,
  mutationArb,
  plausible,
  schemaPaths,
  type JsonSchema,
  type Mutation,
} from './fuzz/schema-arbitraries';

// The day (UTC, as YYYYMMDD) unless given: every run of one day replays the same requests, each day explores new ones.
const SEED = process.env.ANJIAN_FUZZ_SEED
  ? Number(process.env.ANJIAN_FUZZ_SEED)
  : Number(new Date().toISOString().slice(0, 10).replace(/-/g, ''));
const RUNS = Number(process.env.ANJIAN_FUZZ_RUNS ?? 10_000);

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  key: string; // 'GET /api/enterprises/:id', as in route-table.ts
  method: string;
  path: string; // '/api/enterprises/{id}'
  params: Parameter[];
  body: JsonSchema | null;
}

/** Routes left out: logging out ends the caller's session (its own tests cover it). */
const SKIP = new Set(['POST /api/auth/logout']);

/** Tables a refused request may change, by route: failed logins and password checks count towards lock-out. */
const MAY_CHANGE_WHEN_REFUSED: Record<string, string[]> = {
  // A refused login still counts against the name and the address (modules/auth/login-throttle.ts).
  'POST /api/auth/login': ['users', 'login_throttle'],
  'POST /api/auth/password': ['users'],
};

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      if (method === 'HEAD' || !path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
      const key = `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      if (SKIP.has(key)) continue;
      const rb = op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
      out.push({ key, method, path, params: op.parameters ?? [], body: rb?.content?.['application/json']?.schema ?? null });
    }
  }
  return out;
}

interface FuzzRequest {
  op: string;
  caller: Role | 'anonymous';
  variant: string;
  inject: InjectOptions;
}

const roleNames: Role[] = [
  'sys_admin',
  'audit_admin',
  'district_leader',
  'district_officer',
  'street_officer',
  'grid_inspector',
  'industry_officer',
  'park_officer',
  'enterprise_principal',
  'enterprise_safety_manager',
  'public',
];

function callerArb(op: Operation): fc.Arbitrary<Role | 'anonymous'> {
  const row = routeTable[op.key];
  const allowed = !row || row.roles === 'any' ? roleNames : (row.roles as readonly Role[]);
  return fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom(...(allowed.length ? allowed : roleNames)) },
    { weight: 3, arbitrary: fc.constantFrom(...roleNames) },
    { weight: 1, arbitrary: fc.constant('anonymous' as const) },
  );
}

/** encodeURIComponent, except that a lone surrogate travels as the bytes a careless client would send (CESU-8). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s]
      .map((ch) => {
        const c = ch.charCodeAt(0);
        if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
          return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
        return encodeURIComponent(ch);
      })
      .join('');
  }
}

const queryText = (v: unknown): string | string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : typeof v === 'string' ? v : JSON.stringify(v);

/** A path parameter as it travels: usually encoded, sometimes raw traversal, over-long or badly encoded. */
const hostilePathArb = fc.oneof(
  fc.constantFrom(...hostileStrings).map(enc),
  fc.constantFrom(
    '..',
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e',
    '%ff%fe',
    '%c0%af',
    '%00',
    '%',
    'a'.repeat(150),
    '1'.repeat(20),
    '-1',
    '1e3',
    '0x10',
  ),
);

function multipartBody(filename: string, content: string) {
  const boundary = '----anjianfuzz';
  const payload =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

function requestArb(op: Operation, w: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const { pools } = w;
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(...pathParams.map((p) => plausible(p.schema, pools, p.name === 'id' ? idTable(op.path) : p.name)));
  const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, plausible(p.schema, pools, p.name)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) as never[],
  });
  const bodyArb = op.body ? plausible(op.body, pools) : fc.constant(undefined);
  const bodyPaths = schemaPaths(op.body ?? undefined);
  const queryPaths = queryParams.map((p) => [p.name]);

  const variant = fc.constantFrom('plausible', 'body', 'body', 'body', 'query', 'path', 'raw', 'headers');
  return fc
    .record({
      variant,
      caller: callerArb(op),
      pathValues: pathArb,
      query: queryArb,
      body: bodyArb,
      bodyMutations: fc.array(mutationArb(bodyPaths), { minLength: 1, maxLength: 3 }),
      queryMutations: fc.array(mutationArb(queryPaths), { minLength: 1, maxLength: 3 }),
      pathIndex: fc.nat(),
      hostilePath: hostilePathArb,
      raw: fc.oneof(
        fc.constantFrom('{"a":', '', '[]', '"x"', 'null', '{"__proto__":{"admin":true}}', '{"a":1,"a":2}', '\u0000', '{"x":"\\ud800"}'),
        fc.constantFrom('['.repeat(3000) + ']'.repeat(3000), `{"a":"${'z'.repeat(1_100_000)}"}`),
        hostileArb.map((v) => JSON.stringify(v) ?? 'null'),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/json; charset=latin1',
      ),
      multipart: fc.record({
        filename: fc.constantFrom(...hostileStrings.slice(0, 25), 'a.xlsx', 'x.jpg'),
        content: fc.string({ maxLength: 200 }),
      }),
      dropCsrf: fc.boolean(),
      lang: fc.constantFrom('zh-CN', 'en', ''),
    })
    .map((r): FuzzRequest => {
      let body = r.body;
      let query = r.query as Record<string, unknown>;
      const pathValues = r.pathValues.map((v) => enc(String(v)));
      let contentType: string | undefined = op.method === 'GET' || op.method === 'DELETE' ? undefined : 'application/json';
      let payload: string | undefined;
      const headers: Record<string, string> = {};
      switch (r.variant) {
        case 'body':
          body = op.body ? applyMutations(body, r.bodyMutations as Mutation[]) : body;
          break;
        case 'query':
          query = applyMutations(query, r.queryMutations as Mutation[]) as Record<string, unknown>;
          break;
        case 'path':
          if (pathValues.length) pathValues[r.pathIndex % pathValues.length] = r.hostilePath;
          else query = applyMutations(query, r.queryMutations as Mutation[]) as Record<string, unknown>;
          break;
        case 'raw':
          if (op.method === 'GET') query = applyMutations(query, r.queryMutations as Mutation[]) as Record<string, unknown>;
          else if (!op.body && r.pathIndex % 2 === 0) {
            const m = multipartBody(r.multipart.filename, r.multipart.content);
            payload = m.payload;
            contentType = m.contentType;
          } else {
            payload = r.raw;
            contentType = r.contentType;
          }
          break;
        case 'headers':
          if (r.dropCsrf) headers['x-csrf-token'] = 'wrong';
          if (op.method !== 'GET') contentType = r.contentType;
          break;
      }
      let i = 0;
      const url = op.path.replace(/\{\w+\}/g, () => pathValues[i++] ?? 'x');
      const qs = Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .flatMap(([k, v]) => {
          const t = queryText(v);
          return (Array.isArray(t) ? t : [t]).map((x) => `${enc(k)}=${enc(x)}`);
        })
        .join('&');
      if (payload === undefined && body !== undefined && op.method !== 'GET') payload = JSON.stringify(body);
      if (contentType) headers['content-type'] = contentType;
      if (r.lang) headers['accept-language'] = r.lang;
      return {
        op: op.key,
        caller: r.caller,
        variant: r.variant,
        inject: { method: op.method as 'GET', url: qs ? `${url}?${qs}` : url, headers, payload },
      };
    });
}

/** The table an `:id` in this path names: /api/risk-units/{id}/events → risk_units. */
function idTable(path: string): string {
  const segs = path.split('/').filter(Boolean);
  const at = segs.indexOf('{id}');
  return (segs[at - 1] ?? '').replace(/-/g, '_');
}

interface Failure {
  index: number;
  request: FuzzRequest;
  status: number;
  problem: string;
  body: string;
}

function shapeProblem(status: number, contentType: string, text: string): string | null {
  if (status < 400) return null;
  if (!/application\/json/.test(contentType)) return `error with content-type ${contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'error body is not JSON';
  }
  const e = (body as { error?: Record<string, unknown> }).error;
  if (!e || typeof e !== 'object') return 'no error object';
  if (Object.keys(e).sort().join() !== 'code,details,message') return `error keys ${Object.keys(e).join()}`;
  if (!(String(e.code) in errorCatalog)) return `unknown code ${String(e.code)}`;
  if (typeof e.message !== 'string' || !e.message) return 'empty message';
  if (!Array.isArray(e.details)) return 'details not an array';
  for (const d of e.details as Record<string, unknown>[])
    if (typeof d?.field !== 'string' || typeof d?.message !== 'string' || Object.keys(d).length !== 2) return `detail ${JSON.stringify(d)}`;
  return null;
}

const show = (s: string | undefined, n = 300) => (s === undefined ? '' : s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

let w: FuzzWorld;
beforeAll(async () => {
  w = await buildFuzzWorld();
}, 600_000);
afterAll(() => w?.t.close());

describe('fuzzing every operation of the OpenAPI document', () => {
  it(`answers ${RUNS} generated requests without a server error, in the error shape, changing nothing when refused`, async () => {
    console.log(`fuzz seed ${SEED} (replay: ANJIAN_FUZZ_SEED=${SEED}), ${RUNS} requests`);
    const doc = (w.t.app as unknown as { swagger(): Parameters<typeof operationsOf>[0] }).swagger();
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    const arb = fc.constantFrom(...ops).chain((op) => requestArb(op, w));
    const started = Date.now();
    const cpu0 = process.cpuUsage();
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    const spent = new Map<string, number>();
    let genMs = 0;
    let changeMs = 0;
    const chunk = 500;
    let index = 0;
    for (let c = 0; index < RUNS; c++) {
      const g0 = performance.now();
      // Chunk seeds spread by a multiplicative hash, so runs with neighbouring seeds do not share chunks.
      const batch = fc.sample(arb, { seed: (SEED ^ Math.imul(c + 1, 0x9e3779b1)) | 0, numRuns: Math.min(chunk, RUNS - index) });
      genMs += performance.now() - g0;
      for (const req of batch) {
        const client = req.caller === 'anonymous' ? null : w.clients.get(req.caller);
        const headers = { ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}), ...req.inject.headers };
        const t0 = performance.now();
        const res = await w.t.app.inject({ ...req.inject, headers });
        spent.set(req.op, (spent.get(req.op) ?? 0) + performance.now() - t0);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode < 400) reached.add(req.op);
        const fail = (problem: string) => failures.push({ index, request: req, status: res.statusCode, problem, body: show(res.body) });
        if (res.statusCode >= 500) fail('server error');
        const shape = shapeProblem(res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
        if (shape) fail(shape);
        const c0 = performance.now();
        const changed = await w.changes();
        changeMs += performance.now() - c0;
        if (res.statusCode >= 400) {
          const allowed = MAY_CHANGE_WHEN_REFUSED[req.op] ?? [];
          const bad = [...changed.keys()].filter((t) => !allowed.includes(t));
          if (bad.length) fail(`refused request changed ${bad.map((t) => `${t} (${changed.get(t)})`).join(', ')}`);
        }
        index++;
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `fuzz: ${index} requests in ${seconds.toFixed(1)} s (${(index / seconds).toFixed(0)}/s, this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `${reached.size}/${ops.length} operations answered below 400 at least once`,
    );
    const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`fuzz: generating ${(genMs / 1000).toFixed(1)} s, change checks ${(changeMs / 1000).toFixed(1)} s`);
    console.log(`fuzz: most time in ${slowest.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join('; ')}`);
    const report = failures
      .slice(0, 40)
      .map(
        (f) =>
          `#${f.index} ${f.request.op} as ${f.request.caller} [${f.request.variant}] → ${f.status}: ${f.problem}\n` +
          `   ${f.request.inject.method} ${show(String(f.request.inject.url), 200)} ${JSON.stringify(f.request.inject.headers)}\n` +
          `   payload ${show(typeof f.request.inject.payload === 'string' ? f.request.inject.payload : undefined)}\n   answer ${f.body}`,
      )
      .join('\n');
    expect(failures.length, `seed ${SEED}: ${failures.length} failures\n${report}`).toBe(0);
    expect(index).toBe(RUNS);
  }, 900_000);

  it('leaves the audit chain intact and the server answering health', async () => {
    const v = await verifyAuditChain(w.t.database.db);
    expect(v).toMatchObject({ ok: true, brokenCount: 0 });
    expect(v.checked).toBeGreaterThan(0);
    const h = await w.t.app.inject({ method: 'GET', url: '/api/health' });
    expect(h.statusCode).toBe(200);
  });
});
