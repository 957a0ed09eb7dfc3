// The workbench through the API: each role's open items and figures, deadlines on the working-day calendar, and
// the scope predicate (a street officer never counts another street's hidden dangers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView, WorkbenchResponse } from '@anjian/contracts';
import { loginAs, type Client } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildGrid, buildOrg, buildPark, buildUser } from '../../seed/factories';
import { accidents, areas } from '../../db/schema';
import { eq, sql } from 'drizzle-orm';
import { hazardClock } from '../hazards/hazards.clock';
import { act, buildHazardWorld, report, type HazardWorld } from '../hazards/hazards.fixtures';
import { accidentBody } from '../accidents/test-world';
import { workbenchClock } from './workbench.clock';

let w: HazardWorld;
let grid: Client;
let gridB: Client;
/** gridB's grid, which holds no unit until a test adds some. */
let otherGrid: Awaited<ReturnType<typeof buildGrid>>;
const realHazardToday = hazardClock.today;
const realToday = workbenchClock.today;

const finding = (enterpriseId: string, source: string, grade = 'general') => ({
  enterpriseId,
  source,
  description: source === 'enterprise_self_check' ? '配电箱未接地' : '消防栓被货物遮挡',
  category: 'unsafe_condition',
  grade,
});

async function workbench(c: Client): Promise<WorkbenchResponse> {
  const res = await c.get('/api/workbench');
  expect(res.statusCode).toBe(200);
  return res.json();
}
const fig = (wb: WorkbenchResponse, key: string) => wb.figures.find((f) => f.key === key);

beforeAll(async () => {
  w = await buildHazardWorld();
  const db = w.t.database.db;
  // The enterprise's own community holds a grid: the grid inspector there sees enterprise A's hidden dangers.
  const [entArea] = await db.select().from(areas).where(eq(areas.code, w.enterpriseA.areaCode));
  const gridArea = await buildGrid(db, { community: entArea! });
  await db.execute(`update enterprises set area_code = '${gridArea.code}' where id = '${w.enterpriseA.id}'`);
  otherGrid = await buildGrid(db, { community: await buildCommunity(db, { street: entArea! }) });
  const gridUser = await buildUser(db, { role: 'grid_inspector', org: await buildOrg(db, { area: gridArea, kind: 'grid_station' }) });
  grid = await loginAs(w.t.app, gridUser.username, gridUser.password);
  const gridUserB = await buildUser(db, { role: 'grid_inspector', org: await buildOrg(db, { area: otherGrid, kind: 'grid_station' }) });
  gridB = await loginAs(w.t.app, gridUserB.username, gridUserB.password);

  // 2026-05-20: a grid patrol finding with a deadline of 2026-06-01, and the enterprise's own finding due 06-08.
  hazardClock.today = () => '2026-05-20';
  const patrol = await report(w.streetOfficerA, finding(w.enterpriseA.id, 'grid_patrol'));
  expect((await act(w.streetOfficerA, patrol, 'start_rectification', { deadline: '2026-06-01', responsiblePerson: '甲' })).statusCode).toBe(
    200,
  );
  const own = await report(w.entA, finding(w.enterpriseA.id, 'enterprise_self_check'));
  expect((await act(w.entA, own, 'start_rectification', { deadline: '2026-06-08', responsiblePerson: '乙' })).statusCode).toBe(200);
  // A regulator's finding not yet given its rectification order.
  await report(w.streetOfficerA, finding(w.enterpriseA.id, 'government_inspection'));
  hazardClock.today = realHazardToday;
  // Accidents: two this year to date (3 deaths), one in the same months last year, one later last year (not counted).
  for (const [occurredAt, deaths] of [
    ['2026-02-10T10:00:00+08:00', 1],
    ['2026-05-02T15:00:00+08:00', 2],
    ['2025-03-10T10:00:00+08:00', 1],
    ['2025-09-10T10:00:00+08:00', 4],
  ] as const) {
    const res = await w.districtOfficer.post('/api/accidents', accidentBody(w.streetA, { occurredAt, deaths }));
    expect(res.statusCode, res.body).toBe(201);
  }
  // The district's 2026 base and target: 0.03 deaths per 亿元 of 500 亿元 GDP allows 15 deaths in the year.
  const district = w.streetA.slice(0, 6);
  const put = (url: string, payload: unknown) => w.districtOfficer.request({ method: 'PUT', url, payload: payload as never });
  expect((await put(`/api/indicators/base/${district}/2026`, { gdpYi: 500, motorVehicles: 200_000, imcWorkers: 100_000 })).statusCode).toBe(
    200,
  );
  expect((await put(`/api/indicators/targets/${district}/2026/deaths_per_100m_gdp`, { kind: 'absolute', value: 0.03 })).statusCode).toBe(
    200,
  );
  workbenchClock.today = () => '2026-06-03';
});
afterAll(async () => {
  workbenchClock.today = realToday;
  await w.close();
});

