// The maintained statistics rollup equals a plain GROUP BY over the hazards after any sequence of reports and
// workflow steps (fast-check drives random sequences on a moving clock), and the statistics API agrees with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { rowsOf } from '../../platform/db';
import { addDays } from '../../platform/time';
import { areaPrefixOf } from '../../platform/scope';
import { availableActions, type HazardAction } from '../../reference/hazards/workflow';
import { actOnHazard } from './commands/act-on-hazard';
import { reportHazard } from './commands/report-hazard';
import { hazardClock } from './hazards.clock';
import { areas } from '../../db/schema';
import { loginAs } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildPark, buildUser } from '../../seed/factories';
import { areaGroupLength } from './hazards.stats';
import { act, buildHazardWorld, completeImplementations, completePlan, report, type HazardWorld } from './hazards.fixtures';

let w: HazardWorld;
const realToday = hazardClock.today;
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(async () => {
  hazardClock.today = realToday;
  await w.close();
});

function actor(role: Role, o: { areaCode?: string; enterpriseId?: string }): Actor {
  const enterprise = role.startsWith('enterprise_');
  return {
    id: crypto.randomUUID(),
    username: role,
    displayName: role,
    role,
    orgId: null,
    orgName: null,
    areaCode: o.areaCode ?? null,
    areaPrefix: o.areaCode ? areaPrefixOf(o.areaCode) : null,
    sectors: [],
    parkId: null,
    enterpriseId: o.enterpriseId ?? null,
    scopeKind: enterprise ? 'enterprise' : 'area',
    mustChangePassword: false,
  };
}

// Both rollups hold every hazard once per area level; the plain truth is the same GROUP BY over each level.
const LEVELS = sql`unnest(array[2, 4, 6, 9, 12, 15]) as l(len)`;
const rollupSql = sql`select area_len, area_code, park_key, sector, source, grade, month, found, closed, closed_late, close_days
  from hazard_stats_monthly order by 1, 2, 3, 4, 5, 6, 7`;
const plainSql = sql`select l.len as area_len, left(area_code, l.len) as area_code, coalesce(park_id::text, '') as park_key,
    sector, source, grade, to_char(found_on, 'YYYY-MM') as month,
    count(*)::int as found,
    (count(*) filter (where state = 'closed'))::int as closed,
    (count(*) filter (where state = 'closed' and deadline is not null and coalesce(submitted_on, closed_on) > deadline))::int as closed_late,
    (coalesce(sum(closed_on - found_on) filter (where state = 'closed'), 0))::int as close_days
  from hazards cross join ${LEVELS} group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`;
const openSql = sql`select area_len, area_code, park_key, sector, source, grade, state, deadline_key::text as deadline_key, month, n
  from hazard_open_counts order by 1, 2, 3, 4, 5, 6, 7, 8, 9`;
const plainOpenSql = sql`select l.len as area_len, left(area_code, l.len) as area_code, coalesce(park_id::text, '') as park_key,
    sector, source, grade, state, coalesce(deadline, date '9999-12-31')::text as deadline_key, to_char(found_on, 'YYYY-MM') as month,
    count(*)::int as n
  from hazards cross join ${LEVELS} where state in ('reported', 'rectifying', 'awaiting_acceptance')
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`;

const op = fc.record({
  report: fc.boolean(),
  pick: fc.nat(),
  choice: fc.nat(),
  major: fc.boolean(),
  byEnterprise: fc.boolean(),
  onB: fc.boolean(),
  step: fc.integer({ min: 0, max: 9 }),
  foundBack: fc.integer({ min: 0, max: 45 }),
  deadlineIn: fc.integer({ min: 1, max: 15 }),
  regrade: fc.integer({ min: 0, max: 9 }),
});

