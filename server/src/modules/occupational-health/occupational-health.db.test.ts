// Occupational health through the API on a real database: an enterprise registers its file, declares, records a
// detection, equipment and exposed workers with health checks; officers grade it. The rates read from the maintained
// cells equal a recount of the profiles (numerators and denominators shown, targets of seeds 002/004); a detection a
// year old lapses in the daily job and its due reminder fires once; names, identity numbers and check results are
// masked for officers; out of scope is 404; a stale version and a second registration are 409; writes are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { addDays, addMonths, cstDate } from '../../platform/time';
import { isWorkday } from '../../platform/calendar';
import { refreshLapsedProfiles } from './occupational-health.job';
import { evaluateDetectionDue } from '../notifications/notifications.occupational-health';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { occupationalHealthConsumer } from './occupational-health.consumer';

let t: TestApp;
const as: Record<string, Client> = {};
const ents: Record<string, string> = {};
const today = cstDate();
const ID = '11010519491231002X';
let parkId = '';
const streets: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  const commA = await buildCommunity(db, { street: streetA });
  ents.a = (await buildEnterprise(db, { area: commA, sector: 'building_materials' })).id;
  ents.a2 = (await buildEnterprise(db, { area: commA, sector: 'commerce' })).id;
  const commB = await buildCommunity(db, { street: streetB });
  ents.b = (await buildEnterprise(db, { area: commB, sector: 'building_materials' })).id;
  // A park whose enterprises lie in both streets.
  const park = await buildPark(db, { street: streetA });
  parkId = park.id;
  streets.a = streetA.code;
  streets.b = streetB.code;
  ents.p = (await buildEnterprise(db, { area: commA, sector: 'building_materials', parkId })).id;
  ents.p2 = (await buildEnterprise(db, { area: commB, sector: 'commerce', parkId })).id;
  const login = async (key: string, role: Role, o: Record<string, unknown>) => {
    const u = await buildUser(db, { role, ...o } as Parameters<typeof buildUser>[1]);
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('entA', 'enterprise_principal', { enterpriseId: ents.a, org: null });
  await login('entB', 'enterprise_principal', { enterpriseId: ents.b, org: null });
  await login('district', 'district_officer', { org: await buildOrg(db, { area: district }) });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  await login('park', 'park_officer', { org: await buildOrg(db, { area: streetA, kind: 'park_station', parkId }) });
  await login('jianzhu', 'industry_officer', {
    org: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  });
});
afterAll(() => t.close());

