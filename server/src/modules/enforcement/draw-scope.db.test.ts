// Who may read a 双随机 draw (issue 12): only callers whose scope covers the draw's whole pool — the list, one draw,
// verify and publish alike. The leak this reproduces: a street officer read the housing department's district-wide
// draw (enterprises of other streets, the pool's size and checksum) and could verify it; grid, park and other
// department officers likewise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { rowsOf } from '../../platform/db';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import {
  buildCommunity,
  buildDistrict,
  buildEnterprise,
  buildGrid,
  buildOrg,
  buildPark,
  buildStreet,
  buildUser,
} from '../../seed/factories';
import { covers } from '../../platform/scope';
import type { Actor } from '../../platform/actor';
import { poolRegion, type StoredFilter } from './draws/draws.queries';

type Who = 'district' | 'leader' | 'housing' | 'fire' | 'streetA' | 'streetB' | 'grid' | 'park';
let t: TestApp;
const as = {} as Record<Who, Client>;
let streetA = '';
let gridCode = '';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const a = await buildStreet(db, { district, name: '甲街道' });
  const b = await buildStreet(db, { district, name: '乙街道' });
  streetA = a.code;
  const commA = await buildCommunity(db, { street: a });
  const commB = await buildCommunity(db, { street: b });
  const grid = await buildGrid(db, { community: commA });
  gridCode = grid.code;
  const park = await buildPark(db, { street: a });
  for (let i = 0; i < 4; i++) {
    await buildEnterprise(db, { area: commA, sector: 'construction' });
    await buildEnterprise(db, { area: commA, sector: 'commerce' });
    await buildEnterprise(db, { area: commB, sector: 'construction' });
    await buildEnterprise(db, { area: commA, sector: 'machinery', parkId: park.id });
    await buildEnterprise(db, { area: grid, sector: 'other' });
  }
  const orgs = {
    district: await buildOrg(db, { area: district }),
    housing: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
    fire: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['commerce', 'other'] }),
    streetA: await buildOrg(db, { area: a, kind: 'street_office' }),
    streetB: await buildOrg(db, { area: b, kind: 'street_office' }),
    grid: await buildOrg(db, { area: grid, kind: 'grid_station' }),
    park: await buildOrg(db, { area: a, kind: 'park_station', parkId: park.id }),
  };
  const roleOf: Record<Who, [Role, keyof typeof orgs]> = {
    district: ['district_officer', 'district'],
    leader: ['district_leader', 'district'],
    housing: ['industry_officer', 'housing'],
    fire: ['industry_officer', 'fire'],
    streetA: ['street_officer', 'streetA'],
    streetB: ['street_officer', 'streetB'],
    grid: ['grid_inspector', 'grid'],
    park: ['park_officer', 'park'],
  };
  for (const [who, [role, org]] of Object.entries(roleOf) as [Who, [Role, keyof typeof orgs]][]) {
    const u = await buildUser(db, { role, org: orgs[org] });
    as[who] = await loginAs(t.app, u.username, u.password);
  }
}, 60_000);
afterAll(() => t.close());

const everyone: Who[] = ['district', 'leader', 'housing', 'fire', 'streetA', 'streetB', 'grid', 'park'];

