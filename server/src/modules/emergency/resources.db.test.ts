// 应急资源 through the API and on the database: the register with scope (a street officer sees its street only: 404
// elsewhere), masked contact phones for a grid inspector, 409 on a stale version, bilingual 400s that change nothing;
// the stock ledger (property test: any sequence of movements through the command → on-hand equals the sum of the
// ledger, never negative; transfers move a batch between depots; expired batches are not usable; shortages);
// "nearest" against a brute-force reference on random points.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { loadActor } from '../../platform/actor-load';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { emergencyResources } from '../../db/schema';
import { batchAgreement, recordMovement } from './commands/record-movement';
import { boundingBox, findNearest, haversineM } from './nearest';

let t: TestApp;
const as: Record<string, Client> = {};
const actors: Record<string, Actor> = {};
let district = '';
let streetA = '';
let streetB = '';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const d = await buildDistrict(db, '应急测试区');
  const a = await buildStreet(db, { district: d, name: '甲街道' });
  const b = await buildStreet(db, { district: d, name: '乙街道' });
  district = d.code;
  streetA = a.code;
  streetB = b.code;
  const login = async (key: string, role: Role, area: typeof d, kind?: 'street_office') => {
    const u = await buildUser(db, { role, org: await buildOrg(db, { area, kind }) });
    actors[key] = (await loadActor(db, u.id))!;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', d);
  await login('streetA', 'street_officer', a, 'street_office');
  await login('streetB', 'street_officer', b, 'street_office');
  await login('grid', 'grid_inspector', a, 'street_office');
});
afterAll(() => t.close());

const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

const depotBody = (o: Record<string, unknown> = {}) => ({
  kind: 'depot',
  name: '甲街道应急物资库',
  areaCode: streetA,
  address: '甲街道工业路1号',
  lng: 114.25,
  lat: 22.72,
  contactName: '李库管',
  contactPhone: '13800138000',
  ...o,
});

