// The people import: a small .xlsx with good and bad rows, a dry run, a second import, the summary; then across its
// batches (a batch of 1,000 is read, checked and sealed, here in the reading thread, while the database writes the
// one before): file order, the report's counts, one audit entry a person created and none for the rest,
// people already on the list and repeated within the file left alone in any batch; a refused file writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { auditLog, people } from '../../db/schema';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { verifyAuditChain } from '../../platform/audit-chain';
import { addDays, cstDate } from '../../platform/time';
import { sheetThreadLimits } from '../enterprises/spreadsheet-thread';
import { computeSummary } from './people.queries';
import { auditPerson } from './people.presenter';

let t: TestApp;
let ent: Client;
let enterpriseId: string;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const area = await buildCommunity(db, { street: await buildStreet(db, { district: await buildDistrict(db) }) });
  enterpriseId = (await buildEnterprise(db, { area, sector: 'machinery' })).id;
  const u = await buildUser(db, { role: 'enterprise_safety_manager', enterpriseId, org: null });
  ent = await loginAs(t.app, u.username, u.password);
});
afterAll(() => t.close());

const today = cstDate();
let seq = 50_000;
const countPeople = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from people`))[0]!.n;

/** A valid 居民身份证号 for `i` (GB 11643: birth date, sequence, check character). */
function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (i % 12_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `110101${birth}${String(Math.floor(i / 12_000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, k) => acc + Number(d) * weights[k]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const HEADER = '姓名,身份证号,手机,岗位,岗位名称,上岗日期';
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const line = (i: number) => `员工${i},${idNumber(i)},139${String(i).padStart(8, '0')},特种作业人员,电工,2021-03-01`;

async function upload(csv: string) {
  const boundary = '----anjian-people-import';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return ent.request({
    method: 'POST',
    url: '/api/people/import?dryRun=false',
    payload: Buffer.concat([Buffer.from(head), Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const counts = async () =>
  rowsOf<{ people: number; audited: number }>(
    await t.database.db.execute(sql`
      select (select count(*)::int from people where enterprise_id = ${enterpriseId}) as people,
             (select count(*)::int from audit_log where action = 'person.create'
                 and entity_id in (select id::text from people where enterprise_id = ${enterpriseId})) as audited`),
  )[0]!;

describe('people import across batches', () => {
  // Every file of this block is read, checked and sealed in the spreadsheet reading thread, as a large file is; the
  // .xlsx block below reads on the request thread.
  const minBytes = sheetThreadLimits.minBytes;
  beforeAll(() => void (sheetThreadLimits.minBytes = 0));
  afterAll(() => void (sheetThreadLimits.minBytes = minBytes));

  it('counts, reports in file order and audits each person created once, whatever batch a row falls in', async () => {
    const first = await upload([HEADER, ...Array.from({ length: 300 }, (_, i) => line(i))].join('\n'));
    expect(first.json()).toMatchObject({ total: 300, created: 300, unchanged: 0, rejected: 0 });
    // 2,600 rows, three batches: the 300 already on the list in the second batch, one person twice (rows of the
    // first and third batches), bad rows in the first, second and third.
    const lines = Array.from({ length: 2600 }, (_, k) => (k >= 1000 && k < 1300 ? line(k - 1000) : line(10_000 + k)));
    lines[2000] = line(10_000 + 10);
    for (const k of [5, 1500, 2550]) lines[k] = `坏行${k},${wrongCheck(idNumber(20_000 + k))},,特种作业人员,,2021-03-01`;
    const lastEntry = rowsOf<{ id: number }>(await t.database.db.execute(sql`select coalesce(max(id), 0)::int as id from audit_log`))[0]!
      .id;
    const res = await upload([HEADER, ...lines].join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { total: number; created: number; unchanged: number; rejected: number; errors: { row: number }[] };
    const created = 2600 - 3 - 300 - 1;
    expect(r).toMatchObject({ total: 2600, created, unchanged: 301, rejected: 3 });
    // Spreadsheet row numbers: the header is row 1.
    expect(r.errors.map((e) => e.row)).toEqual([7, 1502, 2552]);
    expect(await counts()).toEqual({ people: 300 + created, audited: 300 + created });
    // The entries are in file order: the chain reads like the file.
    const entered = rowsOf<{ name: string }>(
      await t.database.db.execute(
        sql`select after->>'name' as name from audit_log where id > ${lastEntry} and action = 'person.create' order by id`,
      ),
    ).map((e) => e.name);
    const seen = new Set<string>();
    const createdInOrder = lines
      .map((l) => l.split(',')[0]!)
      .filter((name, k) => !(k >= 1000 && k < 1300) && !name.startsWith('坏行') && !seen.has(name) && seen.add(name));
    expect(entered).toEqual(createdInOrder);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses a file missing a required column, an empty file and one over the row cap, and writes nothing', async () => {
    const before = await counts();
    const noId = await upload(['姓名,手机,岗位,上岗日期', '员工甲,13900000000,特种作业人员,2021-03-01'].join('\n'));
    expect(noId.statusCode).toBe(400);
    expect(noId.json().error.details).toMatchObject([{ field: 'idNumber' }]);
    expect((await upload('')).statusCode).toBe(400);
    const tooMany = await upload([HEADER, ...Array.from({ length: 20_001 }, (_, i) => line(30_000 + i))].join('\n'));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toMatchObject([{ field: 'file' }]);
    expect(await counts()).toEqual(before);
  });
});

describe('import from .xlsx', () => {
  async function xlsx(rows: unknown[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['姓名', '身份证号', '手机', '岗位', '岗位名称', '上岗日期', '离岗日期']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  async function uploadXlsx(c: Client, file: Buffer, dryRun: boolean) {
    const boundary = '----anjian-people-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    return c.request({
      method: 'POST',
      url: `/api/people/import?dryRun=${dryRun}`,
      payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  it('adds good rows, reports bad ones by row number, and a second import adds nothing; a dry run writes nothing', async () => {
    const good1 = idNumber(++seq);
    const good2 = idNumber(++seq);
    const file = await xlsx([
      ['导入甲', good1, '13700001111', '特种作业人员', '电工', '2021-03-01', null],
      ['导入乙', good2, null, '安全管理人员', null, new Date(Date.UTC(2022, 4, 6)), null],
      ['导入丙', wrongCheck(idNumber(++seq)), null, '特种作业人员', null, '2021-03-01', null],
      ['导入丁', idNumber(++seq), null, '老板', null, '2021-03-01', null],
      ['导入戊', idNumber(++seq), null, '主要负责人', null, '2021-13-01', null],
    ]);
    const peopleBefore = await countPeople();
    const dry = await uploadXlsx(ent, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, total: 5, created: 2, rejected: 3 });
    expect(await countPeople()).toBe(peopleBefore);
    const res = await uploadXlsx(ent, file, false);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { created: number; rejected: number; errors: { row: number; field: string }[] };
    expect(r.created).toBe(2);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'idNumber'],
      [5, 'post'],
      [6, 'employedFrom'],
    ]);
    expect(await countPeople()).toBe(peopleBefore + 2);
    // One audit entry a created person, as the form records it, masked number only; the chain still verifies.
    const audited = rowsOf<{ n: number; masked: number }>(
      await t.database.db.execute(sql`
        select count(*)::int as n, count(*) filter (where after::text like '%****%' and after::text not like ${`%${good1}%`})::int as masked
          from audit_log where action = 'person.create' and entity_id in (select id::text from people where name in ('导入甲', '导入乙'))`),
    )[0]!;
    expect(audited).toEqual({ n: 2, masked: 2 });
    // The statement builds each entry itself: the same as the form's (auditPerson of the row written), by this actor.
    const [person] = await t.database.db.select().from(people).where(eq(people.name, '导入甲'));
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, person!.id));
    expect(entry!.after).toEqual(auditPerson(person!));
    expect(entry).toMatchObject({
      action: 'person.create',
      entityType: 'person',
      before: null,
      result: 'ok',
      actorRole: 'enterprise_safety_manager',
    });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    const list = (await ent.get('/api/people?q=导入乙')).json() as { items: { employedFrom: string; post: string }[] };
    expect(list.items[0]).toMatchObject({ employedFrom: '2022-05-06', post: 'safety_manager' });
    const again = (await uploadXlsx(ent, file, false)).json();
    expect(again).toMatchObject({ created: 0, unchanged: 2, rejected: 3 });
    expect(await countPeople()).toBe(peopleBefore + 2);
    // The summary counts the new safety manager.
    const s = await computeSummary(t.database.db, enterpriseId, today);
    const stored = rowsOf<{ p: number }>(
      await t.database.db.execute(sql`select post_people as p from people_summaries where enterprise_id = ${enterpriseId}`),
    )[0]!.p;
    expect(stored).toBe(s.postPeople);
  });

  it("adds the people it inserts to today's summary, and rewrites a summary of an earlier day", async () => {
    const db = t.database.db;
    // A holder already on the list, so the summary has holders and a next change the import must keep.
    const holder = await ent.post('/api/people', {
      name: '持证甲',
      idNumber: idNumber(++seq),
      post: 'special_operator',
      employedFrom: '2020-01-01',
    });
    expect(holder.statusCode, holder.body).toBe(200);
    const cert = await ent.post(`/api/people/${holder.json().id}/certificates`, {
      kind: 'special_operation',
      operationItem: '1.2',
      number: `T${++seq}`,
      issuer: '深圳市应急管理局',
      issuedOn: addDays(today, -400),
    });
    expect(cert.statusCode, cert.body).toBe(200);
    const stored = async () =>
      rowsOf<{ postPeople: number; postHolders: number; nextChangeOn: string | null; computedOn: string }>(
        await db.execute(sql`
          select post_people as "postPeople", post_holders as "postHolders", next_change_on::text as "nextChangeOn",
                 computed_on::text as "computedOn"
            from people_summaries where enterprise_id = ${enterpriseId}`),
      )[0]!;
    const expectCurrent = async () => {
      const want = await computeSummary(db, enterpriseId, today);
      expect(await stored()).toEqual({ ...want, computedOn: today });
      return want;
    };
    const before = await expectCurrent();
    expect(before.postHolders).toBeGreaterThan(0);
    // Counted, counted until a day soon after today (the next change), not yet employed (a change), left, not a post.
    const soon = addDays(today, 20);
    const file = await xlsx([
      ['汇总甲', idNumber(++seq), null, '主要负责人', null, '2021-03-01', null],
      ['汇总乙', idNumber(++seq), null, '安全管理人员', null, '2021-03-01', soon],
      ['汇总丙', idNumber(++seq), null, '特种作业人员', null, addDays(today, 30), null],
      ['汇总丁', idNumber(++seq), null, '特种作业人员', null, '2019-03-01', addDays(today, -1)],
      ['汇总戊', idNumber(++seq), null, '其他关键岗位', null, '2021-03-01', null],
    ]);
    expect((await uploadXlsx(ent, file, false)).json()).toMatchObject({ created: 5, rejected: 0 });
    const after = await expectCurrent();
    expect(after.postPeople).toBe(before.postPeople + 2);
    expect(after.postHolders).toBe(before.postHolders);
    expect(after.nextChangeOn! <= addDays(soon, 1)).toBe(true); // the day after 汇总乙 leaves, at the latest
    // A summary left from yesterday (the daily job has not run yet) is counted afresh, not added to.
    await db.execute(
      sql`update people_summaries set computed_on = ${addDays(today, -1)}, post_people = 999 where enterprise_id = ${enterpriseId}`,
    );
    const more = await xlsx([['汇总己', idNumber(++seq), null, '主要负责人', null, '2021-03-01', null]]);
    expect((await uploadXlsx(ent, more, false)).json()).toMatchObject({ created: 1 });
    expect((await expectCurrent()).postPeople).toBe(after.postPeople + 1);
  });
});
