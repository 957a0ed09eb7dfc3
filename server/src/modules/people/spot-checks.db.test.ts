// 抽查 of certificate holders through the API (seed 000 五(五)18): a street draws a sample by rule among the holders in
// its own scope only (area, sector, kind; size or ratio; revoked, lapsed and former staff never drawn); outcomes are
// recorded on the phone with a photo; 专业技能不合格 revokes the certificate through the certificate machine, the holding
// rate from the maintained summary then equals a direct count, and the enterprise and its street get a notice; a pass
// changes nothing; bilingual 400s change nothing; out of scope is 404; a stale version is 409; writes are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { multipart, tinyJpeg } from '../../platform/files.fixtures';
import { consumeEvent } from '../../platform/queue';
import { addDays, cstDate } from '../../platform/time';
import { notificationsConsumer } from '../notifications/notifications.consumer';
import { addYears } from './people.rules';

let t: TestApp;
const as: Record<string, Client> = {};
const ents: Record<string, string> = {};
const areas: Record<string, string> = {};
const today = cstDate();
let seq = 0;

function idNumber(n: number): string {
  const body = `440307199${n % 10}0101${String(200 + n).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  areas.streetA = streetA.code;
  areas.streetB = streetB.code;
  const commA = await buildCommunity(db, { street: streetA });
  ents.a = (await buildEnterprise(db, { area: commA, sector: 'machinery' })).id;
  ents.c = (await buildEnterprise(db, { area: commA, sector: 'construction' })).id;
  ents.b = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetB }), sector: 'machinery' })).id;
  const login = async (key: string, role: Role, o: Record<string, unknown>) => {
    const u = await buildUser(db, { role, ...o } as Parameters<typeof buildUser>[1]);
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  for (const k of ['a', 'b', 'c']) await login(`ent${k.toUpperCase()}`, 'enterprise_principal', { enterpriseId: ents[k], org: null });
  await login('district', 'district_officer', { org: await buildOrg(db, { area: district }) });
  const orgA = await buildOrg(db, { area: streetA, kind: 'street_office' });
  await login('streetA', 'street_officer', { org: orgA });
  await login('streetA2', 'street_officer', { org: orgA });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  // Holders: 4 special operators at a (machinery), 2 at c (construction), 2 at b (other street); plus a lapsed
  // certificate and a former employee at a, never drawn.
  for (const [k, n] of [
    ['A', 4],
    ['C', 2],
    ['B', 2],
  ] as const)
    for (let i = 0; i < n; i++) await holder(as[`ent${k}`]!);
  await holder(as.entA!, {}, { issuedOn: addYears(today, -7), number: 'LAPSED' });
  await holder(as.entA!, { employedTo: addDays(today, -1) }, { number: 'LEFT' });
});
afterAll(() => t.close());

async function holder(c: Client, person: Record<string, unknown> = {}, cert: Record<string, unknown> = {}) {
  const p = await c.post('/api/people', {
    name: `持证人${++seq}`,
    idNumber: idNumber(seq),
    post: 'special_operator',
    employedFrom: '2015-04-01',
    ...person,
  });
  expect(p.statusCode, p.body).toBe(200);
  const res = await c.post(`/api/people/${p.json().id}/certificates`, {
    kind: 'special_operation',
    operationItem: '1.2',
    number: `SC${seq}`,
    issuer: '深圳市应急管理局',
    issuedOn: addYears(today, -1),
    ...cert,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q));
const audits = async (action: string, id: string) =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${id}`))[0]!.n;

