// 网格化巡查 through the API: a grid inspector sees only its grid's units with their due state (never visited, overdue,
// due soon, ok as grid.rules computes them), records a visit once whatever the number of tries (same client id twice:
// one visit, aggregates counted once), with the distance from the unit and information reports that notify the
// street; coverage read from the aggregates equals a direct count over the visits; the street sees its street and
// another street gets 404; 网格登记 is confirmed, merged or rejected by the street with 409 on a stale version;
// bilingual 400s change nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildGrid, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { domainEvents, gridUnitStatus, notifications } from '../../db/schema';
import { rowsOf } from '../../platform/db';
import { consumeEvent } from '../../platform/queue';
import { addDays, cstDate } from '../../platform/time';
import { notificationsConsumer } from '../notifications/notifications.consumer';
import { monthOf } from './grid.rules';

let t: TestApp;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};
let grid1: string;
let grid2: string;
const ent: Record<string, { id: string; name: string }> = {};
const today = cstDate();
const month = monthOf(today);
const nowIso = () => new Date().toISOString();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const streetA = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, streetA.parentCode!) }))!;
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const communityA = await buildCommunity(db, { street: streetA, name: '甲社区' });
  const g1 = await buildGrid(db, { community: communityA });
  const g2 = await buildGrid(db, { community: communityA });
  const communityB = await buildCommunity(db, { street: streetB, name: '乙社区' });
  const gB = await buildGrid(db, { community: communityB });
  grid1 = g1.code;
  grid2 = g2.code;
  const streetOfficeA = await buildOrg(db, { area: streetA, kind: 'street_office' });
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>>) => {
    const u = await buildUser(db, { role, org, displayName: key });
    ids[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('grid1', 'grid_inspector', await buildOrg(db, { area: g1, kind: 'grid_station', parentId: streetOfficeA.id }));
  await login('grid2', 'grid_inspector', await buildOrg(db, { area: g2, kind: 'grid_station', parentId: streetOfficeA.id }));
  await login('streetA', 'street_officer', streetOfficeA);
  await login('streetB', 'street_officer', await buildOrg(db, { area: streetB, kind: 'street_office' }));
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  const mk = async (key: string, area: typeof g1, o: Record<string, unknown> = {}) => {
    const e = await buildEnterprise(db, { area, longitude: 114.25, latitude: 22.72, ...o });
    ent[key] = { id: e.id, name: e.name };
  };
  await mk('red', g1, { riskLevel: 'major' });
  await mk('blue', g1, { riskLevel: 'low' });
  await mk('keyBlue', g1, { riskLevel: 'low', isKey: true });
  await mk('never', g1, { riskLevel: 'general' });
  await mk('other', g2);
  await mk('streetB', gB);
});
afterAll(() => t.close());

const visit = (enterpriseId: string, o: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  enterpriseId,
  checkedInAt: nowIso(),
  lon: 114.25,
  lat: 22.7205,
  checklist: { exits: 'ok', fire_equipment: 'problem' },
  notes: '劝导业主清理消防通道堆放的货物',
  ...o,
});

const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await t.database.db.execute(q))[0]!.n;

/** Moves a unit's last visit back by `days` (the summary is what the due date counts from). */
async function lastVisitedDaysAgo(enterpriseId: string, days: number) {
  await t.database.db
    .update(gridUnitStatus)
    .set({ lastVisitedOn: addDays(today, -days) })
    .where(eq(gridUnitStatus.enterpriseId, enterpriseId));
}

