// The list's total comes from enterprise_counts (kept by a trigger) for scope + simple filters; it must
// always equal a plain COUNT over the live rows, whatever wrote them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { enterprises } from '../../db/schema';
import { rowsOf } from '../../platform/db';
import { buildTestApp, loginAs, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { seedEnterprises } from '../../seed/enterprises';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function mismatches(): Promise<unknown[]> {
  return rowsOf(
    await t.database.db.execute(sql`
      select coalesce(a.area_code, c.area_code) area, coalesce(a.n, 0) actual, coalesce(c.n, 0) kept
      from (select area_code, sector, coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid) park_id, is_key, count(*)::int n
            from enterprises where deleted_at is null group by 1, 2, 3, 4) a
      full join (select * from enterprise_counts where n <> 0) c
        on a.area_code = c.area_code and a.sector = c.sector and a.park_id = c.park_id and a.is_key = c.is_key
      where coalesce(a.n, 0) <> coalesce(c.n, 0)`),
  );
}

describe('enterprise_counts', () => {
  it('equals a plain COUNT after random creates, moves, re-flags, deletes and restores', async () => {
    const db = t.database.db;
    const street = await buildStreet(db);
    const communities = [await buildCommunity(db, { street }), await buildCommunity(db, { street })];
    const park = await buildPark(db, { street });
    const ids: string[] = [];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), c: fc.nat(1), key: fc.boolean(), inPark: fc.boolean() }),
      fc.record({ kind: fc.constant('move' as const), i: fc.nat(), c: fc.nat(1) }),
      fc.record({ kind: fc.constant('sector' as const), i: fc.nat(), s: fc.constantFrom('machinery', 'commerce', 'construction') }),
      fc.record({ kind: fc.constant('key' as const), i: fc.nat(), key: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('restore' as const), i: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          const id = ids.length ? ids[('i' in o ? o.i : 0) % ids.length]! : null;
          if (o.kind === 'create') {
            const e = await buildEnterprise(db, { area: communities[o.c]!, isKey: o.key, parkId: o.inPark ? park.id : null });
            ids.push(e.id);
          } else if (!id) continue;
          else if (o.kind === 'move') await db.update(enterprises).set({ areaCode: communities[o.c]!.code }).where(eq(enterprises.id, id));
          else if (o.kind === 'sector') await db.update(enterprises).set({ sector: o.s }).where(eq(enterprises.id, id));
          else if (o.kind === 'key') await db.update(enterprises).set({ isKey: o.key }).where(eq(enterprises.id, id));
          else if (o.kind === 'delete') await db.update(enterprises).set({ deletedAt: new Date() }).where(eq(enterprises.id, id));
          else await db.update(enterprises).set({ deletedAt: null }).where(eq(enterprises.id, id));
        }
        expect(await mismatches()).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('stays exact after a bulk seed that bypasses the trigger and rebuilds the counts', async () => {
    await buildCommunity(t.database.db);
    await seedEnterprises(t.database.db, { count: 300, seed: 5 });
    expect(await mismatches()).toEqual([]);
    // …and the trigger is on again afterwards.
    await buildEnterprise(t.database.db);
    expect(await mismatches()).toEqual([]);
  });

  it('gives the API the same total as counting, for a street officer with filters', async () => {
    const db = t.database.db;
    const street = await buildStreet(db);
    const community = await buildCommunity(db, { street });
    for (let i = 0; i < 7; i++)
      await buildEnterprise(db, { area: community, isKey: i % 3 === 0, sector: i % 2 ? 'commerce' : 'machinery' });
    await buildEnterprise(db); // another street: never counted
    const officer = await buildUser(db, { role: 'street_officer', org: await buildOrg(db, { area: street, kind: 'street_office' }) });
    const c = await loginAs(t.app, officer.username, officer.password);
    const all = (await c.get('/api/enterprises')).json();
    expect(all).toMatchObject({ total: 7, totalCapped: false });
    expect((await c.get('/api/enterprises?keyOnly=true')).json().total).toBe(3);
    expect((await c.get('/api/enterprises?sector=commerce')).json().total).toBe(3);
    expect((await c.get('/api/enterprises?q=%E4%BA%94%E9%87%91')).json()).toMatchObject({ total: 7, totalCapped: false }); // 五金
  });
});