/** Holders with a valid certificate / people in 三项岗位 posts at an enterprise, counted straight from the rows. */
async function directRate(enterpriseId: string) {
  const [r] = await rows<{ holders: number; people: number }>(sql`
    select count(*) filter (where exists (select 1 from certificates c where c.person_id = p.id and c.revoked_on is null
             and c.due_on >= ${today} and c.kind = 'special_operation'))::int as holders, count(*)::int as people
      from people p where p.enterprise_id = ${enterpriseId} and p.post = 'special_operator'
       and p.employed_from <= ${today} and (p.employed_to is null or p.employed_to >= ${today})`);
  return r!;
}
async function summaryRate(c: Client, enterpriseId: string) {
  const res = await c.get('/api/certificates/rates?groupBy=enterprise&pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  const row = res.json().items.find((i: { key: string }) => i.key === enterpriseId);
  return { holders: row.holders, people: row.people };
}

let checkId = '';
type Item = { id: string; version: number; enterpriseId: string; certificateNumber: string; abilities: string[]; certificateId: string };
let items: Item[] = [];

describe('抽查 of certificate holders', () => {
  it('a street draws by rule among its own valid holders only; the draw is audited', async () => {
    // Ratio 0.5 of street A's machinery holders (4 valid; the lapsed and the former employee are not counted) → 2.
    const res = await as.streetA!.post('/api/spot-checks', {
      title: '特种作业人员持证抽查',
      areaCode: areas.streetA,
      sector: 'machinery',
      kind: 'special_operation',
      ratio: 0.5,
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect([d.population, d.sampleSize, d.items.length]).toEqual([4, 2, 2]);
    expect(d.items.every((i: Item) => i.enterpriseId === ents.a && !['LAPSED', 'LEFT'].includes(i.certificateNumber))).toBe(true);
    checkId = d.id;
    items = d.items;
    expect(await audits('spot_check.draw', d.id)).toBe(1);
    // Without a sector the whole street: 6 holders; a size larger than the population takes them all, none of street B.
    const all = (await as.streetA!.post('/api/spot-checks', { title: '全街道抽查', areaCode: areas.streetA, sampleSize: 50 })).json();
    expect([all.population, all.items.length]).toEqual([6, 6]);
    expect(all.items.some((i: Item) => i.enterpriseId === ents.b)).toBe(false);
    // Another street's area is refused (bilingual 400), and so is a body with both a size and a ratio; nothing is drawn.
    const before = (await as.district!.get('/api/spot-checks')).json().total;
    const out = await as.streetA!.post('/api/spot-checks', { title: 'x', areaCode: areas.streetB, sampleSize: 1 });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    const both = await as.streetA!.request({
      method: 'POST',
      url: '/api/spot-checks',
      payload: { title: 'x', areaCode: areas.streetA, sampleSize: 1, ratio: 0.5 },
      headers: { 'accept-language': 'en' },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details[0].message).toMatch(/^[\x20-\x7e]+$/);
    expect((await as.district!.get('/api/spot-checks')).json().total).toBe(before);
    // Scope: the other street does not see the spot check; an enterprise account cannot list them.
    expect((await as.streetB!.get(`/api/spot-checks/${checkId}`)).statusCode).toBe(404);
    expect((await as.entA!.get('/api/spot-checks')).statusCode).toBe(403);
  });

  it('专业技能不合格 revokes the certificate: the rate follows a direct count; enterprise and street are told', async () => {
    const [failed, passed] = items as [Item, Item];
    expect(await summaryRate(as.streetA!, ents.a!)).toEqual(await directRate(ents.a!));
    const rateBefore = await directRate(ents.a!);
    // A photo uploaded first, then named in the outcome.
    const m = multipart('现场照片.jpg', 'image/jpeg', tinyJpeg());
    const up = await as.streetA!.request({ method: 'POST', url: '/api/spot-checks/photos', payload: m.payload, headers: m.headers });
    expect(up.statusCode, up.body).toBe(201);
    const photoId = up.json().id as string;
    // Out of scope 404, stale 409 with current, a future date 400: nothing changes.
    const body = { version: failed.version, outcome: 'unqualified', checkedOn: today, note: '实操考核不合格', photoId };
    expect((await as.streetB!.post(`/api/spot-check-items/${failed.id}/outcome`, body)).statusCode).toBe(404);
    const stale = await as.streetA!.post(`/api/spot-check-items/${failed.id}/outcome`, { ...body, version: failed.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.id).toBe(failed.id);
    expect(
      (await as.streetA!.post(`/api/spot-check-items/${failed.id}/outcome`, { ...body, checkedOn: addDays(today, 1) })).statusCode,
    ).toBe(400);

    const res = await as.streetA!.post(`/api/spot-check-items/${failed.id}/outcome`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'unqualified', revoked: true, photoId, abilities: [] });
    const cert = (await as.entA!.get(`/api/certificates?status=revoked&pageSize=50`)).json().items[0];
    expect(cert).toMatchObject({ id: failed.certificateId, status: 'revoked', revokedOn: today });
    expect(cert.revokeReason).toContain('专业技能不合格');
    expect(await audits('spot_check_item.record', failed.id)).toBe(1);
    expect(await audits('certificate.revoke', failed.certificateId)).toBe(1);
    const [tr] = await rows<{ action: string; to_state: string }>(
      sql`select action, to_state from state_transitions where record_id = ${failed.certificateId}`,
    );
    expect(tr).toEqual({ action: 'revoke_on_spot_check', to_state: 'revoked' });
    // The holding rate: one holder fewer, equal to the direct count.
    expect(await directRate(ents.a!)).toEqual({ ...rateBefore, holders: rateBefore.holders - 1 });
    expect(await summaryRate(as.district!, ents.a!)).toEqual(await directRate(ents.a!));
    // The photo is readable by the street, not by the other street.
    expect((await as.streetA!.get(`/api/files/${photoId}`)).statusCode).toBe(200);
    expect((await as.streetB!.get(`/api/files/${photoId}`)).statusCode).toBe(404);

    // Notifications: the outcome's event reaches the enterprise's account and street A, not street B.
    const events = await rows<{
      id: number;
    }>(sql`select id from domain_events where type in ('spot_check_item.record', 'certificate.revoke')
      and entity_id in (${failed.id}, ${failed.certificateId}) order by id`);
    expect(events.length).toBe(2);
    for (const e of events) expect(await consumeEvent(t.database, notificationsConsumer, e.id)).toBe(true);
    const inbox = async (c: Client) =>
      ((await c.get('/api/notifications')).json().items as { title: { zh: string } }[]).filter((n) => n.title.zh.includes('抽查'));
    expect((await inbox(as.entA!)).length).toBe(1);
    expect((await inbox(as.streetA2!)).length).toBe(1);
    expect((await inbox(as.streetA!)).length).toBe(0); // who recorded it is not told
    expect((await inbox(as.streetB!)).length).toBe(0);

    // A pass changes nothing on the certificate; a second outcome for the same holder is refused.
    const ok = await as.streetA!.post(`/api/spot-check-items/${passed.id}/outcome`, {
      version: passed.version,
      outcome: 'pass',
      checkedOn: today,
    });
    expect(ok.json()).toMatchObject({ outcome: 'pass', revoked: false });
    expect(
      (
        await as.streetA!.post(`/api/spot-check-items/${passed.id}/outcome`, {
          version: passed.version + 1,
          outcome: 'pass',
          checkedOn: today,
        })
      ).statusCode,
    ).toBe(400);
    const list = (await as.district!.get('/api/spot-checks')).json().items.find((s: { id: string }) => s.id === checkId);
    expect(list).toMatchObject({ checked: 2, failed: 1, revoked: 1 });
  });
});
