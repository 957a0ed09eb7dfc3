// 三项岗位 people and certificates through the API: an enterprise keeps its list (identity number in full only for
// its own accounts, masked for every officer, never in the audit trail or the logs); bilingual 400s that change
// nothing; 409 with `current` on a stale version; scope (street, industry department, park station: 404 out of
// scope); the expiry/review list; revocation by the district bureau; the holding rates from the maintained summary
// against a direct count over people and certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { addDays, addMonths, cstDate } from '../../platform/time';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { domainEvents } from '../../db/schema';
import { onAccidentRegistered, onEnterpriseMoved, peopleConsumer } from './people.consumer';
import { computeSummary } from './people.queries';
import { refreshStaleSummaries } from './people.job';
import { evaluateCertificateDue } from '../notifications/notifications.job';
import { addYears } from './people.rules';

let t: TestApp;
const as: Record<string, Client> = {};
const ents: Record<string, string> = {};
const streets: Record<string, Awaited<ReturnType<typeof buildStreet>>> = {};
const lines: string[] = [];
const today = cstDate();

/** A valid identity number (GB 11643 check character) for a sequence number. */
function idNumber(seq: number): string {
  const body = `440307198${seq % 10}0101${String(100 + seq).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}
let seq = 0;
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

beforeAll(async () => {
  t = await buildTestApp({ logLevel: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  streets.b = streetB;
  const park = await buildPark(db, { street: streetA });
  ents.a = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetA }), sector: 'machinery' })).id;
  ents.b = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetB }), sector: 'construction' })).id;
  ents.p = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetA }), sector: 'machinery', parkId: park.id })).id;
  const login = async (key: string, role: Role, o: Parameters<typeof buildUser>[1] extends infer X ? Partial<X> : never) => {
    const u = await buildUser(db, { role, ...o });
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('entA', 'enterprise_principal', { enterpriseId: ents.a, org: null });
  await login('entB', 'enterprise_safety_manager', { enterpriseId: ents.b, org: null });
  await login('entP', 'enterprise_principal', { enterpriseId: ents.p, org: null });
  await login('district', 'district_officer', { org: await buildOrg(db, { area: district }) });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  await login('zhujian', 'industry_officer', {
    org: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  });
  await login('park', 'park_officer', { org: await buildOrg(db, { area: streetA, kind: 'park_station', parkId: park.id }) });
});
afterAll(() => t.close());

const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });

const personBody = (o: Record<string, unknown> = {}) => ({
  name: '张伟',
  idNumber: idNumber(++seq),
  phone: '13800138000',
  post: 'special_operator',
  employedFrom: '2015-04-01',
  ...o,
});

async function addPerson(c: Client, o: Record<string, unknown> = {}) {
  const res = await c.post('/api/people', personBody(o));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; idNumber: string; version: number; certificates: { id: string; version: number; status: string }[] };
}

async function addCert(c: Client, personId: string, o: Record<string, unknown> = {}) {
  const res = await c.post(`/api/people/${personId}/certificates`, {
    kind: 'special_operation',
    operationItem: '1.2',
    number: `T${++seq}`,
    issuer: '深圳市应急管理局',
    issuedOn: addYears(today, -1),
    ...o,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { certificates: { id: string; version: number; status: string; number: string }[] };
}

/** A 400 in Chinese by default and in English on request, naming a field. */
async function expect400(c: Client, method: 'POST' | 'PUT', url: string, payload: unknown, label = '') {
  const zh = await c.request({ method, url, payload: payload as never });
  expect(zh.statusCode, `${label} ${zh.body}`).toBe(400);
  const dz = zh.json().error.details[0];
  expect(dz.field).toBeTruthy();
  expect(dz.message).toMatch(/[\u4e00-\u9fff]/);
  const en = await c.request({ method, url, payload: payload as never, headers: { 'accept-language': 'en' } });
  expect(en.statusCode).toBe(400);
  expect(en.json().error.details[0].message).toMatch(/^[\x20-\x7e’–—]+$/);
}

const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

describe('people of an enterprise', () => {
  it('the enterprise adds a person and sees the identity number in full; officers see it masked; never in audit or logs', async () => {
    const id = idNumber(++seq);
    const p = await addPerson(as.entA!, { idNumber: id, name: '李明', post: 'principal' });
    expect(p.idNumber).toBe(id);
    const masked = `${id.slice(0, 6)}********${id.slice(-4)}`;
    for (const who of ['district', 'streetA'] as const) {
      const res = await as[who]!.get(`/api/people/${p.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().idNumber).toBe(masked);
      expect(res.body).not.toContain(id);
      const list = await as[who]!.get(`/api/people?enterpriseId=${ents.a}`);
      expect(list.body).not.toContain(id);
      expect(list.body).toContain(masked);
    }
    // The street sees the phone masked; the district bureau in full (enterprise contact policy).
    expect((await as.streetA!.get(`/api/people/${p.id}`)).json().phone).toBe('138****8000');
    const audit = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where before::text like ${`%${id}%`} or after::text like ${`%${id}%`}`,
      ),
    )[0]!.n;
    expect(audit).toBe(0);
    const stored = rowsOf<{ s: string }>(
      await t.database.db.execute(sql`select row_to_json(p)::text as s from people p where id = ${p.id}`),
    )[0]!.s;
    expect(stored).not.toContain(id);
    expect(lines.join('\n')).not.toContain(id);
  });

  it('refuses bad input with bilingual field errors and changes nothing', async () => {
    const dup = idNumber(++seq);
    await addPerson(as.entA!, { idNumber: dup });
    const before = await count('people');
    const bad = [
      personBody({ idNumber: wrongCheck(idNumber(++seq)) }),
      personBody({ idNumber: dup }),
      personBody({ employedFrom: '2020-01-01', employedTo: '2019-12-31' }),
      personBody({ idNumber: '12345' }),
      personBody({ post: 'boss' }),
    ];
    for (const body of bad) await expect400(as.entA!, 'POST', '/api/people', body);
    expect(await count('people')).toBe(before);
  });

  it('answers 409 with current on a stale version, and audits the change', async () => {
    const p = await addPerson(as.entA!);
    const ok = await put(as.entA!, `/api/people/${p.id}`, { ...personBody({ idNumber: p.idNumber, name: '张伟强' }), version: p.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await put(as.entA!, `/api/people/${p.id}`, { ...personBody({ idNumber: p.idNumber }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.name).toBe('张伟强');
    const n = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'person.update' and entity_id = ${p.id}`),
    )[0]!.n;
    expect(n).toBe(1);
  });

  it('scope: the other street, the wrong industry department and another park get 404; lists are filtered', async () => {
    const pa = await addPerson(as.entA!);
    const pb = await addPerson(as.entB!, { post: 'safety_manager' });
    const pp = await addPerson(as.entP!);
    const get = (who: string, id: string) => as[who]!.get(`/api/people/${id}`).then((r) => r.statusCode);
    expect(await get('streetB', pa.id)).toBe(404);
    expect(await get('streetB', pb.id)).toBe(200);
    expect(await get('zhujian', pa.id)).toBe(404);
    expect(await get('zhujian', pb.id)).toBe(200);
    expect(await get('park', pa.id)).toBe(404);
    expect(await get('park', pp.id)).toBe(200);
    expect(await get('entB', pa.id)).toBe(404);
    expect(await get('streetA', pp.id)).toBe(200);
    const list = (await as.zhujian!.get('/api/people?pageSize=200')).json() as { items: { enterpriseId: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.enterpriseId === ents.b)).toBe(true);
    // Another enterprise cannot change it: 404, not 403.
    const res = await put(as.entB!, `/api/people/${pa.id}`, { ...personBody(), version: pa.version });
    expect(res.statusCode).toBe(404);
    const cert = await as.entB!.post(`/api/people/${pa.id}/certificates`, {
      kind: 'special_operation',
      operationItem: '1.2',
      number: 'X',
      issuer: 'Y',
      issuedOn: '2024-01-01',
    });
    expect(cert.statusCode).toBe(404);
  });
});

