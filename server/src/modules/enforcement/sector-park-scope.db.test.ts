// The one record-scope predicate on enforcement's counts: an industry department (住建, sector construction) and a park
// station see their own enterprises in the annual plan's progress, the principal-duty frequency and the statistics —
// not every enterprise of their area (the plan page used to count by area only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, Sector } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { cstDate } from '../../platform/time';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';

let t: TestApp;
let officer: Client;
let zhujian: Client;
let park: Client;
const year = Number(cstDate().slice(0, 4));

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district, name: '甲街道' });
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const [ca, cb] = [await buildCommunity(db, { street: streetA }), await buildCommunity(db, { street: streetB })];
  const p = await buildPark(db, { street: streetA, name: '甲工业园' });
  const make = (area: typeof ca, sector: Sector, parkId: string | null = null) => buildEnterprise(db, { area, sector, parkId });
  const ents = [
    await make(ca, 'machinery'),
    await make(ca, 'construction', p.id),
    await make(cb, 'construction'),
    await make(cb, 'machinery'),
  ];
  const login = async (role: Role, org: Awaited<ReturnType<typeof buildOrg>>) => {
    const u = await buildUser(db, { role, org });
    return loginAs(t.app, u.username, u.password);
  };
  officer = await login('district_officer', await buildOrg(db, { area: district, name: '测试区应急管理局' }));
  zhujian = await login('industry_officer', await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }));
  park = await login('park_officer', await buildOrg(db, { area: streetA, kind: 'park_station', parkId: p.id }));
  // The district bureau does one principal-duty inspection of each of the four enterprises this quarter.
  for (const e of ents) {
    const insp = await officer.post('/api/inspections', { enterpriseId: e.id, kind: 'planned', plannedOn: cstDate(), principalDuty: true });
    expect(insp.statusCode, insp.body).toBe(201);
    const rec = await officer.post(`/api/inspections/${insp.json().id}/record`, { version: 1, summary: '主要负责人履职情况检查' });
    expect(rec.statusCode, rec.body).toBe(200);
  }
}, 120_000);
afterAll(() => t.close());

async function planOf(c: Client) {
  const put = await c.request({
    method: 'PUT',
    url: `/api/enforcement/plans/${year}`,
    payload: { version: 0, groups: [{ name: '全部企业', timesPerYear: 2 }] },
  });
  expect(put.statusCode, put.body).toBe(200);
  return (await c.get(`/api/enforcement/plans/${year}`)).json().groups[0];
}

describe('sector and park scope on enforcement counts', () => {
  it('counts an annual plan over the caller’s sector or park, not the whole area', async () => {
    expect(await planOf(officer)).toMatchObject({ enterprises: 4, done: 4, covered: 4, required: 8 });
    expect(await planOf(zhujian)).toMatchObject({ enterprises: 2, done: 2, covered: 2, required: 4 });
    expect(await planOf(park)).toMatchObject({ enterprises: 1, done: 1, covered: 1, required: 2 });
  });

  it('refuses a stale plan with 409 and the plan as GET shows it', async () => {
    const current = (await zhujian.get(`/api/enforcement/plans/${year}`)).json();
    const res = await zhujian.request({
      method: 'PUT',
      url: `/api/enforcement/plans/${year}`,
      payload: { version: current.version - 1, groups: [{ name: '重点企业', filter: { isKey: true }, timesPerYear: 4 }] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().current).toEqual(current);
    expect((await zhujian.get(`/api/enforcement/plans/${year}`)).json()).toEqual(current);
  });

  it('measures principal-duty frequency over the caller’s sector or park', async () => {
    const read = async (c: Client) => (await c.get(`/api/enforcement/principal-duty?year=${year}&level=district`)).json();
    const quarter = Math.floor((Number(cstDate().slice(5, 7)) - 1) / 3) + 1;
    for (const [c, n] of [
      [officer, 4],
      [zhujian, 2],
      [park, 1],
    ] as const) {
      const r = await read(c);
      expect(r.enterprises).toBe(n);
      expect(r.periods[quarter - 1].covered).toBe(n);
    }
  });

  it('adds up statistics over the caller’s sector or park only', async () => {
    const bySector = async (c: Client) =>
      Object.fromEntries(
        ((await c.get(`/api/enforcement/stats?by=sector&year=${year}`)).json().rows as { key: string; inspections: number }[]).map((r) => [
          r.key,
          r.inspections,
        ]),
      );
    expect(await bySector(officer)).toEqual({ construction: 2, machinery: 2 });
    expect(await bySector(zhujian)).toEqual({ construction: 2 });
    expect(await bySector(park)).toEqual({ construction: 1 });
  });
});
