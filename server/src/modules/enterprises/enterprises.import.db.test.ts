// Bulk import: template, validation per row, upsert by credit code, idempotence, dry run, file checks,
// and the export reading back what was imported (formula-like text as Text cells, never formulas, read back exactly).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { auditLog, enterprises } from '../../db/schema';
import { verifyAuditChain } from '../../platform/audit-chain';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildOrg, buildPark, buildStreet, buildUser, randomCreditCode } from '../../seed/factories';

let t: TestApp;
let officer: Client;
let street: Client;
let area: string;
let otherArea: string;
let parkName: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const s = await buildStreet(db);
  const district = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, s.parentCode!) }))!;
  area = (await buildCommunity(db, { street: s })).code;
  otherArea = (await buildCommunity(db, { street: await buildStreet(db, { district }) })).code;
  parkName = (await buildPark(db, { street: s, name: '测试五金产业园' })).name;
  const o = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area: district }) });
  const so = await buildUser(db, { role: 'street_officer', org: await buildOrg(db, { area: s, kind: 'street_office' }) });
  officer = await loginAs(t.app, o.username, o.password);
  street = await loginAs(t.app, so.username, so.password);
});
afterAll(() => t.close());

const HEADERS = [
  '企业名称*',
  '统一社会信用代码*',
  '经营地址*',
  '所属区划代码*',
  '监管行业*',
  '专项风险标签',
  '从业人数',
  '重点企业',
  '所属园区',
  '标准化达标日期',
];
type Row = (string | number | Date | { formula: string } | null)[];

async function xlsx(rows: Row[], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: Client, file: Buffer, filename = 'enterprises.xlsx', dryRun = false, lang = 'zh') {
  const boundary = '----anjian-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return c.request({
    method: 'POST',
    url: `/api/enterprises/import?dryRun=${dryRun}`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': lang },
  });
}

const row = (name: string, code: string, over: Partial<Record<number, Row[number]>> = {}): Row => {
  const r: Row = [name, code, '测试路 8 号', area, '机械', '粉尘涉爆；有限空间', 35, '否', null, null];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v ?? null;
  return r;
};
const total = async () => (await t.database.db.select({ n: count() }).from(enterprises))[0]!.n;