describe('visits', () => {
  it('records a visit with the distance from the unit, updating the summary and the aggregates', async () => {
    const body = visit(ent.red!.id);
    const res = await as.grid1!.post('/api/grid/visits', body);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ id: body.id, enterpriseId: ent.red!.id, duplicate: false, inspectorName: 'grid1' });
    expect(v.distanceM).toBe(56); // 0.0005° of latitude
    expect(v.checklist).toEqual({ exits: 'ok', fire_equipment: 'problem' });
    const units = (await as.grid1!.get('/api/grid/units?pageSize=50')).json();
    const red = units.items.find((u: { enterpriseId: string }) => u.enterpriseId === ent.red!.id);
    expect(red).toMatchObject({ visits: 1, lastVisitedOn: today, nextDueOn: addDays(today, 7), dueState: 'ok', intervalDays: 7 });
    const audit = await count(sql`select count(*)::int as n from audit_log where action = 'grid_visit.record' and entity_id = ${body.id}`);
    expect(audit).toBe(1);
  });

  it('records the same client id twice as one visit, counted once in every aggregate', async () => {
    const body = visit(ent.blue!.id);
    const first = await as.grid1!.post('/api/grid/visits', body);
    expect(first.statusCode).toBe(200);
    const snapshot = async () => ({
      visits: await count(sql`select count(*)::int as n from grid_visits where enterprise_id = ${ent.blue!.id}`),
      summary: await count(sql`select visits as n from grid_unit_status where enterprise_id = ${ent.blue!.id}`),
      coverage: await count(
        sql`select coalesce(sum(visits), 0)::int as n from grid_coverage_monthly where area_code = ${grid1} and month = ${month}`,
      ),
      units: await count(
        sql`select coalesce(sum(units_visited), 0)::int as n from grid_coverage_monthly where area_code = ${grid1} and month = ${month}`,
      ),
      activity: await count(sql`select visits as n from grid_inspector_monthly where inspector_id = ${ids.grid1!} and month = ${month}`),
      events: await count(sql`select count(*)::int as n from domain_events where entity_id = ${body.id}`),
    });
    const before = await snapshot();
    const again = await as.grid1!.post('/api/grid/visits', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: body.id, duplicate: true });
    expect(await snapshot()).toEqual(before);
    expect(before.visits).toBe(1);
    expect(before.events).toBe(1);
    // a second, different visit of the same unit this month: one more visit, the unit still counted once
    await as.grid1!.post('/api/grid/visits', visit(ent.blue!.id));
    const after = await snapshot();
    expect(after.visits).toBe(2);
    expect(after.coverage).toBe(before.coverage + 1);
    expect(after.units).toBe(before.units);
    // the same id from another inspector is refused without revealing the visit
    const stolen = await as.grid2!.post('/api/grid/visits', { ...body, enterpriseId: ent.other!.id });
    expect(stolen.statusCode).toBe(409);
  });

  it('refuses bad input bilingually and changes nothing', async () => {
    const n = await count(sql`select count(*)::int as n from grid_visits`);
    const future = await as.grid1!.post(
      '/api/grid/visits',
      visit(ent.never!.id, { checkedInAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0]).toEqual({ field: 'checkedInAt', message: '签到时间不能晚于当前时间' });
    const en = await as.grid1!.request({
      method: 'POST',
      url: '/api/grid/visits',
      payload: visit(ent.never!.id, { lon: undefined }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0]).toEqual({ field: 'lon', message: 'Give both longitude and latitude' });
    const badCheck = await as.grid1!.post('/api/grid/visits', visit(ent.never!.id, { checklist: { exits: 'maybe' } }));
    expect(badCheck.statusCode).toBe(400);
    const notMine = await as.grid1!.post('/api/grid/visits', visit(ent.never!.id, { attachments: [randomUUID()] }));
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.details[0].field).toBe('attachments');
    expect(await count(sql`select count(*)::int as n from grid_visits`)).toBe(n);
    expect(await count(sql`select count(*)::int as n from grid_unit_status where enterprise_id = ${ent.never!.id}`)).toBe(0);
  });

  it('answers 404 for a unit outside the inspector’s grid, and keeps its visits from other grids', async () => {
    const res = await as.grid1!.post('/api/grid/visits', visit(ent.other!.id));
    expect(res.statusCode).toBe(404);
    const theirs = await as.grid2!.post('/api/grid/visits', visit(ent.other!.id));
    expect(theirs.statusCode).toBe(200);
    expect((await as.grid1!.get(`/api/grid/visits/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await as.streetA!.get(`/api/grid/visits/${theirs.json().id}`)).statusCode).toBe(200);
    expect((await as.streetB!.get(`/api/grid/visits/${theirs.json().id}`)).statusCode).toBe(404);
  });

  it('sends a visit’s information report to the street as a notice', async () => {
    const body = visit(ent.keyBlue!.id, { infoReports: [{ kind: 'changed_use', description: '一楼仓库改作员工宿舍' }] });
    const res = await as.grid1!.post('/api/grid/visits', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().infoReports).toMatchObject([{ kind: 'changed_use', description: '一楼仓库改作员工宿舍' }]);
    const [event] = await t.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, body.id));
    expect(await consumeEvent(t.database, notificationsConsumer, event!.id)).toBe(true);
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.entityId, body.id));
    expect(notes.map((x) => x.userId)).toEqual([ids.streetA]);
  });
});

describe('units and due state', () => {
  it('shows a grid inspector only its grid’s units, never visited first, with due states from the rules', async () => {
    await lastVisitedDaysAgo(ent.red!.id, 8); // red: 7 days → overdue by one
    await lastVisitedDaysAgo(ent.keyBlue!.id, 13); // key: 15 days → due in 2 days
    const res = await as.grid1!.get('/api/grid/units?pageSize=50');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { enterpriseId: string; dueState: string; nextDueOn: string | null }[];
    expect(items.map((u) => u.enterpriseId).sort()).toEqual([ent.red!.id, ent.blue!.id, ent.keyBlue!.id, ent.never!.id].sort());
    expect(items[0]!.enterpriseId).toBe(ent.never!.id);
    const state = Object.fromEntries(items.map((u) => [u.enterpriseId, u.dueState]));
    expect(state).toEqual({ [ent.never!.id]: 'never', [ent.red!.id]: 'overdue', [ent.keyBlue!.id]: 'due_soon', [ent.blue!.id]: 'ok' });
    // the SQL filter agrees with the presenter's function
    for (const due of ['never', 'overdue', 'due_soon', 'ok']) {
      const page = (await as.grid1!.get(`/api/grid/units?due=${due}`)).json() as { items: { dueState: string }[]; total: number };
      expect(page.total, due).toBe(1);
      expect(page.items[0]!.dueState).toBe(due);
    }
    const streetList = (await as.streetA!.get('/api/grid/units?pageSize=50')).json();
    expect(streetList.total).toBe(5);
    expect((await as.streetB!.get('/api/grid/units?pageSize=50')).json().total).toBe(1);
  });
});

describe('coverage and activity', () => {
  it('counts visited units and visits from the aggregates as a direct count over the visits does', async () => {
    const res = await as.streetA!.get(`/api/grid/coverage?month=${month}&level=grid`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { areaCode: string; units: number; visitedThisMonth: number; visits: number; neverVisited: number }[];
    const direct = rowsOf<{ code: string; units: number; visits: number }>(
      await t.database.db
        .execute(sql`select left(area_code, 15) as code, count(distinct enterprise_id)::int as units, count(*)::int as visits
        from grid_visits where month = ${month} group by 1`),
    );
    for (const d of direct.filter((x) => x.code === grid1 || x.code === grid2)) {
      const row = rows.find((r) => r.areaCode === d.code)!;
      expect(row).toMatchObject({ visitedThisMonth: d.units, visits: d.visits });
    }
    const g1 = rows.find((r) => r.areaCode === grid1)!;
    expect(g1).toMatchObject({ units: 4, visitedThisMonth: 3, neverVisited: 1 });
    // a street sees only its own street
    const b = (await as.streetB!.get(`/api/grid/coverage?month=${month}&level=street`)).json();
    expect(b.rows).toHaveLength(1);
    expect(b.totals).toMatchObject({ units: 1, visitedThisMonth: 0, neverVisited: 1, stillDue: 1 });
    const community = (await as.streetA!.get(`/api/grid/coverage?month=${month}&level=community`)).json();
    expect(community.rows).toHaveLength(1);
    expect(community.rows[0]).toMatchObject({ units: 5, visitedThisMonth: 4 });
  });

  it('lists inspectors’ visits this month for the street, and refuses a bad month bilingually', async () => {
    const res = (await as.streetA!.get('/api/grid/activity')).json();
    const byId = Object.fromEntries(res.inspectors.map((i: { inspectorId: string; visits: number }) => [i.inspectorId, i]));
    const direct = await count(sql`select count(*)::int as n from grid_visits where inspector_id = ${ids.grid1!} and month = ${month}`);
    expect(byId[ids.grid1!]).toMatchObject({ visits: direct, units: 4 - 1 });
    expect((await as.streetB!.get('/api/grid/activity')).json().inspectors).toEqual([]);
    const bad = await as.streetA!.get('/api/grid/coverage?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({ field: 'querystring.month', message: '月份格式应为 YYYY-MM，如 2026-11' });
    expect((await as.grid1!.get('/api/grid/coverage')).statusCode).toBe(403);
  });
});

describe('grid registration', () => {
  const unit = { name: '无名五金加工点', address: '甲社区工业路3号', principalName: '张老板', principalPhone: '13800138000' };

  it('registers a unit found on patrol; the street confirms it with the enterprise created from it', async () => {
    const res = await as.grid1!.post('/api/grid/registrations', unit);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ status: 'pending', areaCode: grid1, principalPhone: '13800138000', abilities: [] });
    const seen = (await as.streetA!.get(`/api/grid/registrations/${r.id}`)).json();
    expect(seen.principalPhone).not.toBe('13800138000');
    expect(seen.abilities).toEqual(['confirm', 'merge', 'reject']);
    expect((await as.streetB!.get(`/api/grid/registrations/${r.id}`)).statusCode).toBe(404);
    expect(
      (await as.streetB!.post(`/api/grid/registrations/${r.id}/act`, { action: 'reject', version: 1, reason: '不在辖区' })).statusCode,
    ).toBe(404);
    // confirm without the enterprise: a bilingual 400, nothing changes
    const missing = await as.streetA!.post(`/api/grid/registrations/${r.id}/act`, { action: 'confirm', version: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('enterpriseId');
    const outside = await as.streetA!.post(`/api/grid/registrations/${r.id}/act`, {
      action: 'merge',
      version: 1,
      enterpriseId: ent.streetB!.id,
    });
    expect(outside.statusCode).toBe(400);
    expect((await as.streetA!.get(`/api/grid/registrations/${r.id}`)).json()).toMatchObject({ status: 'pending', version: 1 });
    // the street creates the enterprise through the enterprises module (as the web form does), then confirms
    const created = await buildEnterprise(t.database.db, {
      area: (await t.database.db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, grid1) }))!,
      name: unit.name,
    });
    const ok = await as.streetA!.post(`/api/grid/registrations/${r.id}/act`, { action: 'confirm', version: 1, enterpriseId: created.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', enterpriseId: created.id, enterpriseName: unit.name, version: 2 });
    const stale = await as.streetA!.post(`/api/grid/registrations/${r.id}/act`, { action: 'reject', version: 1, reason: '重复' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'confirmed', version: 2 });
  });

  it('merges into an existing enterprise or rejects with a reason; the inspector files only in its own grid', async () => {
    const a = (await as.grid1!.post('/api/grid/registrations', { ...unit, name: '某某制衣厂' })).json();
    const merged = await as.streetA!.post(`/api/grid/registrations/${a.id}/act`, {
      action: 'merge',
      version: 1,
      enterpriseId: ent.red!.id,
    });
    expect(merged.json()).toMatchObject({ status: 'merged', enterpriseId: ent.red!.id });
    const b = (await as.grid1!.post('/api/grid/registrations', { ...unit, name: '某某小作坊' })).json();
    const noReason = await as.streetA!.request({
      method: 'POST',
      url: `/api/grid/registrations/${b.id}/act`,
      payload: { action: 'reject', version: 1 },
      headers: { 'accept-language': 'en' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const rejected = await as.streetA!.post(`/api/grid/registrations/${b.id}/act`, { action: 'reject', version: 1, reason: '已停业' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '已停业' });
    const wrongGrid = await as.grid1!.post('/api/grid/registrations', { ...unit, areaCode: grid2 });
    expect(wrongGrid.statusCode).toBe(400);
    expect(wrongGrid.json().error.details[0]).toEqual({ field: 'areaCode', message: '请选择您网格内的社区或网格' });
    const list = (await as.grid2!.get('/api/grid/registrations')).json();
    expect(list.total).toBe(0);
    expect((await as.streetA!.get('/api/grid/registrations?status=pending')).json().total).toBe(0);
  });
});
