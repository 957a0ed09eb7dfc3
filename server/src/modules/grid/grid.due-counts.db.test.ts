// grid_due_counts (units per area level and due month, kept by triggers on enterprises and grid_unit_status) answers
// coverage exactly as counting the units does: after visits through the command over several months (late queued
// ones included), and after enterprises are created, moved (grid, community, street, district codes), recoloured,
// flagged key, closed, reopened, deleted, restored and removed, findCoverage from the buckets equals findCoverage from
// enterprises ⟕ grid_unit_status and a plain GROUP BY over the visits, for every area level, several scopes and
// months before, during and after the visits; the table always equals what grid_due_counts_rebuild() makes; the SQL
// interval equals grid.rules', and the migration's one-off fill makes the same table.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openTestDatabase } from '../../../test/db';
import { buildCommunity, buildDistrict, buildEnterprise, buildGrid, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { enterprises, gridUnitStatus, type areas } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type Database } from '../../platform/db';
import { addDays } from '../../platform/time';
import { recordVisitIn } from './commands/record-visit';
import { dueCountsLevel, findCoverage, intervalSql } from './grid.queries';
import { defaultGridFrequency, monthEnd, visitIntervalDays } from './grid.rules';

type Area = typeof areas.$inferSelect;
let t: Database;
let district: Area;
const places: Area[] = [];
const units: string[] = [];
let inspector: Actor;

/** A small deterministic generator (the same world on every run and engine). */
let seed = 20_260_115;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return Math.floor((seed / 2_147_483_648) * n); // the high bits: an LCG's low bits cycle
};
const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;
const LEVELS = ['major', 'significant', 'general', 'low', null] as const;
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-09'];

const actorAt = (prefix: string): Actor => ({
  id: inspector?.id ?? randomUUID(),
  username: 'due-counts',
  displayName: 'due-counts',
  role: 'district_officer',
  orgId: null,
  orgName: null,
  areaCode: prefix,
  areaPrefix: prefix,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
});

beforeAll(async () => {
  t = await openTestDatabase();
  const db = t.db;
  district = await buildDistrict(db, '到期区');
  const s1 = await buildStreet(db, { district });
  const s2 = await buildStreet(db, { district });
  const c1 = await buildCommunity(db, { street: s1 });
  const c2 = await buildCommunity(db, { street: s1 });
  const c3 = await buildCommunity(db, { street: s2 });
  const g1 = await buildGrid(db, { community: c1 });
  const g2 = await buildGrid(db, { community: c1 });
  const g3 = await buildGrid(db, { community: c3 });
  // units filed under grids, a community, a street and the district itself (counted only at the levels they reach)
  places.push(g1, g2, g3, g1, g3, c2, s2, district);
  const org = await buildOrg(db, { area: district, kind: 'grid_station' });
  const user = await buildUser(db, { role: 'grid_inspector', org });
  inspector = { ...actorAt(district.code), id: user.id, role: 'grid_inspector' };
  for (let i = 0; i < 40; i++) await addUnit();
});
afterAll(() => t?.close());

async function addUnit() {
  const e = await buildEnterprise(t.db, { area: pick(places), riskLevel: pick(LEVELS), isKey: rand(4) === 0 });
  units.push(e.id);
}

/** Visits through the command, each "now" a random day from 2025-11-05 to 2026-06-25, some queued for days. */
async function visits(n: number) {
  for (let i = 0; i < n; i++) {
    const day = addDays('2025-11-05', rand(233));
    const now = new Date(`${day}T12:00:00+08:00`);
    const checkedInAt = new Date(now.getTime() - rand(20 * 24) * 3_600_000).toISOString();
    const enterpriseId = pick(units);
    const [live] = await t.db.select({ d: enterprises.deletedAt }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!live || live.d) continue;
    await t.db.transaction((tx) => recordVisitIn(tx, inspector, null, { id: randomUUID(), enterpriseId, checkedInAt, checklist: {} }, now));
  }
}