const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q))[0]!;
const audits = async (action: string, id: string) =>
  (await one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${id}`)).n;
/** The maintained cells against a direct count over the profiles, per area code and sector. */
async function expectCellsEqualRecount() {
  const cols = ['declared', 'detected', 'ppe', 'graded', 'exposed_workers', 'workers_checked'];
  const recount = rowsOf<Record<string, unknown>>(
    await t.database.db.execute(
      sql.raw(`select area_code, sector, count(*)::int as n, ${cols.map((c) => `sum(${c}::int)::int as ${c}`).join(', ')}
        from oh_profiles group by 1, 2 order by 1, 2`),
    ),
  );
  const cells = rowsOf<Record<string, unknown>>(
    await t.database.db.execute(
      sql.raw(`select area_code, sector, enterprises as n, ${cols.join(', ')} from oh_rate_cells where enterprises <> 0 order by 1, 2`),
    ),
  );
  expect(cells).toEqual(recount);
}
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });
const indicator = (rates: { indicators: { indicator: string }[] }, name: string) => rates.indicators.find((i) => i.indicator === name);

describe('occupational-health file', () => {
  let version = 0;
  let workerId = '';

  it('the enterprise registers, declares, records a detection and equipment; a second registration is 409', async () => {
    const reg = await as.entA!.post('/api/occupational-health/profiles', { enterpriseId: ents.a });
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json()).toMatchObject({
      keySector: true,
      declaredOn: null,
      detectionOverdue: true,
      abilities: ['declare', 'detect', 'ppe', 'worker'],
    });
    expect((await as.streetA!.post('/api/occupational-health/profiles', { enterpriseId: ents.a })).statusCode).toBe(409);
    expect((await as.streetB!.post('/api/occupational-health/profiles', { enterpriseId: ents.a2 })).statusCode).toBe(404);
    expect((await as.streetA!.post('/api/occupational-health/profiles', { enterpriseId: ents.a2 })).statusCode).toBe(200);
    version = reg.json().version;
    const base = `/api/occupational-health/profiles/${ents.a}`;
    const dec = await as.entA!.post(`${base}/declarations`, {
      version,
      declaredOn: today,
      items: [{ factor: '矽尘', category: 'dust', exposed: 12 }],
    });
    expect(dec.statusCode, dec.body).toBe(200);
    version = dec.json().version;
    const det = await as.entA!.post(`${base}/detections`, {
      version,
      reportNo: 'JC-2026-001',
      agency: '市职业病防治院',
      detectedOn: today,
      results: [
        { factor: '矽尘', passed: false, value: '1.2 mg/m³' },
        { factor: '噪声', passed: true },
      ],
    });
    expect(det.statusCode, det.body).toBe(200);
    expect(det.json()).toMatchObject({ lastDetectionPassed: false, nextDetectionDue: addMonths(today, 12), detectionOverdue: false });
    version = det.json().version;
    const again = {
      version,
      reportNo: 'JC-2026-001',
      agency: '市职业病防治院',
      detectedOn: today,
      results: [{ factor: '噪声', passed: true }],
    };
    expect((await as.entA!.post(`${base}/detections`, again)).statusCode).toBe(409);
    const ppe = await as.entA!.post(`${base}/ppe`, { version, issuedOn: today, item: '防尘口罩 KN95', quantity: 200 });
    expect(ppe.statusCode, ppe.body).toBe(200);
    version = ppe.json().version;
    expect(await audits('oh_profile.detect', ents.a!)).toBe(1);
    await expectCellsEqualRecount();
  });

  it('a stale version is 409 with current; a bilingual 400 changes nothing; officers elsewhere get 404; only officers grade', async () => {
    const base = `/api/occupational-health/profiles/${ents.a}`;
    const stale = await as.entA!.post(`${base}/ppe`, { version: version - 1, issuedOn: today, item: '耳塞', quantity: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(version);
    const bad = await as.entA!.post(`${base}/ppe`, { version, issuedOn: addDays(today, 1), item: '耳塞', quantity: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = await as.entA!.request({
      method: 'POST',
      url: `${base}/ppe`,
      payload: { version, issuedOn: addDays(today, 1), item: '耳塞', quantity: 1 },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toMatch(/^[\x20-\x7e]+$/);
    expect((await as.entA!.get(base)).json().version).toBe(version);
    for (const c of [as.streetB!, as.jianzhu!, as.entB!]) expect((await c.get(base)).statusCode).toBe(404);
    expect((await put(as.streetB!, `${base}/grade`, { version, grade: 'serious' })).statusCode).toBe(404);
    expect((await put(as.entA!, `${base}/grade`, { version, grade: 'serious' })).statusCode).toBe(403);
    const g = await put(as.streetA!, `${base}/grade`, { version, grade: 'serious' });
    expect(g.statusCode, g.body).toBe(200);
    version = g.json().version;
    expect(await audits('oh_profile.grade', ents.a!)).toBe(1);
  });

  it('exposed workers and health checks: the enterprise sees them in full, officers masked and without results', async () => {
    const base = `/api/occupational-health/profiles/${ents.a}`;
    const w = await as.entA!.post(`${base}/workers`, {
      version,
      name: '王小五',
      idNumber: ID,
      post: '打磨工',
      factors: ['矽尘'],
      employedFrom: '2020-03-01',
    });
    expect(w.statusCode, w.body).toBe(200);
    workerId = w.json().id;
    expect(w.json().idNumber).toBe(ID);
    version += 1;
    expect(
      (
        await as.entA!.post(`${base}/workers`, {
          version,
          name: '王小五',
          idNumber: ID,
          post: '打磨工',
          factors: ['矽尘'],
          employedFrom: '2020-03-01',
        })
      ).statusCode,
    ).toBe(409);
    const chk = await as.entA!.post(`/api/occupational-health/workers/${workerId}/checks`, {
      version: w.json().version,
      kind: 'periodic',
      checkedOn: today,
      result: 'suspected',
      institution: '市职业病防治院',
    });
    expect(chk.statusCode, chk.body).toBe(200);
    expect(chk.json()).toMatchObject({ checkedCurrent: true, checks: [{ kind: 'periodic', result: 'suspected' }] });
    const officer = (await as.streetA!.get(`${base}/workers`)).json();
    expect(officer.items[0]).toMatchObject({
      name: '王＊＊',
      idNumber: '110105********002X',
      checks: [{ kind: 'periodic', result: null }],
    });
    expect(JSON.stringify(officer)).not.toContain(ID);
    expect(JSON.stringify(officer)).not.toContain('suspected');
    expect(
      (
        await as.streetB!.post(`/api/occupational-health/workers/${workerId}/checks`, {
          version: 2,
          kind: 'leaving',
          checkedOn: today,
          result: 'normal',
          institution: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(await audits('oh_worker.check', workerId)).toBe(1);
    const audit = await one<{ after: unknown }>(
      sql`select after from audit_log where action = 'oh_worker.check' and entity_id = ${workerId}`,
    );
    expect(JSON.stringify(audit.after)).not.toContain('suspected');
    await expectCellsEqualRecount();
  });

  it('rates per street and sector with numerators, denominators and the targets of seeds 002 and 004', async () => {
    const res = await as.district!.get('/api/occupational-health/rates?by=sector');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.targets.map((x: { indicator: string; target: number }) => [x.indicator, x.target])).toEqual([
      ['declaration', 0.98],
      ['detection', 0.85],
      ['ppe', 0.95],
      ['grading', 0.8],
      ['checkup', 0.7],
    ]);
    // Two registered enterprises (one key-sector): one declared of two; detection, equipment, grading 1/1 of key sectors.
    expect(indicator(r.overall, 'declaration')).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5, met: false });
    expect(indicator(r.overall, 'detection')).toMatchObject({ numerator: 1, denominator: 1, rate: 1, met: true });
    expect(indicator(r.overall, 'grading')).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(indicator(r.overall, 'checkup')).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(r.items.map((i: { key: string }) => i.key)).toEqual(['building_materials', 'commerce']);
    const street = (await as.streetB!.get('/api/occupational-health/rates')).json();
    expect(indicator(street.overall, 'declaration')).toMatchObject({ numerator: 0, denominator: 0, rate: null, met: null });
  });

  it('a year on, the detection lapses in the daily job; a detection due reminder fires once', async () => {
    const due = addMonths(today, 12);
    expect(await refreshLapsedProfiles(t.database.db, addDays(due, -1))).toEqual({ refreshed: 0 });
    expect((await refreshLapsedProfiles(t.database.db, due)).refreshed).toBe(1);
    const p = await one<{ detected: boolean; ppe: boolean; workers_checked: number }>(
      sql`select detected, ppe, workers_checked from oh_profiles where enterprise_id = ${ents.a}`,
    );
    expect(p).toEqual({ detected: false, ppe: false, workers_checked: 0 });
    await expectCellsEqualRecount();
    // A detection of last year on the other file: due within this year's calendar; the overdue rule (the day after
    // the due date, moved to a working day) notifies once, a second run adds nothing.
    const last = addMonths(today, -12);
    const base = `/api/occupational-health/profiles/${ents.a2}`;
    const det = await as.streetA!.post(`${base}/detections`, {
      version: 1,
      reportNo: 'JC-OLD',
      agency: '检测公司',
      detectedOn: addDays(last, -3),
      results: [{ factor: '噪声', passed: true }],
    });
    expect(det.statusCode, det.body).toBe(200);
    expect(det.json().detectionOverdue).toBe(true);
    let overdueDay = addDays(addMonths(addDays(last, -3), 12), 1);
    while (!isWorkday(overdueDay)) overdueDay = addDays(overdueDay, 1);
    expect((await evaluateDetectionDue(t.database.db, overdueDay)).notices).toBeGreaterThan(0);
    expect(await evaluateDetectionDue(t.database.db, overdueDay)).toEqual({ notices: 0 });
    await expectCellsEqualRecount();
  });

  it('an enterprise that moves street takes its file and its counts to the new street', async () => {
    const to = await one<{ area_code: string }>(sql`select area_code from enterprises where id = ${ents.b}`);
    await t.database.db.execute(sql`update enterprises set area_code = ${to.area_code} where id = ${ents.a}`);
    const ev = await appendEvent(t.database.db, 'enterprise.update', 'enterprise', { id: ents.a!, areaCode: to.area_code }, null, {
      changed: ['areaCode'],
    });
    expect(await consumeEvent(t.database, occupationalHealthConsumer, ev)).toBe(true);
    await expectCellsEqualRecount();
    expect((await as.streetB!.get(`/api/occupational-health/profiles/${ents.a}`)).statusCode).toBe(200);
    expect((await as.streetA!.get(`/api/occupational-health/profiles/${ents.a}`)).statusCode).toBe(404);
  });

  it("a park station reads the rates of its park's enterprises, summed from their profiles, by street and by sector", async () => {
    const rates = async (c: Client, by: 'street' | 'sector') => {
      const res = await c.get(`/api/occupational-health/rates?by=${by}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // Before any park enterprise registers: nothing in the park, whatever the other files hold.
    expect(indicator((await rates(as.park!, 'street')).overall, 'declaration')).toMatchObject({ numerator: 0, denominator: 0 });
    const before = await rates(as.district!, 'sector');
    expect((await as.park!.post('/api/occupational-health/profiles', { enterpriseId: ents.a })).statusCode).toBe(404);
    for (const id of [ents.p, ents.p2]) {
      const reg = await as.park!.post('/api/occupational-health/profiles', { enterpriseId: id });
      expect(reg.statusCode, reg.body).toBe(200);
    }
    const dec = await as.park!.post(`/api/occupational-health/profiles/${ents.p}/declarations`, {
      version: 1,
      declaredOn: today,
      items: [{ factor: '噪声', category: 'physical', exposed: 5 }],
    });
    expect(dec.statusCode, dec.body).toBe(200);
    await expectCellsEqualRecount();

    // One row per street of the park's enterprises, with its name; the key-sector enterprise counts for detection.
    const byStreet = await rates(as.park!, 'street');
    expect(byStreet.items.map((i: { key: string }) => i.key)).toEqual([streets.a, streets.b].sort());
    expect(byStreet.items.every((i: { name: string | null }) => !!i.name)).toBe(true);
    expect(byStreet.total).toBe(2);
    expect(indicator(byStreet.overall, 'declaration')).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(indicator(byStreet.overall, 'detection')).toMatchObject({ numerator: 0, denominator: 1 });
    const bySector = await rates(as.park!, 'sector');
    expect(bySector.items.map((i: { key: string }) => i.key)).toEqual(['building_materials', 'commerce']);
    // The same sums as a recount of the park's profiles.
    const recount = await one<{ n: number; declared: number }>(
      sql`select count(*)::int as n, sum(declared::int)::int as declared from oh_profiles where park_id = ${parkId}`,
    );
    expect(indicator(bySector.overall, 'declaration')).toMatchObject({ numerator: recount.declared, denominator: recount.n });
    // The district still reads the cells, which now count the two park files as well.
    const after = await rates(as.district!, 'sector');
    const denominator = (r: { overall: { indicators: { indicator: string; denominator: number }[] } }) =>
      r.overall.indicators.find((i) => i.indicator === 'declaration')!.denominator;
    expect(denominator(after)).toBe(denominator(before) + 2);

    // An enterprise that leaves the park takes its file out of the park's rates (the consumer moves the profile).
    const moved = await one<{ area_code: string }>(sql`update enterprises set park_id = null where id = ${ents.p2} returning area_code`);
    const ev = await appendEvent(t.database.db, 'enterprise.update', 'enterprise', { id: ents.p2!, areaCode: moved.area_code }, null, {
      changed: ['parkId'],
    });
    expect(await consumeEvent(t.database, occupationalHealthConsumer, ev)).toBe(true);
    const left = await rates(as.park!, 'street');
    expect(left.items.map((i: { key: string }) => i.key)).toEqual([streets.a]);
    expect(indicator(left.overall, 'declaration')).toMatchObject({ numerator: 1, denominator: 1 });
    expect((await as.park!.get(`/api/occupational-health/profiles/${ents.p2}`)).statusCode).toBe(404);
    await expectCellsEqualRecount();
  });
});
