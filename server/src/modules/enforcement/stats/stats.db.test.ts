// The maintained enforcement aggregates (migration 0017 triggers) against plain GROUP BYs after random writes:
// the statistics rollup read for each staff scope equals the same statistics computed from the tables, and the
// per-enterprise marks the draw weights read (and their mirror on enterprises) equal a GROUP BY over inspections and
// penalty cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor';
import { rowsOf } from '../../../platform/db';
import { buildEnforcementWorld, type EnforcementWorld } from '../enforcement.fixtures';
import { enforcementStats, plainEnforcementStats, rebuildEnforcementAggregates, type StatsBy } from './stats.queries';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(4);
}, 60_000);
afterAll(() => w.close());

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const actor = (o: Partial<Actor>): Actor => ({
  id: '00000000-0000-4000-8000-000000000000',
  username: 'x',
  displayName: 'x',
  role: 'district_officer',
  orgId: null,
  orgName: null,
  areaCode: null,
  areaPrefix: null,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
  ...o,
});

describe('maintained enforcement aggregates', () => {
  it('equal a plain GROUP BY after random inserts, updates and deletes of inspections, findings and cases', async () => {
    const db = w.t.database.db;
    const ents = [...w.enterprisesA, ...w.enterprisesB];
    const sectorOf = new Map<string, string>();
    for (const r of rowsOf<{ id: string; sector: string }>(await db.execute(sql`select id, sector from enterprises`)))
      sectorOf.set(r.id, r.sector);
    const rand = rng(20261201);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const day = () =>
      `${pick(['2025', '2026'])}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const inspectionIds: string[] = [];
    const findingIds: string[] = [];
    const caseIds: string[] = [];
    for (let step = 0; step < 300; step++) {
      const r = rand();
      if (r < 0.3 || inspectionIds.length === 0) {
        const e = pick(ents);
        const done = rand() < 0.7;
        const d = day();
        const [row] = rowsOf<{ id: string }>(
          await db.execute(sql`insert into inspections (enterprise_id, area_code, sector, kind, planned_on, state, inspected_on)
            values (${e.id}, ${e.areaCode}, ${sectorOf.get(e.id)!}, 'planned', ${d}::date, ${done ? 'done' : 'planned'}, ${done ? d : null}::date)
            returning id`),
        );
        inspectionIds.push(row!.id);
      } else if (r < 0.5) {
        const [row] = rowsOf<{ id: string }>(
          await db.execute(sql`insert into inspection_findings (inspection_id, description, grade, category)
            values (${pick(inspectionIds)}, '随机问题', 'general', 'unsafe_condition') returning id`),
        );
        findingIds.push(row!.id);
      } else if (r < 0.6) {
        // Record a planned inspection (planned → done), or move a done one to another day.
        const d = day();
        await db.execute(sql`update inspections set state = 'done', inspected_on = ${d}::date where id = ${pick(inspectionIds)}`);
      } else if (r < 0.65) {
        await db.execute(sql`update inspections set state = 'planned', inspected_on = null where id = ${pick(inspectionIds)}`);
      } else if (r < 0.7 && findingIds.length > 0) {
        const id = findingIds.splice(Math.floor(rand() * findingIds.length), 1)[0]!;
        await db.execute(sql`delete from inspection_findings where id = ${id}`);
      } else if (r < 0.72) {
        const id = inspectionIds.splice(Math.floor(rand() * inspectionIds.length), 1)[0]!;
        await db.execute(sql`delete from inspection_findings where inspection_id = ${id}`);
        await db.execute(sql`delete from inspections where id = ${id}`);
      } else if (r < 0.85 || caseIds.length === 0) {
        const e = pick(ents);
        const decided = rand() < 0.7 ? day() : null;
        const [row] = rowsOf<{ id: string }>(
          await db.execute(sql`insert into penalty_cases (number, enterprise_id, area_code, sector, procedure, party_kind, party_name,
              violation, basis_id, fine, status, filed_on, decided_on)
            values (${`RAND-${step}`}, ${e.id}, ${e.areaCode}, ${sectorOf.get(e.id)!}, 'general', 'organisation', ${e.name}, '随机',
              'AQSCF2021-97', ${Math.round(rand() * 50_000)}, ${decided ? 'decided' : 'filed'}, '2025-01-01', ${decided}::date)
            returning id`),
        );
        caseIds.push(row!.id);
      } else if (r < 0.93) {
        const decided = rand() < 0.8 ? day() : null;
        await db.execute(
          sql`update penalty_cases set decided_on = ${decided}::date, fine = ${Math.round(rand() * 50_000)} where id = ${pick(caseIds)}`,
        );
      } else {
        const id = caseIds.splice(Math.floor(rand() * caseIds.length), 1)[0]!;
        await db.execute(sql`delete from penalty_cases where id = ${id}`);
      }
    }

    const scopes = [
      actor({ scopeKind: 'area', areaPrefix: w.district }),
      actor({ scopeKind: 'area', areaPrefix: w.streetA }),
      actor({ scopeKind: 'sector', areaPrefix: w.district, sectors: ['light_industry'] }),
    ];
    let compared = 0;
    for (const a of scopes) {
      for (const by of ['month', 'sector'] as StatsBy[]) {
        for (const year of [2025, 2026]) {
          const plain = await plainEnforcementStats(db, a, by, year);
          expect(await enforcementStats(db, a, by, year), `${a.areaPrefix} ${a.sectors} ${by} ${year}`).toEqual(plain);
          compared += plain.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);

    const marks = rowsOf<{ enterprise_id: string; inspections_done: number; last_decided_on: string | null }>(
      await db.execute(sql`select enterprise_id, inspections_done, last_decided_on::text from enterprise_enforcement_marks
        where inspections_done <> 0 or last_decided_on is not null order by 1`),
    );
    const plainMarks = rowsOf<{ enterprise_id: string; inspections_done: number; last_decided_on: string | null }>(
      await db.execute(sql`select e.id as enterprise_id,
          (select count(*) from inspections i where i.enterprise_id = e.id and i.state = 'done')::int as inspections_done,
          (select max(decided_on) from penalty_cases c where c.enterprise_id = e.id)::text as last_decided_on
        from enterprises e order by 1`),
    ).filter((m) => m.inspections_done !== 0 || m.last_decided_on !== null);
    expect(marks).toEqual(plainMarks);
    expect(plainMarks.length).toBeGreaterThan(5);
    // The enterprise's mirror, which the draw's pool index carries, says the same for every enterprise.
    const mirror = sql`select id as enterprise_id, enforcement_inspected as inspected, enforcement_last_decided_on::text as last_decided_on
      from enterprises order by 1`;
    const expectedMirror = (m: typeof plainMarks) => {
      const byId = new Map(m.map((x) => [x.enterprise_id, x]));
      return allIds.map((id) => ({
        enterprise_id: id,
        inspected: (byId.get(id)?.inspections_done ?? 0) > 0,
        last_decided_on: byId.get(id)?.last_decided_on ?? null,
      }));
    };
    const allIds = rowsOf<{ id: string }>(await db.execute(sql`select id from enterprises order by 1`)).map((r) => r.id);
    const mirrored = rowsOf<{ inspected: boolean; last_decided_on: string | null }>(await db.execute(mirror));
    expect(mirrored).toEqual(expectedMirror(plainMarks));
    expect(mirrored.filter((m) => m.inspected).length).toBeGreaterThan(5);
    expect(mirrored.some((m) => m.last_decided_on !== null)).toBe(true);

    // The rebuild bulk loads call leaves the same figures the triggers kept.
    const kept = sql`select area_code, sector, park_key, month, inspections, findings, cases, fines::text from enforcement_stats_monthly
      where inspections <> 0 or findings <> 0 or cases <> 0 order by 1, 2, 3, 4`;
    const before = rowsOf(await db.execute(kept));
    await rebuildEnforcementAggregates(db);
    expect(rowsOf(await db.execute(kept))).toEqual(before);
    const rebuiltMarks = rowsOf(
      await db.execute(sql`select enterprise_id, inspections_done, last_decided_on::text from enterprise_enforcement_marks
        where inspections_done <> 0 or last_decided_on is not null order by 1`),
    );
    expect(rebuiltMarks).toEqual(plainMarks);
    // Undoing an enterprise's every inspection and decision clears its mirror again.
    const [undone] = rowsOf<{ id: string }>(await db.execute(sql`select id from enterprises where enforcement_inspected limit 1`));
    await db.execute(
      sql`delete from inspection_findings where inspection_id in (select id from inspections where enterprise_id = ${undone!.id})`,
    );
    await db.execute(sql`delete from inspections where enterprise_id = ${undone!.id}`);
    await db.execute(sql`delete from penalty_cases where enterprise_id = ${undone!.id}`);
    const [cleared] = rowsOf(
      await db.execute(sql`select enforcement_inspected as i, enforcement_last_decided_on as d from enterprises where id = ${undone!.id}`),
    );
    expect(cleared).toEqual({ i: false, d: null });
    const remaining = plainMarks.filter((m) => m.enterprise_id !== undone!.id);

    // A bulk load bypassing the triggers leaves the mirror stale; the rebuild puts it right.
    await db.execute(sql`update enterprises set enforcement_inspected = not enforcement_inspected, enforcement_last_decided_on = null`);
    await rebuildEnforcementAggregates(db);
    expect(rowsOf(await db.execute(mirror))).toEqual(expectedMirror(remaining));
  });
});