describe('certificates', () => {
  it('computes the 6-year validity and 3-year review; refuses rule breaks with bilingual 400s that change nothing', async () => {
    const p = await addPerson(as.entA!);
    const issuedOn = addYears(today, -1);
    const d = await addCert(as.entA!, p.id, { issuedOn });
    const c = (await as.entA!.get(`/api/certificates?personId=${p.id}`)).json().items[0];
    expect(d.certificates).toHaveLength(1);
    expect(c).toMatchObject({ expiresOn: addYears(issuedOn, 6), nextReviewOn: addYears(issuedOn, 3), status: 'valid' });
    const before = await count('certificates');
    const bad = [
      { operationItem: '12.1' },
      { operationItem: undefined },
      { expiresOn: addYears(issuedOn, 5) },
      { issuedOn: addDays(today, 1) },
      { reviewedOn: today },
      { kind: 'safety_qualification', operationItem: undefined },
      { kind: 'special_equipment', expiresOn: addDays(issuedOn, -1) },
    ];
    for (const o of bad) {
      const body = { kind: 'special_operation', operationItem: '1.2', number: 'B1', issuer: 'I', issuedOn, ...o };
      await expect400(as.entA!, 'POST', `/api/people/${p.id}/certificates`, body, JSON.stringify(o));
    }
    expect(await count('certificates')).toBe(before);
    // 409 on a stale certificate version.
    const ok = await put(as.entA!, `/api/certificates/${c.id}`, {
      kind: 'special_operation',
      operationItem: '1.1',
      number: c.number,
      issuer: 'I',
      issuedOn,
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await put(as.entA!, `/api/certificates/${c.id}`, {
      kind: 'special_operation',
      operationItem: '1.2',
      number: c.number,
      issuer: 'I',
      issuedOn,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.operationItem).toBe('1.1');
  });

  it('lists what is due within N days and what has expired, across the caller scope', async () => {
    const p = await addPerson(as.entB!);
    // Review due in 30 days; one lapsed (review missed 10 days ago); one far off.
    await addCert(as.entB!, p.id, { issuedOn: addYears(addDays(today, 30), -3), number: 'DUE30' });
    await addCert(as.entB!, p.id, { issuedOn: addYears(addDays(today, -10), -3), number: 'LAPSED' });
    await addCert(as.entB!, p.id, { issuedOn: addYears(today, -1), number: 'FAR' });
    const due = (await as.streetB!.get('/api/certificates?dueWithinDays=60&pageSize=200')).json() as {
      items: { number: string; status: string }[];
    };
    expect(due.items.map((i) => i.number)).toContain('DUE30');
    expect(due.items.map((i) => i.number)).not.toContain('FAR');
    expect(due.items.find((i) => i.number === 'DUE30')!.status).toBe('due_for_review');
    const expired = (await as.zhujian!.get('/api/certificates?status=expired&pageSize=200')).json() as { items: { number: string }[] };
    expect(expired.items.map((i) => i.number)).toEqual(['LAPSED']);
    expect(
      (await as.streetA!.get('/api/certificates?status=expired&pageSize=200')).json().items.map((i: { number: string }) => i.number),
    ).not.toContain('LAPSED');
  });

  it('the district bureau revokes; the holder stops counting', async () => {
    const p = await addPerson(as.entP!, { post: 'special_operator' });
    const d = await addCert(as.entP!, p.id);
    const certId = d.certificates[0]!.id;
    const summary = async () => computeSummary(t.database.db, ents.p!, today);
    const holdersBefore = (await summary()).postHolders;
    expect(
      (await as.streetA!.post(`/api/certificates/${certId}/revoke`, { version: 1, revokedOn: today, reason: '抽查不合格' })).statusCode,
    ).toBe(403);
    const bad = await as.district!.post(`/api/certificates/${certId}/revoke`, {
      version: 1,
      revokedOn: addDays(today, 1),
      reason: '抽查不合格',
    });
    expect(bad.statusCode).toBe(400);
    const res = await as.district!.post(`/api/certificates/${certId}/revoke`, { version: 1, revokedOn: today, reason: '抽查不合格' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('revoked');
    expect((await summary()).postHolders).toBe(holdersBefore - 1);
  });
});

describe('holding rates', () => {
  /** The same numbers straight from people and certificates, without the summary. */
  async function direct(where: string) {
    return rowsOf<{ key: string; holders: number; people: number }>(
      await t.database.db.execute(
        sql.raw(`
        select ${where} as key,
               count(*) filter (where exists (
                 select 1 from certificates c where c.person_id = p.id and c.revoked_on is null and c.due_on >= '${today}'
                   and c.kind = case when p.post = 'special_operator' then 'special_operation' else 'safety_qualification' end))::int as holders,
               count(*)::int as people
        from people p
        where p.post in ('principal', 'safety_manager', 'special_operator')
          and p.employed_from <= '${today}' and (p.employed_to is null or p.employed_to >= '${today}')
        group by 1 order by 1`),
      ),
    );
  }

  it('match a direct count per area, sector and enterprise, with numerator and denominator', async () => {
    const pr = await addPerson(as.entA!, { post: 'principal' });
    await addCert(as.entA!, pr.id, { kind: 'safety_qualification', operationItem: undefined, expiresOn: addYears(today, 2) });
    const left = await addPerson(as.entA!, { post: 'safety_manager', employedTo: addDays(today, -1) });
    await addCert(as.entA!, left.id, { kind: 'safety_qualification', operationItem: undefined, expiresOn: addYears(today, 2) });
    await addPerson(as.entB!, { post: 'principal' });
    for (const [groupBy, expr] of [
      ['area', 'left(p.area_code, 9)'],
      ['sector', 'p.sector'],
      ['enterprise', 'p.enterprise_id::text'],
    ] as const) {
      const res = await as.district!.get(`/api/certificates/rates?groupBy=${groupBy}&pageSize=200`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        items: { key: string; holders: number; people: number; rate: number | null }[];
        overall: { holders: number; people: number };
      };
      const want = await direct(expr);
      const got = body.items.filter((i) => i.people > 0).map((i) => ({ key: i.key, holders: i.holders, people: i.people }));
      expect(got).toEqual(want);
      expect(body.overall.people).toBe(want.reduce((s, r) => s + r.people, 0));
      expect(body.overall.holders).toBe(want.reduce((s, r) => s + r.holders, 0));
      // The totals are the same on a later page and past the last group (read on their own there).
      const all = res.json() as { total: number; overall: unknown };
      for (const page of [2, all.total + 1]) {
        const later = (await as.district!.get(`/api/certificates/rates?groupBy=${groupBy}&pageSize=1&page=${page}`)).json() as {
          items: unknown[];
          total: number;
          overall: unknown;
        };
        expect({ total: later.total, overall: later.overall }).toEqual({ total: all.total, overall: all.overall });
        expect(later.items).toHaveLength(page <= all.total ? 1 : 0);
      }
    }
    // A street sees only its own enterprises.
    const street = (await as.streetB!.get('/api/certificates/rates?groupBy=enterprise')).json() as { items: { key: string }[] };
    expect(street.items.map((i) => i.key)).toEqual([ents.b]);
    expect((await as.entA!.get('/api/certificates/rates')).statusCode).toBe(403);
  });

  it('the summary knows the day its counts change without a write', async () => {
    const s = await computeSummary(t.database.db, ents.b!, today);
    expect(s.nextChangeOn).not.toBeNull();
    const later = await computeSummary(t.database.db, ents.b!, s.nextChangeOn!);
    expect(later.postHolders).toBeLessThanOrEqual(s.postHolders);
  });
});

describe('reminders and the daily refresh', () => {
  it('reminds the enterprise when the review window opens, and its street 30 days before (rules as data)', async () => {
    const p = await addPerson(as.entB!, { name: '王复审' });
    // Review due 2027-01-30: the window opens 60 days before (Tuesday 2026-12-01), 30 days before is 2026-12-31.
    const d = await addCert(as.entB!, p.id, { issuedOn: '2024-01-30', number: 'REMIND' });
    const certId = d.certificates.find((c) => c.number === 'REMIND')!.id;
    const notices = async (key: string) =>
      rowsOf<{ role: string }>(
        await t.database.db.execute(
          sql`select u.role from notifications n join users u on u.id = n.user_id where n.entity_id = ${certId} and n.dedupe_key like ${`%:${key}:%`} order by 1`,
        ),
      ).map((r) => r.role);
    await evaluateCertificateDue(t.database.db, '2026-12-01');
    expect(await notices('window_open')).toEqual(['enterprise_safety_manager']);
    await evaluateCertificateDue(t.database.db, '2026-12-01');
    expect(await notices('window_open')).toHaveLength(1);
    await evaluateCertificateDue(t.database.db, '2026-12-31');
    expect(await notices('due_30')).toEqual(['enterprise_safety_manager', 'street_officer']);
    const text = rowsOf<{ t: string }>(
      await t.database.db.execute(sql`select string_agg(title_zh, ' ') as t from notifications where entity_id = ${certId}`),
    )[0]!.t;
    expect(text).toContain('王复审');
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });

  it('the daily refresh rewrites summaries whose counts changed with the date alone', async () => {
    const later = addYears(today, 10);
    const r = await refreshStaleSummaries(t.database.db, later);
    expect(r.refreshed).toBeGreaterThan(0);
    const rows = rowsOf<{ h: number }>(
      await t.database.db.execute(sql`select coalesce(sum(post_holders), 0)::int as h from people_summaries`),
    );
    expect(rows[0]!.h).toBe(0);
    expect((await refreshStaleSummaries(t.database.db, later)).refreshed).toBe(0);
  });
});

describe('retraining after a fatal accident', () => {
  it('creates a duty for the principal and safety managers employed that day, once per event', async () => {
    const boss = await addPerson(as.entP!, { post: 'principal', name: '复训甲' });
    const sm = await addPerson(as.entP!, { post: 'safety_manager', name: '复训乙' });
    const worker = await addPerson(as.entP!, { post: 'special_operator', name: '复训丙' });
    const gone = await addPerson(as.entP!, {
      post: 'safety_manager',
      name: '复训丁',
      employedFrom: '2015-01-01',
      employedTo: '2020-01-01',
    });
    const ent = rowsOf<{ area_code: string; sector: string; park_id: string | null }>(
      await t.database.db.execute(sql`select area_code, sector, park_id from enterprises where id = ${ents.p}`),
    )[0]!;
    const scope = {
      id: '00000000-0000-4000-8000-0000000000aa',
      areaCode: ent.area_code,
      enterpriseId: ents.p!,
      sector: ent.sector,
      parkId: ent.park_id,
    };
    const fatal = await appendEvent(t.database.db, 'accident.register', 'accident', scope, null, { level: 'general', deaths: 1 });
    const minor = await appendEvent(
      t.database.db,
      'accident.register',
      'accident',
      { ...scope, id: '00000000-0000-4000-8000-0000000000ab' },
      null,
      {
        level: 'general',
        deaths: 0,
      },
    );
    expect(await consumeEvent(t.database, peopleConsumer, fatal)).toBe(true);
    expect(await consumeEvent(t.database, peopleConsumer, minor)).toBe(true);
    // The same event delivered again (under another consumer mark) adds nothing.
    await t.database.db.transaction(async (tx) => {
      const [e] = await tx.select().from(domainEvents).where(eq(domainEvents.id, fatal));
      expect(await onAccidentRegistered(tx, e!)).toBe(0);
    });
    const duties = async (id: string) =>
      (await as.streetA!.get(`/api/people/${id}`)).json().retraining as { dueOn: string; overdue: boolean }[];
    expect(await duties(boss.id)).toEqual([expect.objectContaining({ dueOn: addMonths(today, 3), overdue: false })]);
    expect(await duties(sm.id)).toHaveLength(1);
    expect(await duties(worker.id)).toHaveLength(0);
    expect(await duties(gone.id)).toHaveLength(0);
  });
});

describe('an enterprise that moves', () => {
  it('takes its people, certificates and summary to the new street, once however often the event arrives', async () => {
    const moving = (await buildEnterprise(t.database.db, { area: await buildCommunity(t.database.db, { street: streets.b! }) })).id;
    const u = await buildUser(t.database.db, { role: 'enterprise_principal', enterpriseId: moving, org: null });
    const owner = await loginAs(t.app, u.username, u.password);
    const person = await addPerson(owner, { name: '搬迁甲' });
    expect((await as.streetB!.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await as.streetA!.get(`/api/people/${person.id}`)).statusCode).toBe(404);

    const ent = (await as.district!.get(`/api/enterprises/${moving}`)).json() as { version: number };
    const communityA = rowsOf<{ code: string }>(
      await t.database.db.execute(sql`select area_code as code from enterprises where id = ${ents.a}`),
    )[0]!.code;
    const res = await as.district!.request({
      method: 'PATCH',
      url: `/api/enterprises/${moving}`,
      payload: { version: ent.version, areaCode: communityA },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [moved] = await t.database.db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.type} = 'enterprise.update' and ${domainEvents.entityId} = ${moving}`);
    expect(await consumeEvent(t.database, peopleConsumer, moved!.id)).toBe(true);

    expect((await as.streetA!.get(`/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await as.streetB!.get(`/api/people/${person.id}`)).statusCode).toBe(404);
    const areas = rowsOf<{ area_code: string }>(
      await t.database.db.execute(sql`
        select area_code from people where enterprise_id = ${moving}
        union all select area_code from certificates where enterprise_id = ${moving}
        union all select area_code from people_summaries where enterprise_id = ${moving}`),
    );
    expect(areas.length).toBeGreaterThan(1);
    expect(new Set(areas.map((r) => r.area_code))).toEqual(new Set([communityA]));
    // A second delivery finds nothing left to move.
    await t.database.db.transaction(async (tx) => expect(await onEnterpriseMoved(tx, moved!)).toBe(0));
  });
});
