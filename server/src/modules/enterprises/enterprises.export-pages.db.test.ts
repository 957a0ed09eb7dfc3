// The export's paging (iterateEnterprises): ids in keyset pages under every filter, rows read by id under the scope
// again. Small page sizes here make a few dozen enterprises cross many id pages and row pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { enterprises } from '../../db/schema';
import { loadActor } from '../../platform/actor-load';
import type { Actor } from '../../platform/actor';
import { iterateEnterprises } from './enterprises.queries';

let t: TestApp;
let officer: Actor;
let streetCode: string;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const street = await buildStreet(db);
  streetCode = street.code;
  const here = await buildCommunity(db, { street });
  const elsewhere = await buildCommunity(db, { street: await buildStreet(db) });
  for (let i = 0; i < 40; i++) {
    await buildEnterprise(db, { area: here, name: i % 3 === 0 ? `深圳市第${i}机械厂` : `深圳市第${i}贸易行` });
  }
  for (let i = 0; i < 5; i++) await buildEnterprise(db, { area: elsewhere, name: `深圳市外街${i}机械厂` });
  const u = await buildUser(db, { role: 'street_officer', org: await buildOrg(db, { area: street }) });
  officer = (await loadActor(db, u.id))!;
});
afterAll(() => t.close());

async function exported(q: { q?: string }, pageSize: number, idPage: number, between?: () => Promise<void>) {
  const ids: string[] = [];
  const sizes: number[] = [];
  for await (const page of iterateEnterprises(t.database.db, officer, q, pageSize, idPage)) {
    ids.push(...page.map((r) => r.id));
    sizes.push(page.length);
    if (between && ids.length === pageSize) await between();
  }
  return { ids, sizes };
}

async function expectedIds(nameLike?: string) {
  const rows = await t.database.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(
      and(
        like(enterprises.areaCode, `${streetCode}%`),
        isNull(enterprises.deletedAt),
        nameLike ? like(enterprises.name, nameLike) : undefined,
      ),
    );
  return rows.map((r) => r.id).sort();
}

describe('export paging', () => {
  it('yields every enterprise in scope once, in id order, across id pages and row pages of any size', async () => {
    const all = await expectedIds();
    expect(all).toHaveLength(40);
    for (const [pageSize, idPage] of [
      [3, 7],
      [7, 3],
      [5, 40],
      [100, 5000],
    ] as const) {
      const { ids, sizes } = await exported({}, pageSize, idPage);
      expect(ids).toEqual(all);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(pageSize);
    }
  });

  it('applies the text search to the ids: only matches in scope, none from the other street', async () => {
    const matches = await expectedIds('%机械%');
    expect(matches).toHaveLength(14);
    expect((await exported({ q: '机械' }, 4, 5)).ids).toEqual(matches);
  });

  it('leaves out a record deleted after its id was read but before its row was', async () => {
    const all = await expectedIds();
    const victim = all[all.length - 1]!;
    const { ids } = await exported({}, 4, 40, async () => {
      await t.database.db.update(enterprises).set({ deletedAt: new Date() }).where(eq(enterprises.id, victim));
    });
    expect(ids).toEqual(all.slice(0, -1));
  });
});