/** The figures straight from the visits (no summary, no aggregate), as the bench's baseline. */
async function fromVisits(prefix: string, len: number, month: string) {
  const like = `${prefix}%`;
  const l = sql.raw(String(len));
  return rowsOf<Record<string, unknown>>(
    await t.db.execute(sql`
      with last as (
        select enterprise_id, (max(checked_in_at) at time zone 'Asia/Shanghai')::date as on_day from grid_visits group by 1
      ), u as (
        select left(enterprises.area_code, ${l}) as code, count(*)::int as units,
               count(*) filter (where last.enterprise_id is null)::int as never,
               count(*) filter (where last.enterprise_id is null
                 or (last.on_day < ${`${month}-01`}::date and last.on_day + ${intervalSql()} <= ${monthEnd(month)}::date))::int as still_due
          from enterprises left join last on last.enterprise_id = enterprises.id
         where enterprises.deleted_at is null and enterprises.operating_status = 'operating'
           and enterprises.area_code like ${like} and length(enterprises.area_code) >= ${l}
         group by 1
      )
      select code as "areaCode", units, never as "neverVisited", still_due as "stillDue" from u order by 1`),
  );
}

const table = async () =>
  rowsOf(
    await t.db.execute(
      sql`select area_len, area_code, due_month, due_in_visit_month, n from grid_due_counts
          where area_code like ${`${district.code}%`} order by 1, 2, 3, 4`,
    ),
  );

/** Buckets vs units for every scope, level and month; the table vs its rebuild; optionally vs the visits. */
async function expectExact(opts: { visitsToo: boolean }) {
  const streets = [...new Set(places.map((p) => p.code.slice(0, 9)).filter((c) => c.length === 9))];
  const prefixes = [district.code, ...streets, places[0]!.code.slice(0, 12), places[0]!.code];
  let compared = 0;
  for (const prefix of prefixes) {
    const actor = actorAt(prefix);
    for (const level of ['grid', 'community', 'street'] as const) {
      const len = { grid: 15, community: 12, street: 9 }[level];
      expect(dueCountsLevel(actor, len, defaultGridFrequency), `${prefix} ${level}`).not.toBeNull();
      for (const month of MONTHS) {
        const fast = await findCoverage(t.db, actor, month, level);
        const slow = await findCoverage(t.db, actor, month, level, defaultGridFrequency, { fromUnits: true });
        expect(fast, `${prefix} ${level} ${month}`).toEqual(slow);
        if (opts.visitsToo) {
          const base = await fromVisits(prefix, len, month);
          const mine = fast
            .filter((r) => r.units > 0)
            .map((r) => ({ areaCode: r.areaCode, units: r.units, neverVisited: r.neverVisited, stillDue: r.stillDue }));
          expect(mine, `visits ${prefix} ${level} ${month}`).toEqual(base);
        }
        compared += fast.length;
      }
    }
  }
  expect(compared).toBeGreaterThan(100);
  const kept = await table();
  await t.db.execute(sql`select grid_due_counts_rebuild()`);
  expect(kept).toEqual(await table());
}