describe('workbench', () => {
  it('shows the enterprise what it must rectify, most urgent first, and its figures', async () => {
    const wb = await workbench(w.entA);
    expect(wb.today).toBe('2026-06-03');
    expect(wb.todo.map((t) => [t.kind, t.dueState, t.due])).toEqual([
      ['hazard_rectify', 'overdue', '2026-06-01'],
      // Wed 06-03 → Mon 06-08 is 3 working days: soon.
      ['hazard_rectify', 'soon', '2026-06-08'],
      ['hazard_rectify', 'none', null],
    ]);
    expect(wb.todo[0]!.link).toMatch(/^\/hazards\/[0-9a-f-]{36}$/);
    expect(wb.todoCounts).toEqual({ total: 3, overdue: 1, dueSoon: 1 });
    expect(wb.todoMore).toEqual([]);
    expect(fig(wb, 'openHazards')?.value).toBe(3);
    expect(fig(wb, 'overdueHazards')).toMatchObject({ value: 1, alarm: true, link: '/hazards?tab=overdue' });
    expect(fig(wb, 'inspectionsThisMonth')).toBeUndefined();
  });

  it('shows another enterprise nothing of it', async () => {
    const wb = await workbench(w.entB);
    expect(wb.todo).toEqual([]);
    expect(fig(wb, 'openHazards')?.value).toBe(0);
  });

  it("gives the street officer the regulator's steps and the street's figures by community", async () => {
    const wb = await workbench(w.streetOfficerA);
    expect(wb.todo.map((t) => t.kind)).toEqual(['hazard_assign']);
    expect(wb.todo[0]!.step).toEqual({ zh: '已登记', en: 'Reported' });
    expect(fig(wb, 'openHazards')?.value).toBe(3);
    expect(fig(wb, 'overdueHazards')?.value).toBe(1);
    expect(fig(wb, 'openMajorHazards')?.value).toBe(0);
    expect(fig(wb, 'inspectionsThisMonth')).toMatchObject({ value: 0, previous: 0 });
    expect(fig(wb, 'casesPastLimit')?.value).toBe(0);
    const community = wb.breakdown!.find((b) => w.enterpriseA.areaCode.startsWith(b.areaCode));
    expect(community).toMatchObject({ open: 3, overdue: 1 });
    expect(wb.breakdown!.reduce((n, b) => n + b.open, 0)).toBe(3);
  });

  it("never counts another street's hidden dangers", async () => {
    const wb = await workbench(w.streetOfficerB);
    expect(wb.todo).toEqual([]);
    expect(fig(wb, 'openHazards')?.value).toBe(0);
    expect(fig(wb, 'overdueHazards')?.value).toBe(0);
  });

  it('gives the district its streets and the leader the figures without handler steps', async () => {
    const wb = await workbench(w.districtOfficer);
    const byStreet = Object.fromEntries(wb.breakdown!.map((b) => [b.areaCode, b.open]));
    expect(byStreet[w.streetA]).toBe(3);
    expect(byStreet[w.streetB]).toBe(0);
    const leader = await workbench(w.leader);
    expect(leader.todo.filter((t) => t.kind === 'hazard_assign')).toHaveLength(1);
    expect(fig(leader, 'accidentsThisYear')).toMatchObject({ value: 2, previous: 1 });
    expect(fig(leader, 'deathsThisYear')).toMatchObject({ value: 3, previous: 1, target: 15, alarm: false });
    // A street officer reads the street's accidents; the target belongs to the district's indicators page.
    expect(fig(await workbench(w.streetOfficerB), 'deathsThisYear')).toMatchObject({ value: 0, previous: 0 });
  });

  it("sets this month's inspections against the organisation's annual plan", async () => {
    expect(fig(await workbench(w.districtOfficer), 'inspectionsThisMonth')).toMatchObject({
      target: null,
      link: expect.stringMatching(/^\/enforcement\/inspections\?inspectedMonth=\d{4}-\d{2}$/),
    });
    const saved = await w.districtOfficer.request({
      method: 'PUT',
      url: '/api/enforcement/plans/2026',
      payload: { version: 0, groups: [{ name: '全部企业', filter: {}, timesPerYear: 12 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const required = (saved.json() as PlanView).groups[0]!.required;
    expect(required).toBeGreaterThan(0);
    // 12 inspections a year per enterprise is one a month each; none done by 06-03 puts the year behind.
    expect(fig(await workbench(w.districtOfficer), 'inspectionsThisMonth')).toMatchObject({
      value: 0,
      target: Math.ceil(required / 12),
      alarm: true,
      link: '/inspection-plan',
    });
  });

  it('gives the system and audit administrators no figures or steps they could not open', async () => {
    const db = w.t.database.db;
    const [district] = await db
      .select()
      .from(areas)
      .where(eq(areas.code, w.streetA.slice(0, 6)));
    const org = await buildOrg(db, { area: district! });
    for (const role of ['sys_admin', 'audit_admin'] as const) {
      const u = await buildUser(db, { role, org });
      const wb = await workbench(await loginAs(w.t.app, u.username, u.password));
      expect(wb.todo, role).toEqual([]);
      expect(wb.figures, role).toEqual([]);
      expect(wb.breakdown ?? null, role).toBeNull();
    }
  });

  it("gives the grid inspector its grid's hidden dangers due within a week and the visits due", async () => {
    const wb = await workbench(grid);
    // Enterprise A was never visited: its first visit is due today, between the overdue and the soon follow-up.
    expect(wb.todo.map((t) => [t.kind, t.dueState])).toEqual([
      ['hazard_follow_up', 'overdue'],
      ['grid_visit', 'today'],
      ['hazard_follow_up', 'soon'],
    ]);
    expect(wb.todo[1]).toMatchObject({
      id: w.enterpriseA.id,
      due: '2026-06-03',
      step: { zh: '从未巡查', en: 'Never visited' },
      link: `/grid/visit/${w.enterpriseA.id}`,
    });
    expect(fig(wb, 'enterprisesInScope')?.value).toBe(1);
    const other = await workbench(gridB);
    expect(other.todo).toEqual([]);
    expect(fig(other, 'openHazards')?.value).toBe(0);
  });

  it('lists a visit by its due day from the last one (an unassessed unit: 30 days), and none not yet due', async () => {
    const db = w.t.database.db;
    const visited = async (on: string) =>
      db.execute(sql`insert into grid_unit_status (enterprise_id, area_code, last_visit_id, last_visited_at, last_visited_on,
                       last_inspector_id, visits)
                     select id, area_code, gen_random_uuid(), ${`${on}T10:00:00+08:00`}::timestamptz, ${on}::date, id, 1
                     from enterprises where id = ${w.enterpriseA.id}
                     on conflict (enterprise_id) do update set last_visited_on = excluded.last_visited_on,
                       last_visited_at = excluded.last_visited_at`);
    try {
      await visited('2026-04-20'); // due 05-20: overdue
      const overdue = (await workbench(grid)).todo.find((t) => t.kind === 'grid_visit');
      expect(overdue).toMatchObject({ due: '2026-05-20', dueState: 'overdue', step: { zh: '上次巡查 2026-04-20' } });
      await visited('2026-05-05'); // due 06-04: within the 3 days 我的网格单位 calls due soon
      expect((await workbench(grid)).todo.find((t) => t.kind === 'grid_visit')).toMatchObject({ due: '2026-06-04', dueState: 'soon' });
      await visited('2026-05-25'); // due 06-24: not yet
      expect((await workbench(grid)).todo.some((t) => t.kind === 'grid_visit')).toBe(false);
    } finally {
      await db.execute(sql`delete from grid_unit_status where enterprise_id = ${w.enterpriseA.id}`);
    }
  });

  it('lists the first 20 of a kind and links the kind to its full list when there are more', async () => {
    const db = w.t.database.db;
    expect((await workbench(gridB)).todo).toEqual([]);
    for (let i = 0; i < 21; i++) await buildEnterprise(db, { area: otherGrid });
    const wb = await workbench(gridB);
    // 21 units never visited, each due today: the first 20 are listed, and the kind says there are more.
    expect(wb.todo.filter((t) => t.kind === 'grid_visit')).toHaveLength(20);
    expect(wb.todoCounts).toMatchObject({ total: 20, dueSoon: 20 });
    expect(wb.todoMore).toEqual([{ kind: 'grid_visit', link: '/grid' }]);
    await db.execute(sql`delete from enterprises where area_code = ${otherGrid.code}`);
    expect((await workbench(gridB)).todoMore).toEqual([]);
  });

  it("gives a park station its park's accidents from the registry: this year to date against the same months last year", async () => {
    const db = w.t.database.db;
    const [street] = await db.select().from(areas).where(eq(areas.code, w.streetA));
    const park = await buildPark(db, { street: street! });
    const ent = await buildEnterprise(db, { area: street!, sector: 'machinery', parkId: park.id });
    const org = await buildOrg(db, { area: street!, kind: 'park_station', parkId: park.id });
    const u = await buildUser(db, { role: 'park_officer', org });
    const parkOfficer = await loginAs(w.t.app, u.username, u.password);
    // The street's four accidents are not the park's.
    expect(fig(await workbench(parkOfficer), 'accidentsThisYear')).toMatchObject({ value: 0, previous: 0 });
    const before = fig(await workbench(w.streetOfficerA), 'accidentsThisYear')!;
    // Today is 2026-06-03: January to June of each year count, by the China calendar (the first is 2025-12-31 in UTC).
    for (const [occurredAt, deaths] of [
      ['2026-01-01T00:30:00+08:00', 1],
      ['2026-06-02T09:00:00+08:00', 0],
      ['2025-06-30T23:00:00+08:00', 2],
      ['2025-07-01T00:10:00+08:00', 5],
    ] as const) {
      const res = await w.districtOfficer.post('/api/accidents', accidentBody(w.streetA, { occurredAt, deaths, enterpriseId: ent.id }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const filed = await db.select({ parkId: accidents.parkId }).from(accidents).where(eq(accidents.enterpriseId, ent.id));
    expect(filed.map((r) => r.parkId)).toEqual([park.id, park.id, park.id, park.id]);
    const wb = await workbench(parkOfficer);
    expect(fig(wb, 'accidentsThisYear')).toMatchObject({ value: 2, previous: 1, link: '/accident-analysis' });
    // The death target belongs to the district's indicators, not to a park.
    expect(fig(wb, 'deathsThisYear')).toMatchObject({ value: 1, previous: 2, target: null, alarm: false });
    // The street still counts the park's accidents among its own (area scope, from the rollup).
    expect(fig(await workbench(w.streetOfficerA), 'accidentsThisYear')).toMatchObject({
      value: before.value + 2,
      previous: before.previous! + 1,
    });
  });
});
