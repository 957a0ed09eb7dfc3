// The input edge: the attack run's findings (issue 12) as reproductions. NUL and lone surrogates are refused
// with a field error before any database call, impossible dates are refused on reads and writes, a foreign
// key to nothing is a field error, Fastify's own errors (before routing too) come out in the one error shape,
// and what the audit chain hashes is exactly what it stores.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildOrg, buildStreet, buildUser } from '../src/seed/factories';
import { recordAudit } from '../src/platform/audit';
import { verifyAuditChain } from '../src/platform/audit-chain';
import { rowsOf } from '../src/platform/db';
import { accidentBody, buildWorld, type World } from '../src/modules/accidents/test-world';
import { loginAs, type Client } from './app';
import { testAction } from './audit-codes';

let w: World;
let admin: Client;
let auditor: Client;
beforeAll(async () => {
  w = await buildWorld();
  const db = w.t.database.db;
  const bureau = await buildOrg(db, { area: w.district as never });
  const a = await buildUser(db, { role: 'sys_admin', org: bureau });
  const b = await buildUser(db, { role: 'audit_admin', org: bureau });
  admin = await loginAs(w.t.app, a.username, a.password);
  auditor = await loginAs(w.t.app, b.username, b.password);
});
afterAll(() => w.t.close());

const rawJson = (url: string, body: string, headers: Record<string, string> = {}) =>
  w.t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: body });

interface ErrorShape {
  code: string;
  message: string;
  details: { field: string; message: string }[];
}

function expectShape(res: { statusCode: number; json(): unknown; headers: Record<string, unknown> }, status: number): ErrorShape {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/json/);
  const body = res.json() as { error: ErrorShape };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(Array.isArray(body.error.details)).toBe(true);
  return body.error;
}

describe('the audit chain and a lone surrogate', () => {
  it('refuses a username with a lone surrogate before logging anything, and the chain still verifies', async () => {
    const before = await verifyAuditChain(w.t.database.db);
    const res = await rawJson('/api/auth/login', '{"username":"\\ud800x","password":"x"}');
    const err = expectShape(res, 400);
    expect(err.details).toEqual([{ field: 'username', message: expect.stringContaining('代理') }]);
    const after = await verifyAuditChain(w.t.database.db);
    expect(after).toMatchObject({ ok: true, firstBrokenId: null, checked: before.checked });
  });

  it('hashes exactly what it stores when a caller records unnormalised text', async () => {
    const db = w.t.database.db;
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, ip: null },
        { action: testAction('test.surrogate'), entityId: 'a\ud800b', after: { name: 'x\udc00\u0000y' } },
      ),
    );
    const rows = rowsOf<{ entity_id: string; after: { name: string } }>(
      await db.execute(sql`select entity_id, after from audit_log where action = 'test.surrogate'`),
    );
    expect(rows[0]).toEqual({ entity_id: 'a\ufffdb', after: { name: 'x\ufffd\ufffdy' } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBrokenId: null });
  });
});

describe('NUL and lone surrogates are refused with a field error', () => {
  it('in a login username, without a session', async () => {
    const err = expectShape(await rawJson('/api/auth/login', '{"username":"a\\u0000b","password":"x"}'), 400);
    expect(err.code).toBe('VALIDATION');
    expect(err.details[0]).toMatchObject({ field: 'username' });
  });

  it('in a query string, in English when asked', async () => {
    const res = await w.officer.get('/api/enterprises?q=%00', { 'accept-language': 'en' });
    const err = expectShape(res, 400);
    expect(err.details).toEqual([{ field: 'querystring.q', message: expect.stringMatching(/NUL/) }]);
  });

  it('in a nested body field, and in an object key', async () => {
    const nested = await w.officer.post('/api/accidents', accidentBody(w.streetA.code, { address: 'a\ud800' }));
    expect(expectShape(nested, 400).details[0]).toMatchObject({ field: 'address' });
    const key = await w.t.app.inject({
      method: 'POST',
      url: '/api/accidents',
      headers: { cookie: w.officer.cookie, 'x-csrf-token': w.officer.csrf, 'content-type': 'application/json' },
      payload: '{"x\\u0000":1}',
    });
    expectShape(key, 400);
  });

  it('but not in the address of a page: the app shell opens, and its list drops the value', async () => {
    // This test app serves no web build, so a page's address answers the plain 404 the shell would replace.
    const err = expectShape(await w.officer.get('/enterprises?q=%00'), 404);
    expect(err.code).toBe('NOT_FOUND');
  });

  it('in a path parameter', async () => {
    expectShape(await w.officer.get('/api/enterprises/%00'), 400);
  });

  it('and a query parameter given twice is named as such, not as a wrong type', async () => {
    const page = expectShape(await w.officer.get('/api/enterprises?page=1&page=2'), 400);
    expect(page.details).toEqual([{ field: 'querystring.page', message: '此参数只能给出一次' }]);
    const sort = expectShape(await w.officer.get('/api/enterprises?sort=name&sort=-name', { 'accept-language': 'en' }), 400);
    expect(sort.details).toEqual([{ field: 'querystring.sort', message: 'Give this parameter only once' }]);
    expect((await w.officer.get('/api/enterprises?page=1&sort=name')).statusCode).toBe(200);
  });

  it('refuses JSON nested deeper than any schema needs', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/accidents',
      headers: { cookie: w.officer.cookie, 'x-csrf-token': w.officer.csrf, 'content-type': 'application/json' },
      payload: `{"address":${deep}}`,
    });
    expectShape(res, 400);
  });
});