describe('grid_due_counts', () => {
  it('holds the interval grid.rules computes for every risk level and key flag', async () => {
    for (const riskLevel of [...LEVELS, 'purple']) {
      for (const isKey of [false, true]) {
        const [r] = rowsOf<{ d: number }>(await t.db.execute(sql`select grid_visit_interval(${riskLevel}, ${isKey}) as d`));
        expect(r!.d, `${riskLevel} ${isKey}`).toBe(visitIntervalDays({ riskLevel, isKey }));
      }
    }
  });

  it('is filled for units created, and answers coverage as the units do after visits over months', async () => {
    expect((await table()).length).toBeGreaterThan(0);
    await expectExact({ visitsToo: true });
    await visits(60);
    await expectExact({ visitsToo: true });
    // the rebuild (the CLI's rebuild-grid-due, and the routine runner's after an edit of the intervals) makes the same
    // table; migration 0060's one-off fill had its own copy of the intervals, keyed by colour, before they followed the
    // risk module's levels
    const kept = await table();
    await t.db.execute(sql`delete from grid_due_counts`);
    await t.db.execute(sql`select grid_due_counts_rebuild()`);
    expect(await table()).toEqual(kept);
  });

  it('follows moves, colours, key flags, closing, deletion, restoring and removal of units', async () => {
    const db = t.db;
    const set = (id: string, v: Partial<typeof enterprises.$inferInsert>) => db.update(enterprises).set(v).where(eq(enterprises.id, id));
    for (let i = 0; i < 8; i++) await set(pick(units), { areaCode: pick(places).code });
    for (let i = 0; i < 8; i++) await set(pick(units), { riskLevel: pick(LEVELS) });
    for (let i = 0; i < 5; i++) {
      const id = pick(units);
      const [e] = await db.select({ k: enterprises.isKey }).from(enterprises).where(eq(enterprises.id, id));
      await set(id, { isKey: !e!.k });
    }
    // several columns at once: moved, recoloured and flagged in one update
    await set(units[0]!, { areaCode: places[6]!.code, riskLevel: 'major', isKey: true });
    const closed = [units[1]!, units[2]!];
    for (const id of closed) await set(id, { operatingStatus: 'closed' });
    const deleted = [units[3]!, units[4]!, units[5]!];
    for (const id of deleted) await set(id, { deletedAt: new Date() });
    await expectExact({ visitsToo: true });
    // a closed unit moved while closed, then reopened; a deleted one restored elsewhere with another colour
    await set(closed[0]!, { areaCode: places[2]!.code });
    await set(closed[0]!, { operatingStatus: 'operating' });
    await set(deleted[0]!, { deletedAt: null, areaCode: places[5]!.code, riskLevel: 'significant' });
    // new units created, and a never-visited one removed outright
    for (let i = 0; i < 5; i++) await addUnit();
    const [never] = rowsOf<{ id: string }>(
      await db.execute(sql`select e.id from enterprises e left join grid_unit_status s on s.enterprise_id = e.id
                           where s.enterprise_id is null and e.area_code like ${`${district.code}%`} limit 1`),
    );
    await db.delete(enterprises).where(eq(enterprises.id, never!.id));
    units.splice(units.indexOf(never!.id), 1);
    await visits(40);
    await expectExact({ visitsToo: true });
  });

  it('follows the per-unit summary written by hand: a day moved back or forward, a summary removed', async () => {
    const visited = rowsOf<{ id: string }>(
      await t.db.execute(sql`select enterprise_id as id from grid_unit_status s join enterprises e on e.id = s.enterprise_id
                             where e.area_code like ${`${district.code}%`} order by 1 limit 6`),
    );
    for (const [i, v] of visited.entries()) {
      if (i === 5) await t.db.delete(gridUnitStatus).where(eq(gridUnitStatus.enterpriseId, v.id));
      else
        await t.db
          .update(gridUnitStatus)
          .set({ lastVisitedOn: addDays('2026-02-27', i * 11) })
          .where(eq(gridUnitStatus.enterpriseId, v.id));
    }
    await expectExact({ visitsToo: false });
  });

  it('leaves other scopes and other frequencies to the units', () => {
    const actor = actorAt(district.code);
    expect(dueCountsLevel(actor, 9, { ...defaultGridFrequency, byLevel: { ...defaultGridFrequency.byLevel, major: 5 } })).toBeNull();
    expect(dueCountsLevel({ ...actor, scopeKind: 'sector', sectors: ['machinery'] }, 9, defaultGridFrequency)).toBeNull();
    expect(dueCountsLevel({ ...actor, areaPrefix: `${district.code}0010` }, 9, defaultGridFrequency)).toBeNull();
    expect(dueCountsLevel(actor, 12, { ...defaultGridFrequency, dueSoonDays: 5 })).toBe(12);
  });
});