describe('enterprise import', () => {
  it('serves a template with Chinese headers, dropdowns and an instructions sheet', async () => {
    const res = await street.get('/api/enterprises/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业名录', '填写说明', '代码表', '区划代码']);
    const headers = (wb.getWorksheet('企业名录')!.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 2)).toEqual(['企业名称*', '统一社会信用代码*']);
    const model = (wb.getWorksheet('企业名录') as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(Object.keys(model).length).toBeGreaterThan(5);
    const codes = wb.getWorksheet('代码表')!;
    const lists = codes.getRow(1).values as string[];
    const sectorCol = lists.indexOf('监管行业');
    expect(codes.getColumn(sectorCol).values).toContain('危险化学品');
    expect(wb.getWorksheet('区划代码')!.getColumn(1).values).toContain(area);
  });

  it('imports valid rows, rejects bad ones with row and field, and reports both', async () => {
    const [a, b] = [randomCreditCode(), randomCreditCode()];
    const file = await xlsx([
      row('深圳市导入甲五金有限公司', a, { 8: parkName, 9: new Date(Date.UTC(2024, 4, 6)) }),
      row('深圳市导入乙科技有限公司', b, { 4: '不存在的行业' }),
      row('深圳市导入丙有限公司', Number('914403001922038216') as never), // a number cell has lost digits
      row('深圳市导入丁有限公司', randomCreditCode(), { 6: '很多', 7: { formula: '1+1' } }),
      row('深圳市导入戊有限公司', `${a.slice(0, 17)}${a[17] === '0' ? '1' : '0'}`),
      row('深圳市导入甲五金有限公司', a), // the same code again in one file
      [null, null, null, null, null, null, null, null, null, null], // blank rows are skipped
      row('深圳市导入己有限公司', randomCreditCode(), { 3: otherArea }),
    ]);
    const before = await total();
    const res = await upload(street, file);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ dryRun: false, total: 7, created: 1, updated: 0, unchanged: 0, rejected: 6, errorsTruncated: false });
    const at = (n: number) => r.errors.filter((e: { row: number }) => e.row === n).map((e: { field: string }) => e.field);
    expect(at(3)).toEqual(['sector']);
    expect(at(4)).toEqual(['creditCode']);
    expect(r.errors.find((e: { row: number }) => e.row === 4).message).toContain('文本');
    expect(at(5).sort()).toEqual(['employees', 'isKey']);
    expect(r.errors.find((e: { row: number }) => e.row === 6).message).toContain('校验码');
    expect(r.errors.find((e: { row: number }) => e.row === 7).message).toContain('第 2 行');
    expect(at(9)).toEqual(['areaCode']); // another street: outside the caller's scope
    // Each problem names the column as the file's header row does.
    expect(r.errors.find((e: { row: number }) => e.row === 4).column).toBe('统一社会信用代码');
    expect(r.errors.find((e: { row: number }) => e.row === 9).column).toBe('所属区划代码');
    expect(await total()).toBe(before + 1);
    const [saved] = await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, a));
    expect(saved).toMatchObject({ hazardTags: ['combustible_dust', 'confined_space'], employees: 35, standardizationDate: '2024-05-06' });
    expect(saved!.standardizationExpiry).toBe('2027-05-06');
    expect(saved!.parkId).not.toBeNull();
  });

  it('upserts by credit code: a second import of the same file changes nothing; a changed cell updates one record', async () => {
    const codes = [randomCreditCode(), randomCreditCode(), randomCreditCode()];
    const rows = codes.map((c, i) => row(`深圳市幂等${i}号有限公司`, c));
    const first = (await upload(street, await xlsx(rows))).json();
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const audits = (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const again = (await upload(street, await xlsx(rows))).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    rows[1]![6] = 99;
    rows[2]![6] = null; // blank: keep the stored value
    const third = (await upload(street, await xlsx(rows))).json();
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [e] = await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, codes[1]!));
    expect(e).toMatchObject({ employees: 99, version: 2 });
    const history = (await street.get(`/api/enterprises/${e!.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['enterprise.import.update', 'enterprise.import.create']);
    // one entry per changed record, one summary per import (the unchanged import wrote only its summary)
    expect((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(audits + 1 + 2);
    // entries written in bulk are chained exactly as if written one by one
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('writes nothing on a dry run but reports the same outcome', async () => {
    const before = await total();
    const audits = (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const r = (await upload(street, await xlsx([row('深圳市试导入有限公司', randomCreditCode())]), 'x.xlsx', true)).json();
    expect(r).toMatchObject({ dryRun: true, created: 1, rejected: 0 });
    expect(await total()).toBe(before);
    expect((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(audits);
  });

  it('reads UTF-8 and GBK CSV with the same headers', async () => {
    const code = randomCreditCode();
    const csv = `${HEADERS.join(',')}\r\n"深圳市逗号,测试有限公司",${code},"测试路 ""9"" 号",${area},商贸,,,是,,2023/1/5\r\n`;
    const r = (await upload(street, Buffer.from(`\uFEFF${csv}`), 'list.csv')).json();
    expect(r).toMatchObject({ created: 1, rejected: 0 });
    const [e] = await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, code));
    expect(e).toMatchObject({
      name: '深圳市逗号,测试有限公司',
      address: '测试路 "9" 号',
      sector: 'commerce',
      isKey: true,
      standardizationDate: '2023-01-05',
    });
    // Excel on Chinese Windows saves CSV in GBK; API field names work as headers too.
    const gbkCode = randomCreditCode();
    const gbk = Buffer.concat([
      Buffer.from(`name,creditCode,address,areaCode,sector\r\n`),
      Buffer.from('c9eedbdacad0b2e2cad4', 'hex'), // 深圳市测试 in GBK
      Buffer.from(`,${gbkCode},Road 1,${area},commerce\r\n`),
    ]);
    expect((await upload(street, gbk, 'gbk.csv')).json()).toMatchObject({ created: 1, rejected: 0 });
    const [g] = await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, gbkCode));
    expect(g!.name).toBe('深圳市测试');
  });

  it('refuses a file that is not a spreadsheet (415), one without the required columns (400) and one over 20 MB (413)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await upload(street, png, 'disguised.xlsx')).statusCode).toBe(415);
    expect((await upload(street, Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.xlsx')).statusCode).toBe(415);
    expect((await upload(street, Buffer.from('name,creditCode\nA,B\n'), 'data.txt')).statusCode).toBe(415);
    const noColumns = await upload(street, await xlsx([['x']], ['企业名称']), 'x.xlsx', false, 'en');
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().error.details.map((d: { field: string }) => d.field)).toContain('creditCode');
    const json = await street.post('/api/enterprises/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
    const huge = await upload(street, Buffer.alloc(20 * 1024 * 1024 + 10, 0x41), 'huge.csv');
    expect(huge.statusCode).toBe(413);
  });

  it('stores formula-like text as text, exports it as a Text cell without an apostrophe, and reads it back exactly', async () => {
    const code = randomCreditCode();
    const evil = '=HYPERLINK("http://evil.example","点我")有限公司';
    const r = (await upload(officer, await xlsx([row(evil, code, { 5: null })]))).json();
    expect(r).toMatchObject({ created: 1, rejected: 0 });
    const [saved] = await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, code));
    expect(saved!.name).toBe(evil);

    const res = await officer.get(`/api/enterprises/export?q=${encodeURIComponent('点我')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as string[]).slice(1, 4)).toEqual(['企业名称*', '统一社会信用代码*', '信用代码例外说明']);
    expect(ws.rowCount).toBe(2);
    const cell = ws.getRow(2).getCell(1);
    // The text itself (no protective apostrophe as data), a string cell (never a formula element), formatted as
    // Text so a spreadsheet keeps it text even when someone edits the cell.
    expect(cell.value).toBe(evil);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe('@');
    expect(ws.getRow(2).getCell(2).numFmt).not.toBe('@'); // ordinary values keep their format

    // Export → import: the value is unchanged, not re-imported with an apostrophe.
    const again = (await upload(officer, res.rawPayload, 'export.xlsx')).json();
    expect(again).toMatchObject({ total: 1, unchanged: 1, updated: 0, rejected: 0 });
    const [reread] = await t.database.db.select().from(enterprises).where(eq(enterprises.creditCode, code));
    expect(reread!.name).toBe(evil);

    const whole = await officer.get('/api/enterprises/export');
    const visible = (await officer.get('/api/enterprises?pageSize=1')).json().total;
    const all = new ExcelJS.Workbook();
    await all.xlsx.load(whole.rawPayload as unknown as ExcelJS.Buffer);
    expect(all.worksheets[0]!.rowCount - 1).toBe(visible);
    const back = (await upload(officer, whole.rawPayload, 'export.xlsx')).json();
    expect(back).toMatchObject({ total: visible, created: 0, updated: 0, unchanged: visible, rejected: 0 });
    const exports = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.export'));
    expect(exports.length).toBe(2);
  });
});