describe('dates that match the pattern but do not exist', () => {
  it('are refused on reads', async () => {
    for (const url of ['/api/audit?from=0000-01-01', '/api/audit?to=2026-02-30', '/api/audit?from=2026-13-01']) {
      const err = expectShape(await auditor.get(url), 400);
      expect(err.details[0]!.field, url).toMatch(/^querystring\.(from|to)$/);
    }
    expect((await auditor.get('/api/audit?from=2024-02-29')).statusCode).toBe(200);
  });

  it('are refused on writes', async () => {
    const gen = await w.officer.post('/api/check-tasks/generate', { date: '9999-12-31' });
    expect(expectShape(gen, 400).details[0]).toMatchObject({ field: 'date' });
    const acc = await w.officer.post('/api/accidents', accidentBody(w.streetA.code, { occurredAt: '0000-01-01T00:00:00Z' }));
    expect(expectShape(acc, 400).details).toEqual([{ field: 'occurredAt', message: expect.any(String) }]);
    const feb = await w.officer.post('/api/accidents', accidentBody(w.streetA.code, { occurredAt: '2026-02-30T08:00:00+08:00' }));
    expect(expectShape(feb, 400).details[0]).toMatchObject({ field: 'occurredAt' });
  });
});

describe('a reference to a record that does not exist', () => {
  it('is a field error when creating an organisation', async () => {
    const street = await buildStreet(w.t.database.db, { district: w.district as never });
    const base = { name: '测试站', kind: 'park_station', areaCode: street.code };
    const park = await admin.post('/api/organisations', { ...base, parkId: '00000000-0000-4000-8000-000000000000' });
    expect(expectShape(park, 400).details[0]).toMatchObject({ field: 'parkId' });
    const parent = await admin.post('/api/organisations', { ...base, parentId: '00000000-0000-4000-8000-000000000000' });
    expect(expectShape(parent, 400).details[0]).toMatchObject({ field: 'parentId' });
  });
});

