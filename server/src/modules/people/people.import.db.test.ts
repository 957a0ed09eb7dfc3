// The people import across its batches (import-people.ts reads, checks and seals a batch of 1,000 while the database
// writes the one before): file order, the report's counts, one audit entry a person created and none for the rest,
// people already on the list and repeated within the file left alone in any batch; a refused file writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { verifyAuditChain } from '../../platform/audit';

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
  it('counts, reports in file order and audits each person created once, whatever batch a row falls in', async () => {
    const first = await upload([HEADER, ...Array.from({ length: 300 }, (_, i) => line(i))].join('\n'));
    expect(first.json()).toMatchObject({ total: 300, created: 300, unchanged: 0, rejected: 0 });
    // 2,600 rows, three batches: the 300 already on the list in the second batch, one person twice (rows of the
    // first and third batches), bad rows in the first, second and third.
    const lines = Array.from({ length: 2600 }, (_, k) => (k >= 1000 && k < 1300 ? line(k - 1000) : line(10_000 + k)));
    lines[2000] = line(10_000 + 10);
    for (const k of [5, 1500, 2550]) lines[k] = `坏行${k},${wrongCheck(idNumber(20_000 + k))},,特种作业人员,,2021-03-01`;
    const res = await upload([HEADER, ...lines].join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { total: number; created: number; unchanged: number; rejected: number; errors: { row: number }[] };
    const created = 2600 - 3 - 300 - 1;
    expect(r).toMatchObject({ total: 2600, created, unchanged: 301, rejected: 3 });
    // Spreadsheet row numbers: the header is row 1.
    expect(r.errors.map((e) => e.row)).toEqual([7, 1502, 2552]);
    expect(await counts()).toEqual({ people: 300 + created, audited: 300 + created });
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