async function draw(by: Who, body: Record<string, unknown> = {}) {
  const res = await as[by].post('/api/enforcement/draws', { title: `${by} 抽查`, k: 2, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** Each caller's list, GET, verify and publish agree: all visible to exactly `seeing`, all "not found" to the rest. */
async function expectVisibleTo(id: string, seeing: Who[]) {
  for (const who of everyone) {
    const sees = seeing.includes(who);
    const list = await as[who].get('/api/enforcement/draws?pageSize=100');
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.some((d: { id: string }) => d.id === id);
    expect(listed, `${who} lists the draw`).toBe(sees);
    expect((await as[who].get(`/api/enforcement/draws/${id}`)).statusCode, `${who} GET`).toBe(sees ? 200 : 404);
    expect((await as[who].post(`/api/enforcement/draws/${id}/verify`)).statusCode, `${who} verify`).toBe(sees ? 200 : 404);
  }
}

describe('a draw is visible only to callers whose scope covers its whole pool', () => {
  it("the housing department's district-wide draw: district staff and the department, no street, grid or park", async () => {
    const d = await draw('housing');
    await expectVisibleTo(d.id, ['district', 'leader', 'housing']);
    // Nor may a street officer publish it.
    expect((await as.streetA.post(`/api/enforcement/draws/${d.id}/publish`)).statusCode).toBe(404);
    expect((await as.park.post(`/api/enforcement/draws/${d.id}/publish`)).statusCode).toBe(404);
  });

  it("the department's draw within one street is visible to that street's officer", async () => {
    const d = await draw('housing', { filter: { areaCode: streetA } });
    await expectVisibleTo(d.id, ['district', 'leader', 'housing', 'streetA']);
  });

  it("a street's draw spans every sector and the whole street: no department, grid or park sees it", async () => {
    const d = await draw('streetA');
    await expectVisibleTo(d.id, ['district', 'leader', 'streetA']);
  });

  it("a park station's draw: the park, its street and the district", async () => {
    const d = await draw('park');
    await expectVisibleTo(d.id, ['district', 'leader', 'streetA', 'park']);
  });

  it('a department with two sectors sees its own draw; a department with one of them does not', async () => {
    const d = await draw('fire');
    await expectVisibleTo(d.id, ['district', 'leader', 'fire']);
    const one = await draw('fire', { filter: { sector: 'commerce', areaCode: streetA } });
    await expectVisibleTo(one.id, ['district', 'leader', 'fire', 'streetA']);
  });

  it("a district draw within one grid is visible to that grid's inspector and the grid's street", async () => {
    const d = await draw('district', { filter: { areaCode: gridCode } });
    await expectVisibleTo(d.id, ['district', 'leader', 'streetA', 'grid']);
  });

  it('the public sees a draw only once published, and then only the masked notice', async () => {
    const d = await draw('district');
    const pub = (url: string) => t.app.inject({ method: 'GET', url });
    expect((await pub(`/api/public/draws/${d.id}`)).statusCode).toBe(404);
    expect((await pub('/api/public/draws?pageSize=100')).json().items.some((x: { id: string }) => x.id === d.id)).toBe(false);
    expect((await as.district.post(`/api/enforcement/draws/${d.id}/publish`)).statusCode).toBe(200);
    const shown = await pub(`/api/public/draws/${d.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).not.toMatch(/inspectorIds|enterpriseId|areaCode/);
    expect((await pub('/api/public/draws?pageSize=100')).json().items.some((x: { id: string }) => x.id === d.id)).toBe(true);
  });
});

describe('migration 0029', () => {
  it("gives draws made before it the region createDraw records now (its backfill run again over today's draws)", async () => {
    const db = t.database.db;
    const regions = sql`select id, pool_area_code, pool_sectors, pool_park_id from enforcement_draws order by id`;
    const recorded = rowsOf(await db.execute(regions));
    expect(recorded.length).toBeGreaterThan(5);
    const file = readFileSync(fileURLToPath(new URL('../../db/migrations/0029_draw_pool_region.sql', import.meta.url)), 'utf8');
    const backfill = file.split('--> statement-breakpoint').find((s) => s.includes('UPDATE'))!;
    await db.execute(sql`update enforcement_draws set pool_area_code = 'x', pool_sectors = null, pool_park_id = null`);
    await db.execute(sql.raw(backfill));
    expect(rowsOf(await db.execute(regions))).toEqual(recorded);
  });
});

describe('poolRegion and covers (pure)', () => {
  const actor = (o: Partial<Actor>): Actor => ({
    id: 'u',
    username: 'u',
    displayName: 'u',
    role: 'street_officer',
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
  const f = (o: Partial<StoredFilter>, scope: Partial<StoredFilter['scope']>): StoredFilter => ({
    asOf: '2026-01-01',
    ...o,
    scope: { kind: 'area', areaPrefix: '440307', sectors: [], parkId: null, ...scope },
  });
  it('narrows the scope by the filter and keeps the longer area', () => {
    expect(poolRegion(f({ areaCode: '440307001' }, {}), null)).toEqual({ areaCode: '440307001', sectors: null, parkId: null });
    expect(poolRegion(f({ areaCode: '4403' }, {}), null)).toEqual({ areaCode: '440307', sectors: null, parkId: null });
    expect(poolRegion(f({}, { kind: 'sector', sectors: ['a', 'b'] }), null).sectors).toEqual(['a', 'b']);
    expect(poolRegion(f({ sector: 'a' }, { kind: 'sector', sectors: ['a', 'b'] }), null).sectors).toEqual(['a']);
    expect(poolRegion(f({}, { kind: 'park', areaPrefix: '440307001', parkId: 'p' }), '440307001')).toEqual({
      areaCode: '440307001',
      sectors: null,
      parkId: 'p',
    });
  });
  it('covers a region only when the whole of it is inside the scope', () => {
    const region = { areaCode: '440307', sectors: ['a'], parkId: null };
    expect(covers(actor({ areaPrefix: '440307' }), region)).toBe(true);
    expect(covers(actor({ areaPrefix: '440307001' }), region)).toBe(false);
    expect(covers(actor({ scopeKind: 'sector', areaPrefix: '440307', sectors: ['a', 'b'] }), region)).toBe(true);
    expect(covers(actor({ scopeKind: 'sector', areaPrefix: '440307', sectors: ['b'] }), region)).toBe(false);
    expect(covers(actor({ scopeKind: 'sector', areaPrefix: '440307', sectors: ['a'] }), { ...region, sectors: null })).toBe(false);
    expect(covers(actor({ scopeKind: 'park', parkId: 'p' }), { ...region, parkId: 'p' })).toBe(true);
    expect(covers(actor({ scopeKind: 'park', parkId: 'p' }), region)).toBe(false);
    expect(covers(actor({ scopeKind: 'enterprise', enterpriseId: 'e' }), region)).toBe(false);
  });
});