describe('statistics rollup', () => {
  it('equals a plain GROUP BY over the hazards after random reports and steps', async () => {
    const db = w.t.database.db;
    const district = w.streetA.slice(0, 6);
    const regulator = actor('district_officer', { areaCode: district });
    const ent = {
      A: actor('enterprise_safety_manager', { enterpriseId: w.enterpriseA.id }),
      B: actor('enterprise_safety_manager', { enterpriseId: w.enterpriseB.id }),
    };
    let today = '2025-01-06';
    hazardClock.today = () => today;
    const open: { id: string; enterprise: 'A' | 'B' }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          today = addDays(today, o.step);
          const key = o.onB ? 'B' : 'A';
          if (o.report || open.length === 0) {
            const who = o.byEnterprise ? ent[key] : regulator;
            const row = await reportHazard(db, who, null, {
              enterpriseId: key === 'A' ? w.enterpriseA.id : w.enterpriseB.id,
              source: o.byEnterprise ? 'enterprise_self_check' : 'government_inspection',
              description: '随机隐患',
              category: 'unsafe_condition',
              grade: o.major ? 'major' : 'general',
              foundOn: addDays(today, -o.foundBack) < '2025-01-01' ? today : addDays(today, -o.foundBack),
            });
            open.push({ id: row.id, enterprise: key });
            continue;
          }
          const target = open[o.pick % open.length]!;
          if (o.regrade === 0) {
            // A change of key (grade, found day) by any path moves the hazard's counts between rollup rows.
            await db.execute(sql`update hazards set grade = case grade when 'major' then 'general' else 'major' end,
              found_on = found_on - 1 where id = ${target.id}`);
            continue;
          }
          const current = (await db.query.hazards.findFirst({ where: (h, { eq }) => eq(h.id, target.id) }))!;
          const candidates = (['enterprise', 'regulator'] as const).flatMap((kind) =>
            availableActions(
              { state: current.state as never, grade: current.grade as never, source: current.source as never },
              { kind },
            ).map((a) => ({ kind, a })),
          );
          if (candidates.length === 0) continue;
          const { kind, a } = candidates[o.choice % candidates.length]!;
          const evidence: Record<HazardAction, Record<string, unknown>> = {
            start_rectification: { deadline: addDays(today, o.deadlineIn), responsiblePerson: '责任人' },
            extend_deadline: { newDeadline: addDays(current.deadline ?? today, o.deadlineIn), extensionReason: '延期' },
            submit_for_acceptance: { rectificationRecord: '已整改', treatmentPlan: completePlan, implementations: completeImplementations },
            accept: { acceptanceOpinion: '合格' },
            reject: { rejectionReason: '不合格' },
            fix_on_the_spot: { onTheSpotRecord: '当场整改' },
          };
          const who = kind === 'enterprise' ? ent[target.enterprise] : regulator;
          await actOnHazard(db, who, null, target.id, a, { version: current.version, evidence: evidence[a], attachments: [] });
          if (a === 'accept' || a === 'fix_on_the_spot') open.splice(open.indexOf(target), 1);
        }
        const rollup = rowsOf<Record<string, unknown>>(await db.execute(rollupSql));
        const plain = rowsOf<Record<string, unknown>>(await db.execute(plainSql));
        expect(rollup).toEqual(plain);
        expect(rowsOf(await db.execute(openSql))).toEqual(rowsOf(await db.execute(plainOpenSql)));
      }),
      { numRuns: 8 },
    );

    // The API, from the rollup plus the live overdue count, agrees with the plain figures.
    const [truth] = rowsOf<{ found: number; closed: number; overdue: number; self: number; days: number }>(
      await db.execute(sql`select count(*)::int as found, (count(*) filter (where state = 'closed'))::int as closed,
        (count(*) filter (where state in ('reported', 'rectifying') and deadline < ${today}))::int as overdue,
        (count(*) filter (where source = 'enterprise_self_check'))::int as self,
        (coalesce(sum(closed_on - found_on) filter (where state = 'closed'), 0))::int as days from hazards`),
    );
    for (const groupBy of ['area', 'sector', 'source', 'grade']) {
      const stats = (await w.districtOfficer.get(`/api/hazards/stats?groupBy=${groupBy}`)).json();
      expect(stats.total, groupBy).toMatchObject({
        found: truth!.found,
        rectified: truth!.closed,
        overdue: truth!.overdue,
        selfReported: truth!.self,
      });
      expect(stats.rows.reduce((s: number, r: { found: number }) => s + r.found, 0)).toBe(truth!.found);
    }
    const byStreet = (await w.streetOfficerA.get('/api/hazards/stats?groupBy=grade')).json();
    const [streetTruth] = rowsOf<{ found: number }>(
      await db.execute(sql`select count(*)::int as found from hazards where area_code like ${`${w.streetA}%`}`),
    );
    expect(byStreet.total.found).toBe(streetTruth!.found);
  });
});

