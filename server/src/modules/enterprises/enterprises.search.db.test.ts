// List search, filters, sorting and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';

let t: TestApp;
let c: Client;
let code: string;
let parkId: string;
let streetB: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const street = await buildStreet(db);
  const district = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, street.parentCode!) }))!;
  const area = await buildCommunity(db, { street });
  const other = await buildCommunity(db, { street: await buildStreet(db, { district }) });
  streetB = other.parentCode!;
  parkId = (await buildPark(db, { street })).id;
  const e = (name: string, o: Parameters<typeof buildEnterprise>[1] = {}) => buildEnterprise(db, { area, name, ...o });
  code = (await e('深圳市宏达五金制品有限公司', { isKey: true, hazardTags: ['combustible_dust', 'confined_space'] })).creditCode;
  await e('深圳市鑫宏达电子科技有限公司', { sector: 'light_industry', parkId });
  await e('深圳市华达物流有限公司', { formerNames: ['深圳市宏达物流有限公司'], sector: 'transport', area: other });
  await e('深圳市达宏贸易有限公司', { sector: 'commerce', hazardTags: ['confined_space'] });
  await e('深圳市100%塑胶有限公司', { sector: 'light_industry' });
  await e('Shenzhen ABC Trading Co., Ltd.', { sector: 'commerce' });
  const u = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area: district }) });
  c = await loginAs(t.app, u.username, u.password);
});
afterAll(() => t.close());

const find = async (query: string) => {
  const res = await c.get(`/api/enterprises?${query}`);
  expect(res.statusCode).toBe(200);
  return { total: res.json().total as number, names: (res.json().items as { name: string }[]).map((i) => i.name) };
};
const q = (s: string) => `q=${encodeURIComponent(s)}`;

describe('enterprise search', () => {
  it('finds any part of a name or a former name with two Chinese characters', async () => {
    const r = await find(q('宏达'));
    expect(r.names.sort()).toEqual(['深圳市华达物流有限公司', '深圳市宏达五金制品有限公司', '深圳市鑫宏达电子科技有限公司']);
    expect(r.total).toBe(3);
    expect((await find(q('宏达五金'))).names).toEqual(['深圳市宏达五金制品有限公司']);
    expect((await find(q('达宏'))).names).toEqual(['深圳市达宏贸易有限公司']);
  });

  it('still answers one-character and Latin queries, case-insensitively', async () => {
    expect((await find(q('鑫'))).total).toBe(1);
    expect((await find(q('abc trad'))).names).toEqual(['Shenzhen ABC Trading Co., Ltd.']);
  });

  it('matches the start of a credit code, in any case', async () => {
    expect((await find(q(code.slice(0, 12).toLowerCase()))).names).toEqual(['深圳市宏达五金制品有限公司']);
  });

  it('treats % and _ as plain characters', async () => {
    expect((await find(q('100%'))).names).toEqual(['深圳市100%塑胶有限公司']);
    expect((await find(q('_'))).total).toBe(0);
  });

  it('filters by sector, tag, key flag, park and area', async () => {
    expect((await find('sector=light_industry')).total).toBe(2);
    expect((await find('tag=confined_space')).total).toBe(2);
    expect((await find('keyOnly=true')).names).toEqual(['深圳市宏达五金制品有限公司']);
    expect((await find('keyOnly=false')).total).toBe(6);
    expect((await find(`parkId=${parkId}`)).names).toEqual(['深圳市鑫宏达电子科技有限公司']);
    expect((await find(`areaCode=${streetB}`)).names).toEqual(['深圳市华达物流有限公司']);
    expect((await c.get('/api/enterprises?keyOnly=yes')).statusCode).toBe(400);
  });

  it('pages on the server and sorts by a whitelisted key only', async () => {
    const first = await find('sort=name&pageSize=2&page=1');
    const second = await find('sort=name&pageSize=2&page=2');
    expect(first.total).toBe(6);
    expect(first.names).toHaveLength(2);
    expect(first.names[1]! <= second.names[0]!).toBe(true);
    expect((await find('sort=-name&pageSize=1')).names).toEqual(['深圳市鑫宏达电子科技有限公司']);
    expect((await c.get('/api/enterprises?sort=credit_code')).statusCode).toBe(400);
  });

  it('pages down to ENTERPRISE_PAGE_DEPTH rows and refuses deeper pages with a bilingual reason', async () => {
    // 500 × 20 = 10,000 rows: the last page within reach (empty here, but answered).
    expect((await find('page=500&pageSize=20')).names).toEqual([]);
    const deep = await c.get('/api/enterprises?page=501&pageSize=20');
    expect(deep.statusCode).toBe(400);
    const { error } = deep.json() as { error: { code: string; details: { field: string; message: string }[] } };
    expect(error.code).toBe('VALIDATION');
    expect(error.details[0]).toMatchObject({ field: 'page', message: expect.stringContaining('只能翻阅前 10,000 条') as string });
    const en = await c.get('/api/enterprises?page=501&pageSize=20', { 'accept-language': 'en' });
    expect((en.json() as { error: { details: { message: string }[] } }).error.details[0]!.message).toMatch(/first 10,000 rows/);
    expect((await c.get('/api/enterprises?page=51&pageSize=200')).statusCode).toBe(400);
  });
});
