// The import's row rules on real .xlsx files (ExcelJS) read back through the API: full-width phones folded like
// credit codes, streets and communities given by name (坂田 / 坂田街道) or answered with the choices, duplicates
// counted against accepted rows only, and every bad field of a row reported at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { enterprises } from '../../db/schema';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildOrg, buildStreet, buildUser, randomCreditCode } from '../../seed/factories';

let t: TestApp;
let bantian: Client;
let district: Client;
let bantianCode: string;
let gangtouCode: string;
let outsideCode: string;
let xinlian: string[];

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const d = await buildDistrict(db);
  const b = await buildStreet(db, { district: d, name: '坂田街道' });
  const l = await buildStreet(db, { district: d, name: '龙城街道' });
  bantianCode = b.code;
  gangtouCode = (await buildCommunity(db, { street: b, name: '岗头社区' })).code;
  outsideCode = (await buildCommunity(db, { street: l, name: '回龙埔社区' })).code;
  xinlian = [
    (await buildCommunity(db, { street: b, name: '新联社区' })).code,
    (await buildCommunity(db, { street: l, name: '新联社区' })).code,
  ];
  const so = await buildUser(db, { role: 'street_officer', org: await buildOrg(db, { area: b, kind: 'street_office' }) });
  const dof = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area: d }) });
  bantian = await loginAs(t.app, so.username, so.password);
  district = await loginAs(t.app, dof.username, dof.password);
}, 120_000);
afterAll(() => t.close());

const HEADERS = [
  '企业名称*',
  '统一社会信用代码*',
  '经营地址*',
  '所属区划代码*',
  '监管行业*',
  '主要负责人电话',
  '安全管理人员电话',
  '从业人数',
];
type Row = (string | number | null)[];
const row = (name: string, code: string, areaCode: string, over: Partial<Record<number, string | number>> = {}): Row => {
  const r: Row = [name, code, '坂田路 1 号', areaCode, '机械', null, null, 20];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v ?? null;
  return r;
};

async function upload(c: Client, rows: Row[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----anjian-rows-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rows.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const res = await c.request({
    method: 'POST',
    url: '/api/enterprises/import?dryRun=false',
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'zh' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    created: number;
    rejected: number;
    errors: { row: number; field: string; message: string }[];
  };
}

const stored = async (code: string) => (await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, code)))[0];

describe('import rows', () => {
  it('folds full-width digits and hyphens in phones to ASCII', async () => {
    const code = randomCreditCode();
    const r = await upload(bantian, [
      row('深圳市全角电话有限公司', code, gangtouCode, { 5: '１３９ ２３４５ ６７８９', 6: '０７５５－８８８８８８８８' }),
    ]);
    expect(r).toMatchObject({ created: 1, rejected: 0 });
    expect(await stored(code)).toMatchObject({ principalPhone: '13923456789', safetyManagerPhone: '0755-88888888' });
  });

  it('takes a street or community by name within the caller’s scope, and answers unknown or shared names with the choices', async () => {
    const [a, b, c] = [randomCreditCode(), randomCreditCode(), randomCreditCode()];
    const r = await upload(bantian, [
      row('深圳市坂田甲有限公司', a, '坂田'),
      row('深圳市坂田乙有限公司', b, '坂田街道'),
      row('深圳市岗头丙有限公司', c, '岗头'),
      row('深圳市布吉丁有限公司', randomCreditCode(), '布吉'),
      row('深圳市龙城戊有限公司', randomCreditCode(), '龙城街道'), // another street: not among the caller's areas
    ]);
    expect(r).toMatchObject({ created: 3, rejected: 2 });
    expect((await stored(a))!.areaCode).toBe(bantianCode);
    expect((await stored(b))!.areaCode).toBe(bantianCode);
    expect((await stored(c))!.areaCode).toBe(gangtouCode);
    expect(r.errors).toEqual([
      {
        row: 5,
        field: 'areaCode',
        column: '所属区划代码',
        message: `管辖范围内没有名为“布吉”的街道或社区；可选街道：坂田街道（${bantianCode}）`,
      },
      {
        row: 6,
        field: 'areaCode',
        column: '所属区划代码',
        message: `管辖范围内没有名为“龙城街道”的街道或社区；可选街道：坂田街道（${bantianCode}）`,
      },
    ]);

    const shared = await upload(district, [row('深圳市新联己有限公司', randomCreditCode(), '新联社区')]);
    expect(shared.rejected).toBe(1);
    expect(shared.errors[0]).toMatchObject({
      field: 'areaCode',
      message: `“新联社区”对应多个区划，请改填代码：新联社区（${xinlian[0]}）、新联社区（${xinlian[1]}）`,
    });
  });

  it('counts duplicates against accepted rows only: a rejected first row does not block a valid second one', async () => {
    const code = randomCreditCode();
    const r = await upload(bantian, [
      row('深圳市重复码有限公司', code, outsideCode), // row 2: outside the street officer's scope
      row('深圳市重复码有限公司', code, gangtouCode), // row 3: valid, the first accepted
      row('深圳市重复码有限公司', code, bantianCode), // row 4: a true duplicate of row 3
    ]);
    expect(r).toMatchObject({ created: 1, rejected: 2 });
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'areaCode'],
      [4, 'creditCode'],
    ]);
    expect(r.errors[1]!.message).toBe('与第 3 行的信用代码重复，以第 3 行为准');
    expect((await stored(code))!.areaCode).toBe(gangtouCode);
  });

  it('reports every bad field of a row, not only the first', async () => {
    const r = await upload(bantian, [
      row('深圳市多错有限公司', randomCreditCode(), gangtouCode, { 4: '不存在的行业', 5: '12345', 7: '很多' }),
    ]);
    expect(r.rejected).toBe(1);
    expect(r.errors.map((e) => e.field).sort()).toEqual(['employees', 'principalPhone', 'sector']);
    expect(r.errors.find((e) => e.field === 'principalPhone')!.message).toContain('电话号码格式不正确');
  });
});