describe('statistics for a park station', () => {
  it("by area lists the streets of the park's hidden dangers, and a street's communities", async () => {
    const db = w.t.database.db;
    const street = async (code: string) => (await db.select().from(areas).where(eq(areas.code, code)))[0]!;
    const [streetA, streetB] = [await street(w.streetA), await street(w.streetB)];
    // A park of 甲街道 whose enterprises stand in both streets.
    const park = await buildPark(db, { street: streetA });
    const inA = await buildEnterprise(db, { area: await buildCommunity(db, { street: streetA }), sector: 'machinery', parkId: park.id });
    const inB = await buildEnterprise(db, {
      area: await buildCommunity(db, { street: streetB }),
      sector: 'light_industry',
      parkId: park.id,
    });
    const u = await buildUser(db, {
      role: 'park_officer',
      org: await buildOrg(db, { area: streetA, kind: 'park_station', parkId: park.id }),
    });
    const station = await loginAs(w.t.app, u.username, u.password);
    const finding = (enterpriseId: string, grade = 'general') => ({
      enterpriseId,
      source: 'government_inspection',
      description: '园区巡查发现消防通道堵塞',
      category: 'unsafe_condition',
      grade,
    });
    await report(station, finding(inA.id));
    await report(station, finding(inA.id));
    await report(station, finding(inB.id));
    const districtBefore = (await w.districtOfficer.get('/api/hazards/stats?groupBy=area')).json();

    const byArea = (await station.get('/api/hazards/stats?groupBy=area')).json();
    expect(byArea.rows.map((r: { key: string; label: { zh: string }; found: number }) => [r.key, r.label.zh, r.found])).toEqual([
      [streetA.code, streetA.name, 2],
      [streetB.code, streetB.name, 1],
    ]);
    expect(byArea.total.found).toBe(3);
    // Within one street: its communities, still only the park's.
    const inStreet = (await station.get(`/api/hazards/stats?groupBy=area&areaCode=${streetA.code}`)).json();
    expect(inStreet.rows.map((r: { key: string; found: number }) => [r.key, r.found])).toEqual([[inA.areaCode.slice(0, 12), 2]]);
    // Other groupings keep the park's own level and the same total.
    expect((await station.get('/api/hazards/stats?groupBy=grade')).json().total.found).toBe(3);
    // Area scopes are answered as before: one level below their root, the park's hidden dangers among their streets'.
    expect(districtBefore.rows.every((r: { key: string }) => r.key.length === 9)).toBe(true);
    expect(areaGroupLength({ scopeKind: 'area' } as Actor, w.streetA.slice(0, 6))).toBe(9);
    expect(areaGroupLength({ scopeKind: 'park' } as Actor, '')).toBe(9);
    expect(areaGroupLength({ scopeKind: 'park' } as Actor, w.streetA)).toBe(12);
  });
});