async function createDepot(o: Record<string, unknown> = {}, by = as.streetA!) {
  const res = await by.post('/api/emergency/resources', depotBody(o));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

describe('the register', () => {
  it('registers, reads, masks the phone for a grid inspector, and keeps scope (404 for another street)', async () => {
    const depot = await createDepot();
    const own = await as.streetA!.get(`/api/emergency/resources/${depot.id}`);
    expect(own.json()).toMatchObject({
      kind: 'depot',
      contactPhone: '13800138000',
      areaName: '甲街道',
      abilities: ['update', 'move', 'setMinimum'],
    });
    const grid = await as.grid!.get(`/api/emergency/resources/${depot.id}`);
    expect(grid.json()).toMatchObject({ contactPhone: '138****8000', abilities: [] });
    expect((await as.streetB!.get(`/api/emergency/resources/${depot.id}`)).statusCode).toBe(404);
    expect((await as.district!.get(`/api/emergency/resources/${depot.id}`)).statusCode).toBe(200);
    const listB = await as.streetB!.get('/api/emergency/resources?kind=depot');
    expect(listB.json().items.find((i: { id: string }) => i.id === depot.id)).toBeUndefined();
    const patchB = await as.streetB!.patch(`/api/emergency/resources/${depot.id}`, { version: 1, name: 'x' });
    expect(patchB.statusCode).toBe(404);
    const moveB = await as.streetB!.post(`/api/emergency/depots/${depot.id}/movements`, {
      kind: 'in',
      itemCode: '05-01',
      batchNo: 'B1',
      quantity: 1,
    });
    expect(moveB.statusCode).toBe(404);
  });

  it('refuses bilingually and changes nothing: an area outside the jurisdiction, a team without its type', async () => {
    const before = await count('emergency_resources');
    const out = await as.streetA!.post('/api/emergency/resources', depotBody({ areaCode: streetB }));
    expect(out.statusCode).toBe(400);
    expect(out.json().error.details[0]).toMatchObject({ field: 'areaCode', message: '该地区不在本单位辖区内' });
    const en = await as.streetA!.request({
      method: 'POST',
      url: '/api/emergency/resources',
      payload: depotBody({ kind: 'team' }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0]).toMatchObject({ field: 'teamType', message: 'Choose the team type' });
    expect(await count('emergency_resources')).toBe(before);
  });

  it('answers 409 with the current record on a stale version', async () => {
    const depot = await createDepot();
    const ok = await as.streetA!.patch(`/api/emergency/resources/${depot.id}`, { version: 1, name: '甲街道应急物资库（东）' });
    expect(ok.json()).toMatchObject({ version: 2, name: '甲街道应急物资库（东）' });
    const stale = await as.streetA!.patch(`/api/emergency/resources/${depot.id}`, { version: 1, name: '旧' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, name: '甲街道应急物资库（东）' });
  });
});

describe('the stock ledger', () => {
  it('keeps batches, refuses taking too much, transfers between depots, counts expired stock as unusable and shortages', async () => {
    const a = await createDepot();
    const b = await createDepot({ name: '区应急物资储备库', areaCode: district, lng: 114.3, lat: 22.75 }, as.district!);
    const move = (id: string, body: Record<string, unknown>, by = as.district!) => by.post(`/api/emergency/depots/${id}/movements`, body);
    expect((await move(a.id, { kind: 'in', itemCode: '05-01', batchNo: 'T2025', quantity: 50, expiresOn: '2020-01-01' })).statusCode).toBe(
      200,
    );
    expect((await move(a.id, { kind: 'in', itemCode: '05-01', batchNo: 'T2026', quantity: 30, expiresOn: '2099-12-31' })).statusCode).toBe(
      200,
    );
    const before = await count('emergency_stock_movements');
    const tooMuch = await move(a.id, { kind: 'out', itemCode: '05-01', batchNo: 'T2026', quantity: 31 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details[0]).toMatchObject({ field: 'quantity', message: '库存不足：该批次现有 30' });
    const noReason = await move(a.id, { kind: 'correction', itemCode: '05-01', batchNo: 'T2026', quantity: 3 });
    expect(noReason.statusCode).toBe(400);
    expect(await count('emergency_stock_movements')).toBe(before);
    const transfer = await move(a.id, { kind: 'transfer', itemCode: '05-01', batchNo: 'T2026', quantity: 10, toDepotId: b.id });
    expect(transfer.statusCode, transfer.body).toBe(200);
    const stockA = transfer.json().items.find((i: { itemCode: string }) => i.itemCode === '05-01');
    expect(stockA).toMatchObject({ onHand: 70, usable: 20 });
    expect(stockA.batches.find((x: { batchNo: string }) => x.batchNo === 'T2025')).toMatchObject({ expired: true });
    const stockB = (await as.district!.get(`/api/emergency/depots/${b.id}/stock`)).json();
    expect(stockB.items[0]).toMatchObject({
      itemCode: '05-01',
      onHand: 10,
      usable: 10,
      batches: [{ batchNo: 'T2026', expiresOn: '2099-12-31' }],
    });
    const min = await as.district!.post(`/api/emergency/depots/${a.id}/minimums`, { itemCode: '05-01', minimum: 25 });
    expect(min.json().items[0]).toMatchObject({ minimum: 25, shortage: 5 });
    const shortages = (await as.district!.get('/api/emergency/shortages')).json();
    expect(shortages.items).toContainEqual(expect.objectContaining({ depotId: a.id, itemCode: '05-01', usable: 20, minimum: 25 }));
    expect((await as.district!.get(`/api/emergency/resources/${a.id}`)).json().shortages).toBe(1);
    // A transfer to a depot outside the street's jurisdiction is a field error, not a leak.
    const foreign = await move(a.id, { kind: 'transfer', itemCode: '05-01', batchNo: 'T2026', quantity: 1, toDepotId: b.id }, as.streetA!);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].field).toBe('toDepotId');
    const ledger = (await as.district!.get(`/api/emergency/depots/${a.id}/movements`)).json();
    expect(ledger.items[0]).toMatchObject({ kind: 'transfer_out', delta: -10, balanceAfter: 20, counterpartId: b.id });
  });

  it('property: any sequence of movements leaves on-hand equal to the sum of the ledger, never negative', async () => {
    const depots = [await createDepot(), await createDepot()];
    const actor = actors.streetA!;
    const op = fc.record({
      kind: fc.constantFrom('in', 'out', 'transfer', 'correction' as const),
      from: fc.integer({ min: 0, max: 1 }),
      batchNo: fc.constantFrom('P1', 'P2'),
      quantity: fc.integer({ min: 0, max: 40 }),
      reason: fc.option(fc.constant('盘点'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const from = depots[o.from]!.id;
          const to = depots[1 - o.from]!.id;
          try {
            await recordMovement(t.database.db, actor, null, from, {
              kind: o.kind,
              itemCode: '09-01',
              batchNo: o.batchNo,
              quantity: o.quantity,
              reason: o.reason,
              ...(o.kind === 'transfer' ? { toDepotId: to } : {}),
            });
          } catch (e) {
            if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
          }
        }
        for (const d of depots) {
          for (const batchNo of ['P1', 'P2']) {
            const { onHand, sum } = await batchAgreement(t.database.db, d.id, '09-01', batchNo);
            expect(onHand).toBe(sum);
            expect(onHand).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('nearest', () => {
  it('matches a brute-force reference on random points (kind, radius, item stock)', async () => {
    const db = t.database.db;
    const rnd = fc.sample(
      fc.tuple(fc.double({ min: 113.8, max: 114.6, noNaN: true }), fc.double({ min: 22.4, max: 23.0, noNaN: true })),
      150,
    );
    const rows = rnd.map(([lng, lat], i) => ({
      kind: i % 3 === 0 ? 'team' : 'depot',
      name: `点${i}`,
      areaCode: i % 2 ? streetA : streetB,
      lng,
      lat,
      teamType: i % 3 === 0 ? (i % 2 ? 'hazmat' : 'general') : null,
    }));
    const inserted = await db.insert(emergencyResources).values(rows).returning();
    const depots = inserted.filter((r) => r.kind === 'depot');
    for (const [i, d] of depots.slice(0, 40).entries()) {
      await recordMovement(db, actors.district!, null, d.id, { kind: 'in', itemCode: '03-01', batchNo: 'N', quantity: (i % 5) * 10 + 1 });
    }
    const usable = new Map<string, number>();
    for (const [i, d] of depots.slice(0, 40).entries()) usable.set(d.id, (i % 5) * 10 + 1);
    const origins = fc.sample(
      fc.tuple(fc.double({ min: 113.9, max: 114.5, noNaN: true }), fc.double({ min: 22.5, max: 22.9, noNaN: true })),
      12,
    );
    for (const [k, [lng, lat]] of origins.entries()) {
      const origin = { lng, lat };
      const maxKm = [5, 20, 60][k % 3]!;
      const limit = [1, 5, 10][k % 3]!;
      const check = async (actor: Actor, filter: Parameters<typeof findNearest>[3], keep: (r: (typeof inserted)[number]) => boolean) => {
        const got = await findNearest(db, actor, origin, filter, { maxKm, limit });
        const want = inserted
          .filter(keep)
          .filter((r) => actor.scopeKind === 'area' && r.areaCode.startsWith(actor.areaPrefix!))
          .map((r) => ({ id: r.id, d: haversineM(origin, r) }))
          .filter((r) => r.d <= maxKm * 1000)
          .sort((x, y) => x.d - y.d || (x.id < y.id ? -1 : 1))
          .slice(0, limit);
        expect(got.items.map((i) => i.id)).toEqual(want.map((w) => w.id));
        got.items.forEach((g, i) => expect(Math.abs(g.distanceM - want[i]!.d)).toBeLessThan(0.1));
      };
      const today = '2026-12-01';
      await check(actors.district!, { kind: 'team', today }, (r) => r.kind === 'team');
      await check(actors.streetA!, { kind: 'team', teamType: 'hazmat', today }, (r) => r.kind === 'team' && r.teamType === 'hazmat');
      await check(actors.district!, { kind: 'depot', itemCode: '03-01', quantity: 25, today }, (r) => (usable.get(r.id) ?? 0) >= 25);
    }
  });

  it('the bounding box holds every point within the radius', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 73, max: 136, noNaN: true }),
        fc.double({ min: 3, max: 54, noNaN: true }),
        fc.double({ min: 100, max: 500_000, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lng, lat, r, bearing) => {
          // The point at distance r (slightly less) and this bearing lies in the box.
          const R = 6_371_008.8;
          const ang = (r * 0.999) / R;
          const φ1 = (lat * Math.PI) / 180;
          const φ2 = Math.asin(Math.sin(φ1) * Math.cos(ang) + Math.cos(φ1) * Math.sin(ang) * Math.cos(bearing));
          const λ2 =
            (lng * Math.PI) / 180 +
            Math.atan2(Math.sin(bearing) * Math.sin(ang) * Math.cos(φ1), Math.cos(ang) - Math.sin(φ1) * Math.sin(φ2));
          const p = { lat: (φ2 * 180) / Math.PI, lng: (λ2 * 180) / Math.PI };
          const b = boundingBox({ lng, lat }, r);
          expect(p.lat).toBeGreaterThanOrEqual(b.latMin - 1e-9);
          expect(p.lat).toBeLessThanOrEqual(b.latMax + 1e-9);
          expect(p.lng).toBeGreaterThanOrEqual(b.lngMin - 1e-9);
          expect(p.lng).toBeLessThanOrEqual(b.lngMax + 1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('answers from an enterprise, masks phones by role, and refuses a query with no origin (bilingual)', async () => {
    const db = t.database.db;
    const e = await buildEnterprise(db, { areaCode: streetA, longitude: 114.2, latitude: 22.7 } as never);
    await createDepot({ name: '企业旁物资库', lng: 114.201, lat: 22.701 });
    const res = await as.grid!.get(`/api/emergency/nearest?target=depot&enterpriseId=${e.id}&limit=1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ measure: 'straight_line', items: [{ name: '企业旁物资库', contactPhone: '138****8000' }] });
    const none = await as.grid!.get('/api/emergency/nearest?target=team');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0]).toMatchObject({ field: 'lng' });
  });
});
