// 出租屋备案 through the API (000 五(三)9): premises let to a business without a 备案 are listed for the grid; a 备案 with
// the landlord's signed commitment is accepted by the community (street) and the premises leaves the list; it expires
// with the lease; refusals are bilingual and change nothing; another street gets 404; a stale version gets 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildGrid, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { addDays, cstDate } from '../../platform/time';
import { filingInForce } from './rental.rules';

let t: TestApp;
const as: Record<string, Client> = {};
const today = cstDate();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const streetA = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, streetA.parentCode!) }))!;
  const streetB = await buildStreet(db, { district, name: '乙街道' });
  const grid = await buildGrid(db, { community: await buildCommunity(db, { street: streetA }) });
  await buildCommunity(db, { street: streetB });
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>>) => {
    const u = await buildUser(db, { role, org });
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('grid', 'grid_inspector', await buildOrg(db, { area: grid, kind: 'grid_station' }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: streetA, kind: 'street_office' }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: streetB, kind: 'street_office' }));
});
afterAll(() => t.close());

const filing = (premisesId: string, o: Record<string, unknown> = {}) => ({
  premisesId,
  tenantName: '深圳市某某包装材料有限公司',
  intendedUse: '纸箱包装生产',
  leaseStart: addDays(today, -30),
  leaseEnd: addDays(today, 335),
  commitment: { signed: true, signerName: '王房东', signedAt: new Date().toISOString() },
  ...o,
});

describe('rental premises 备案', () => {
  it('lists premises let without 备案 until the community accepts one, and again when the lease ends', async () => {
    const p = await as.grid!.post('/api/rental/premises', {
      address: '甲社区工业路5号一栋',
      landlordKind: 'person',
      landlordName: '王房东',
      landlordPhone: '13700137000',
      occupancy: 'let_to_business',
      occupantName: '某包装厂',
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ unfiled: true, landlordPhone: '13700137000', currentFiling: null });
    const id = p.json().id;
    const unfiled = async (c: Client) =>
      ((await c.get('/api/rental/premises?unfiled=true')).json().items as { id: string }[]).map((x) => x.id);
    expect(await unfiled(as.grid!)).toContain(id);
    expect((await as.streetA!.get('/api/rental/premises')).json().items[0].landlordPhone).not.toBe('13700137000');
    expect(await unfiled(as.streetB!)).toEqual([]);

    const f = await as.grid!.post('/api/rental/filings', filing(id));
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({ status: 'submitted', signerName: '王房东', abilities: [] });
    expect(f.json().commitmentText).toContain('承诺');
    expect(await unfiled(as.grid!)).toContain(id); // not yet accepted
    // awaiting the community: shown on the premises, and a second filing is refused until it is decided
    const listed = (await as.grid!.get('/api/rental/premises')).json().items.find((x: { id: string }) => x.id === id);
    expect(listed).toMatchObject({ pendingFiling: { id: f.json().id, tenantName: filing(id).tenantName }, currentFiling: null });
    const again = await as.grid!.post('/api/rental/filings', filing(id));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({ field: 'premisesId' });
    expect(again.json().error.details[0].message).toContain('待社区受理');
    expect((await as.streetB!.post(`/api/rental/filings/${f.json().id}/act`, { action: 'accept', version: 1 })).statusCode).toBe(404);
    const ok = await as.streetA!.post(`/api/rental/filings/${f.json().id}/act`, { action: 'accept', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', expired: false, version: 2 });
    expect(await unfiled(as.grid!)).not.toContain(id);
    expect((await as.grid!.get('/api/rental/premises')).json().items.find((x: { id: string }) => x.id === id)).toMatchObject({
      pendingFiling: null,
      currentFiling: { id: f.json().id },
    });
    const stale = await as.streetA!.post(`/api/rental/filings/${f.json().id}/act`, { action: 'reject', version: 1, reason: '材料不全' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ status: 'accepted', version: 2 });
    // the lease ends: the 备案 expires with it and the premises is listed again
    await t.database.db.execute(sql`update rental_filings set lease_end = ${addDays(today, -1)} where id = ${f.json().id}`);
    expect(await unfiled(as.grid!)).toContain(id);
    expect((await as.grid!.get(`/api/rental/filings/${f.json().id}`)).json()).toMatchObject({ expired: true });
  });

  it('refuses a filing without the signed commitment or with a lease ending before it starts, bilingually, storing nothing', async () => {
    const p = (
      await as.grid!.post('/api/rental/premises', {
        address: '甲社区工业路7号',
        landlordKind: 'company',
        landlordName: '某股份合作公司',
        occupancy: 'let_to_business',
      })
    ).json();
    const count = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from rental_filings`))[0]!.n;
    const n = await count();
    const unsigned = await as.grid!.post(
      '/api/rental/filings',
      filing(p.id, { commitment: { signed: false, signerName: '王', signedAt: new Date().toISOString() } }),
    );
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.details[0].field).toBe('commitment.signed');
    const backwards = await as.grid!.request({
      method: 'POST',
      url: '/api/rental/filings',
      payload: filing(p.id, { leaseStart: today, leaseEnd: addDays(today, -1) }),
      headers: { 'accept-language': 'en' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0]).toEqual({ field: 'leaseEnd', message: 'The lease cannot end before it starts' });
    expect((await as.streetB!.post('/api/rental/filings', filing(p.id))).statusCode).toBe(404);
    expect(await count()).toBe(n);
    const refused = await as.streetA!.post(
      `/api/rental/filings/${(await as.grid!.post('/api/rental/filings', filing(p.id))).json().id}/act`,
      {
        action: 'reject',
        version: 1,
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toEqual({ field: 'reason', message: '请填写理由' });
  });

  it('counts a filing in force from the lease start to its last day', () => {
    const f = { status: 'accepted', leaseStart: '2026-01-01', leaseEnd: '2026-12-31' };
    expect(filingInForce(f, '2025-12-31')).toBe(false);
    expect(filingInForce(f, '2026-01-01')).toBe(true);
    expect(filingInForce(f, '2026-12-31')).toBe(true);
    expect(filingInForce(f, '2027-01-01')).toBe(false);
    expect(filingInForce({ ...f, status: 'submitted' }, '2026-06-01')).toBe(false);
  });
});