describe("Fastify's own errors come out in the one shape", () => {
  it('an over-long path id (414) and invalid UTF-8 in a path (400)', async () => {
    expect(expectShape(await w.officer.get(`/api/enterprises/${'a'.repeat(300)}`), 414).code).toBe('URI_TOO_LONG');
    expect(expectShape(await w.officer.get('/api/enterprises/%ff%fe'), 400).code).toBe('BAD_URL');
    expect(expectShape(await w.t.app.inject({ method: 'GET', url: '/api/%c0%af' }), 400).code).toBe('BAD_URL');
  });

  it("what Node's HTTP parser refuses (an address over 16 KB, malformed HTTP), over a real socket", async () => {
    const address = await w.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const send = (raw: string) =>
      new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(raw));
        socket.on('data', (c) => chunks.push(c));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
    const parse = (answer: string) => {
      const [head, body] = answer.split('\r\n\r\n');
      return { status: Number(head!.split(' ')[1]), type: /content-type: (.*)/i.exec(head!)?.[1], body: JSON.parse(body!) as unknown };
    };
    const long = parse(await send(`GET /api/enterprises?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(long).toMatchObject({ status: 431, type: expect.stringContaining('application/json') });
    expect(long.body).toEqual({
      error: { code: 'HEADERS_TOO_LARGE', message: '请求地址或请求头过长 / The request address or headers are too long', details: [] },
    });
    const garbled = parse(await send('NOT HTTP AT ALL\r\n\r\n'));
    expect(garbled).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', details: [] } } });
  });

  it('malformed JSON, an empty JSON body, an oversized body, an unsupported media type', async () => {
    const h = { cookie: w.officer.cookie, 'x-csrf-token': w.officer.csrf };
    const post = (type: string, payload: string) =>
      w.t.app.inject({ method: 'POST', url: '/api/accidents', headers: { ...h, 'content-type': type }, payload });
    expect(expectShape(await post('application/json', '{"a":'), 400).code).toBe('BAD_JSON');
    expect(expectShape(await post('application/json', ''), 400).code).toBe('BAD_JSON');
    const big = expectShape(await post('application/json', `{"a":"${'x'.repeat(1_100_000)}"}`), 413);
    expect(big.code).toBe('BODY_TOO_LARGE');
    expect(big.details).toEqual([{ field: 'body', message: '提交的内容超过 1 MB 上限：请缩短文字，或把材料作为附件上传' }]);
    expect(expectShape(await post('text/xml', '<a/>'), 415).code).toBe('UNSUPPORTED_MEDIA');
    expect(expectShape(await post('application/json', '{"__proto__":{"x":1}}'), 400).code).toBe('BAD_JSON');
  });

  it('a multipart upload without a boundary, or cut short (found by the fuzz suite)', async () => {
    const h = { cookie: w.enterpriseUserA.cookie, 'x-csrf-token': w.enterpriseUserA.csrf };
    const up = (type: string, payload: string) =>
      w.t.app.inject({ method: 'POST', url: '/api/hazards/attachments', headers: { ...h, 'content-type': type }, payload });
    expect(expectShape(await up('multipart/form-data', ''), 400).details[0]).toMatchObject({ field: 'file' });
    const cut = '------b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc';
    expectShape(await up('multipart/form-data; boundary=----b', cut), 400);
  });

  it('an unknown route and an unknown method', async () => {
    expect(expectShape(await w.t.app.inject({ method: 'GET', url: '/api/nothing-here' }), 404).code).toBe('NOT_FOUND');
    expect(expectShape(await w.t.app.inject({ method: 'PROPFIND' as 'GET', url: '/api/health' }), 404).code).toBe('NOT_FOUND');
  });
});

// Last: it alters an entry of this file's chain (and puts it back).
describe('verifying a broken chain', () => {
  it('reports the first broken entry, how many are broken, and keeps checking after the break', async () => {
    const db = w.t.database.db;
    for (let i = 0; i < 6; i++)
      await db.transaction((tx) => recordAudit(tx, { actor: null, ip: null }, { action: testAction('test.n'), after: { i } }));
    const ids = rowsOf<{ id: number }>(await db.execute(sql`select id from audit_log where action = 'test.n' order by id`)).map((r) =>
      Number(r.id),
    );
    const total = (await verifyAuditChain(db)).checked;
    const tamper = async (after: string) => {
      await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await db.execute(sql`update audit_log set after = ${after}::jsonb where id = ${ids[2]}`);
      await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    };
    await tamper('{"i":99}');
    expect(await verifyAuditChain(db, 2)).toEqual({
      ok: false,
      checked: total,
      firstBrokenId: ids[2],
      brokenCount: 1,
      brokenIds: [ids[2]],
    });
    const res = await auditor.post('/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: false, firstBrokenId: ids[2], brokenCount: 1 });
    await tamper('{"i":2}');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, brokenCount: 0 });
  });
});

describe('messages a person can act on', () => {
  it('says a left-out field is required and names the type of a wrong one, in both languages', async () => {
    const missing = expectShape(await rawJson('/api/auth/login', '{"username":"someone"}'), 400);
    expect(missing.details).toEqual([{ field: 'password', message: '必填' }]);
    const en = expectShape(await rawJson('/api/auth/login', '{"username":"someone"}', { 'accept-language': 'en' }), 400);
    expect(en.details).toEqual([{ field: 'password', message: 'Required' }]);
    const wrong = expectShape(await rawJson('/api/auth/login', '{"username":"someone","password":12}'), 400);
    expect(wrong.details).toEqual([{ field: 'password', message: expect.stringContaining('数字') }]);
    expect(wrong.details[0]!.message).not.toContain('12');
  });
});