describe('supervision board', () => {
  it('pages overdue, then the rest open, then the closed history, with counts equal to a plain count', async () => {
    const db = w.t.database.db;
    // One hidden danger in each tier whatever the random history left: overdue, awaiting acceptance, within the
    // deadline, no deadline yet, closed.
    const start = hazardClock.today();
    const body = (grade = 'general') => ({
      enterpriseId: w.enterpriseA.id,
      source: 'enterprise_self_check',
      description: '看板分层',
      category: 'unsafe_condition',
      grade,
      foundOn: start,
    });
    const rectifying = async (days: number) => {
      const h = await report(w.entA, body());
      return (await act(w.entA, h, 'start_rectification', { deadline: addDays(start, days), responsiblePerson: '甲' })).json();
    };
    await rectifying(1);
    await rectifying(30);
    await act(w.entA, await rectifying(10), 'submit_for_acceptance', { rectificationRecord: '已整改' });
    await report(w.entA, body());
    await act(w.entA, await report(w.entA, body()), 'fix_on_the_spot', { onTheSpotRecord: '当场整改' });
    const today = addDays(start, 5);
    hazardClock.today = () => today;
    const [truth] = rowsOf<Record<string, number>>(
      await db.execute(sql`select (count(*) filter (where state = 'reported'))::int as reported,
        (count(*) filter (where state = 'rectifying'))::int as rectifying,
        (count(*) filter (where state = 'awaiting_acceptance'))::int as awaiting_acceptance,
        (count(*) filter (where state = 'closed'))::int as closed,
        (count(*) filter (where state in ('reported', 'rectifying') and deadline < ${today}))::int as overdue from hazards`),
    );
    const first = (await w.districtOfficer.get('/api/hazards?pageSize=7')).json();
    expect(first.counts).toEqual(truth);
    const all = truth!.reported! + truth!.rectifying! + truth!.awaiting_acceptance! + truth!.closed!;
    expect(first.total).toBe(all);
    const seen: { id: string; state: string; overdue: boolean; deadline: string | null; foundOn: string }[] = [];
    for (let page = 1; seen.length < all; page++) {
      const body = (await w.districtOfficer.get(`/api/hazards?pageSize=7&page=${page}`)).json();
      expect(body.items.length).toBeGreaterThan(0);
      seen.push(...body.items);
    }
    expect(new Set(seen.map((h) => h.id)).size).toBe(all);
    // Overdue, awaiting acceptance, within the deadline, no deadline yet, closed.
    const tier = (h: (typeof seen)[number]) =>
      h.overdue ? 0 : h.state === 'awaiting_acceptance' ? 1 : h.state === 'closed' ? 4 : h.deadline ? 2 : 3;
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(tier(a)).toBeLessThanOrEqual(tier(b));
      if (tier(a) !== tier(b)) continue;
      if (tier(a) === 0 || tier(a) === 2) expect(a.deadline! <= b.deadline!).toBe(true);
      if (tier(a) === 1) expect(a.foundOn <= b.foundOn).toBe(true);
      if (tier(a) >= 3) expect(a.foundOn >= b.foundOn).toBe(true);
    }
    expect(new Set(seen.map(tier))).toEqual(new Set([0, 1, 2, 3, 4]));
    // Filtered tabs agree with the same counts.
    const overdue = (await w.districtOfficer.get('/api/hazards?overdue=true&pageSize=100')).json();
    expect(overdue.total).toBe(truth!.overdue!);
    expect(overdue.items.every((h: { overdue: boolean }) => h.overdue)).toBe(true);
    const closed = (await w.districtOfficer.get('/api/hazards?state=closed&pageSize=1')).json();
    expect(closed.total).toBe(truth!.closed!);
    // 未闭环 (the workbench's open figures link here): every state but closed, in the board's order.
    const open = (await w.districtOfficer.get('/api/hazards?open=true&pageSize=100')).json();
    expect(open.total).toBe(all - truth!.closed!);
    expect(open.items.map((h: { id: string }) => h.id)).toEqual(
      seen
        .filter((h) => h.state !== 'closed')
        .map((h) => h.id)
        .slice(0, 100),
    );
    const openReported = (await w.districtOfficer.get('/api/hazards?open=true&state=reported&pageSize=1')).json();
    expect(openReported.total).toBe(truth!.reported!);
  });

  it('refuses a month that does not exist, naming the month format', async () => {
    const res = await w.districtOfficer.get('/api/hazards/stats?from=2026-13');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'querystring.from', message: '月份格式应为 YYYY-MM，如 2026-11' }]);
  });
});
