// Record scope on the enterprise file: what a caller may not see answers 404 and never appears in a
// list, a count, a search or an export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Role, Sector } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';

let t: TestApp;
const as = new Map<string, Client>();
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const streetA = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, streetA.parentCode!) }))!;
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const [ca, cb] = [await buildCommunity(db, { street: streetA }), await buildCommunity(db, { street: streetB })];
  const park = await buildPark(db, { street: streetA, name: '甲工业园' });
  const make = async (key: string, area: typeof ca, sector: Sector, parkId: string | null = null) =>
    (ids[key] = (await buildEnterprise(db, { area, sector, parkId, name: `深圳市范围${key}实业有限公司` })).id);
  await make('甲机械', ca, 'machinery');
  await make('甲园建筑', ca, 'construction', park.id);
  await make('乙建筑', cb, 'construction');
  await make('乙机械', cb, 'machinery');

  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>> | null, enterpriseId?: string) => {
    const u = await buildUser(db, { role, org, enterpriseId });
    as.set(key, await loginAs(t.app, u.username, u.password));
  };
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: streetA, kind: 'street_office' }));
  await login('park', 'park_officer', await buildOrg(db, { area: streetA, kind: 'park_station', parkId: park.id }));
  await login(
    'industry',
    'industry_officer',
    await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  );
  await login('enterprise', 'enterprise_principal', null, ids['甲机械']);
});
afterAll(() => t.close());

const names = async (c: Client, query = '') =>
  ((await c.get(`/api/enterprises?pageSize=200${query}`)).json().items as { name: string }[]).map((e) => e.name.slice(5, -6)).sort();

async function exported(c: Client): Promise<string[]> {
  const res = await c.get('/api/enterprises/export');
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row, n) => n > 1 && out.push(String(row.getCell(1).value).slice(5, -6)));
  return out.sort();
}

describe('enterprise scope', () => {
  it.each([
    ['district', ['乙建筑', '乙机械', '甲园建筑', '甲机械']],
    ['streetA', ['甲园建筑', '甲机械']],
    ['park', ['甲园建筑']],
    ['industry', ['乙建筑', '甲园建筑']],
    ['enterprise', ['甲机械']],
  ])('%s sees exactly its units in the list, the count and the search', async (who, expected) => {
    const c = as.get(who)!;
    expect(await names(c)).toEqual(expected);
    expect((await c.get('/api/enterprises')).json().total).toBe(expected.length);
    expect(await names(c, `&q=${encodeURIComponent('范围乙')}`)).toEqual(expected.filter((n) => n.startsWith('乙')));
  });

  it.each([
    ['district', ['乙建筑', '乙机械', '甲园建筑', '甲机械']],
    ['streetA', ['甲园建筑', '甲机械']],
    ['park', ['甲园建筑']],
    ['industry', ['乙建筑', '甲园建筑']],
  ])('%s exports exactly what it may see', async (who, expected) => {
    expect(await exported(as.get(who)!)).toEqual(expected);
  });

  it('answers 404 for an out-of-scope id on read, history, edit and delete', async () => {
    const street = as.get('streetA')!;
    const id = ids['乙机械']!;
    expect((await street.get(`/api/enterprises/${id}`)).statusCode).toBe(404);
    expect((await street.get(`/api/enterprises/${id}/history`)).statusCode).toBe(404);
    expect((await street.patch(`/api/enterprises/${id}`, { version: 1, employees: 1 })).statusCode).toBe(404);
    expect((await as.get('park')!.get(`/api/enterprises/${ids['甲机械']}`)).statusCode).toBe(404);
    expect((await as.get('industry')!.get(`/api/enterprises/${ids['甲机械']}`)).statusCode).toBe(404);
    expect((await as.get('enterprise')!.get(`/api/enterprises/${ids['甲园建筑']}`)).statusCode).toBe(404);
  });

  it('lets an enterprise account edit its own contacts but not its area, sector or key flag', async () => {
    const c = as.get('enterprise')!;
    const own = (await c.get(`/api/enterprises/${ids['甲机械']}`)).json();
    expect(own.abilities).toContain('update');
    expect(own.abilities).not.toContain('reassign');
    const ok = await c.patch(`/api/enterprises/${own.id}`, { version: own.version, safetyManagerPhone: '13800138000', sector: own.sector });
    expect(ok.statusCode).toBe(200);
    const denied = await c.patch(`/api/enterprises/${own.id}`, { version: ok.json().version, isKey: true, sector: 'commerce' });
    expect(denied.statusCode).toBe(403);
    expect(
      denied
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['isKey', 'sector']);
  });

  it('keeps an industry officer inside its sectors and a park officer inside its park on write', async () => {
    const industry = as.get('industry')!;
    const e = (await industry.get(`/api/enterprises/${ids['乙建筑']}`)).json();
    const moved = await industry.patch(`/api/enterprises/${e.id}`, { version: e.version, sector: 'commerce' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual([{ field: 'sector', message: expect.stringContaining('管辖范围') }]);
    const park = as.get('park')!;
    const p = (await park.get(`/api/enterprises/${ids['甲园建筑']}`)).json();
    const out = await park.patch(`/api/enterprises/${p.id}`, { version: p.version, parkId: null });
    expect(out.json().error.details[0].field).toBe('parkId');
  });
});
