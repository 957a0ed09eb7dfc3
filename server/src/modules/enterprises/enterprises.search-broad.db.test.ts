// A search with more matches than ENTERPRISE_COUNT_CAP takes the other plan (enterprises.queries.ts findEnterprises):
// it walks the covering sort index with a text test instead of reading the bigram index. Both plans must answer
// the same rows in the same order, at every page, for Chinese and for Latin text in any letter case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ENTERPRISE_COUNT_CAP } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { rowsOf } from '../../platform/db';
import { buildCommunity, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';

let t: TestApp;
let c: Client;
let areaCode: string;
const BROAD = ENTERPRISE_COUNT_CAP + 60;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const street = await buildStreet(db);
  const district = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, street.parentCode!) }))!;
  const area = await buildCommunity(db, { street });
  areaCode = area.code;
  for (let i = 0; i < BROAD; i++) {
    // Every third a former name only; Latin names in mixed case; all distinct update times.
    const latin = i % 2 === 0 ? `Shenzhen ABC Tech ${i}` : `shenzhen abc tech ${i}`;
    await buildEnterprise(
      db,
      i % 3 === 0
        ? { area, name: `深圳市甲${i}有限公司`, formerNames: [`深圳市${i}科技有限公司`, latin] }
        : { area, name: `深圳市${i}科技有限公司 ${latin}` },
    );
  }
  await db.execute(sql`update enterprises set updated_at = now() - make_interval(secs => (hashtext(id::text) % 100000))`);
  await db.execute(sql`analyze enterprises`);
  const u = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area: district }) });
  c = await loginAs(t.app, u.username, u.password);
});
afterAll(() => t.close());

/** The expected order, straight from SQL: every live enterprise whose name or former name holds the text. */
async function expected(text: string, order: string) {
  const pattern = `%${text.toLowerCase()}%`;
  return rowsOf<{ name: string }>(
    await t.database.db.execute(
      sql`select name from enterprises where deleted_at is null
            and (lower(name) like ${pattern} or lower(array_to_string(former_names, chr(10))) like ${pattern})
          order by ${sql.raw(order)}`,
    ),
  ).map((r) => r.name);
}

const page = async (query: string) => {
  const res = await c.get(`/api/enterprises?${query}`);
  expect(res.statusCode).toBe(200);
  const body = res.json() as { total: number; totalCapped: boolean; items: { name: string }[] };
  return { ...body, names: body.items.map((i) => i.name) };
};

describe('a search broader than the count cap', () => {
  it('reports the cap and pages through the same rows, in the same order, as the plain query', async () => {
    const all = await expected('科技', 'updated_at desc, id desc');
    expect(all.length).toBe(BROAD);
    const first = await page(`q=${encodeURIComponent('科技')}&pageSize=20`);
    expect(first).toMatchObject({ total: ENTERPRISE_COUNT_CAP, totalCapped: true });
    expect(first.names).toEqual(all.slice(0, 20));
    const deep = await page(`q=${encodeURIComponent('科技')}&pageSize=20&page=50`);
    expect(deep.names).toEqual(all.slice(980, 1000));
    const byName = await page(`q=${encodeURIComponent('科技')}&pageSize=50&page=3&sort=-name`);
    expect(byName.names).toEqual((await expected('科技', 'name desc, id desc')).slice(100, 150));
  });

  it('matches Latin text in any letter case, in names and former names alike', async () => {
    const all = await expected('abc tech', 'updated_at desc, id desc');
    expect(all.length).toBe(BROAD);
    expect((await page(`q=${encodeURIComponent('aBc TECH')}&pageSize=100&page=4`)).names).toEqual(all.slice(300, 400));
  });

  it('answers the narrow searches with exact totals and the same rows', async () => {
    const narrow = await page(`q=${encodeURIComponent('7科技')}&pageSize=200`);
    const all = await expected('7科技', 'updated_at desc, id desc');
    expect(narrow).toMatchObject({ total: all.length, totalCapped: false });
    expect(narrow.names).toEqual(all);
  });
});

describe("a search the planner puts far over the cap (counted from its estimate, not the index's whole posting list)", () => {
  const MANY = ENTERPRISE_COUNT_CAP * 3 + 200;
  const q = `q=${encodeURIComponent('矿业')}&pageSize=20`;

  it('reports the cap and pages through the same rows as the plain query', async () => {
    await t.database.db.execute(sql`
      insert into enterprises (name, credit_code, unit_type, address, area_code, sector, updated_at)
      select '深圳市' || g || '矿业有限公司', '91440300MA' || lpad(g::text, 8, '0'), 'enterprise', '测试路' || g || '号',
             ${areaCode}, 'machinery', now() - make_interval(secs => g)
        from generate_series(1, ${MANY}) g`);
    await t.database.db.execute(sql`analyze enterprises`);
    const all = await expected('矿业', 'updated_at desc, id desc');
    expect(all.length).toBe(MANY);
    const first = await page(q);
    expect(first).toMatchObject({ total: ENTERPRISE_COUNT_CAP, totalCapped: true });
    expect(first.names).toEqual(all.slice(0, 20));
    expect((await page(`${q}&page=120`)).names).toEqual(all.slice(2380, 2400));
  });

  it('corrects the total from a short page when the estimate was wrong, and counts an empty page past the end', async () => {
    // All but 7 deleted after ANALYZE: the statistics still say every one of them is live.
    await t.database.db.execute(sql`
      update enterprises set deleted_at = now()
       where name like '%矿业%' and name not in (select name from enterprises where name like '%矿业%' order by updated_at desc limit 7)`);
    const all = await expected('矿业', 'updated_at desc, id desc');
    expect(all).toHaveLength(7);
    const first = await page(q);
    expect(first).toMatchObject({ total: 7, totalCapped: false });
    expect(first.names).toEqual(all);
    expect(await page(`${q}&page=3`)).toMatchObject({ total: 7, totalCapped: false, names: [] });
    await t.database.db.execute(sql`analyze enterprises`);
    expect(await page(q)).toMatchObject({ total: 7, totalCapped: false, names: all });
  });
});
