import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser, randomCreditCode } from '../../seed/factories';

let t: TestApp;
let officer: Client; // district officer: may override credit codes and delete
let street: Client; // street officer of street A
let community: Awaited<ReturnType<typeof buildCommunity>>;
let otherCommunity: Awaited<ReturnType<typeof buildCommunity>>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const streetA = await buildStreet(db);
  const district = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, streetA.parentCode!) }))!;
  const streetB = await buildStreet(db, { district });
  community = await buildCommunity(db, { street: streetA });
  otherCommunity = await buildCommunity(db, { street: streetB });
  const o = await buildUser(db, { role: 'district_officer', org: await buildOrg(db, { area: district }) });
  const s = await buildUser(db, { role: 'street_officer', org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  officer = await loginAs(t.app, o.username, o.password);
  street = await loginAs(t.app, s.username, s.password);
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  name: '深圳市宏达五金制品有限公司',
  creditCode: randomCreditCode(),
  address: '龙城街道测试路 1 号',
  areaCode: community.code,
  sector: 'machinery',
  ...over,
});

describe('enterprise records', () => {
  it('creates a record with defaults, derives the unit type from the code, and audits it', async () => {
    const code = randomCreditCode('92440307');
    const res = await street.post('/api/enterprises', body({ creditCode: code.toLowerCase(), hazardTags: ['confined_space'] }));
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      creditCode: code,
      unitType: 'individual',
      scale: 'below',
      isKey: false,
      operatingStatus: 'operating',
      version: 1,
      areaName: community.name,
      hazardTags: ['confined_space'],
    });
    expect(e.abilities).toEqual(expect.arrayContaining(['update', 'reassign', 'history']));
    expect(e.abilities).not.toContain('delete');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'enterprise'), eq(auditLog.entityId, e.id)));
    expect(entry).toMatchObject({ action: 'enterprise.create', result: 'ok' });
  });

  it('rejects bad input with bilingual, field-level messages', async () => {
    const bad = { ...body({ principalPhone: '12345', industryCode: 'X9', longitude: 114.2 }), extra: 1 };
    const en = await street.request({ method: 'POST', url: '/api/enterprises', payload: bad, headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(400);
    const fields = en.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['principalPhone', 'industryCode', 'extra']));
    expect(en.json().error.details.find((d: { field: string }) => d.field === 'principalPhone').message).toMatch(/mobile/);
    const zh = await street.post('/api/enterprises', { ...body(), industryCode: 'C51', longitude: 114.2 });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details).toEqual(
      expect.arrayContaining([
        { field: 'industryCode', message: expect.stringContaining('GB/T 4754') },
        { field: 'latitude', message: expect.stringContaining('经度和纬度') },
      ]),
    );
  });

  it('explains a credit-code checksum failure; only a district officer may accept it, with a reason', async () => {
    const code = '91350211M0000XUF46'; // issued in Fujian, fails the GB 32100 check
    const res = await street.post('/api/enterprises', body({ creditCode: code }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ field: 'creditCode', message: expect.stringContaining('第 18 位应为“R”') });
    const denied = await street.post('/api/enterprises', body({ creditCode: code, creditCodeOverrideReason: '登记机关实际核发' }));
    expect(denied.json().error.details.map((d: { field: string }) => d.field)).toContain('creditCodeOverrideReason');
    const hint = await officer.request({ method: 'POST', url: '/api/enterprises', payload: body({ creditCode: code }) });
    expect(hint.json().error.details[0].message).toContain('例外说明');
    const ok = await officer.post('/api/enterprises', body({ creditCode: code, creditCodeOverrideReason: '营业执照原件核对无误' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().creditCodeOverride).toBe('营业执照原件核对无误');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.overrideCreditCode'));
    expect(audits.map((a) => a.entityId)).toContain(ok.json().id);
  });

  it('refuses a duplicate credit code with 409 on the field, and an area outside the caller’s street', async () => {
    const code = randomCreditCode();
    expect((await street.post('/api/enterprises', body({ creditCode: code }))).statusCode).toBe(201);
    const dup = await officer.post('/api/enterprises', body({ creditCode: code }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', details: [{ field: 'creditCode' }] });
    const away = await street.post('/api/enterprises', body({ areaCode: otherCommunity.code }));
    expect(away.statusCode).toBe(400);
    expect(away.json().error.details).toEqual([{ field: 'areaCode', message: expect.stringContaining('管辖范围') }]);
    const unknown = await street.post('/api/enterprises', body({ areaCode: `${community.code.slice(0, 9)}999` }));
    expect(unknown.json().error.details[0].field).toBe('areaCode');
  });

  it('checks that a park exists and contains the enterprise’s area', async () => {
    const park = await buildPark(t.database.db, {
      street: (await t.database.db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, otherCommunity.parentCode!) }))!,
    });
    const res = await officer.post('/api/enterprises', body({ parkId: park.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('parkId');
    expect((await officer.post('/api/enterprises', body({ parkId: park.id, areaCode: otherCommunity.code }))).statusCode).toBe(201);
  });

  it('uses optimistic locking: of two PATCHes sent with one version exactly one wins, the other gets 409 with the current record', async () => {
    const e = (await street.post('/api/enterprises', body())).json();
    const [a, b] = await Promise.all([
      street.patch(`/api/enterprises/${e.id}`, { version: e.version, employees: 10 }),
      officer.patch(`/api/enterprises/${e.id}`, { version: e.version, employees: 20 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().current).toMatchObject({ version: 2, employees: won.json().employees });
    expect(lost.json().error.code).toBe('CONFLICT');
  });

  it('does not bump the version when nothing changes, and recomputes the standardization expiry', async () => {
    const e = (await street.post('/api/enterprises', body())).json();
    const same = await street.patch(`/api/enterprises/${e.id}`, { version: 1, name: e.name });
    expect(same.json().version).toBe(1);
    const graded = await street.patch(`/api/enterprises/${e.id}`, {
      version: 1,
      standardizationGrade: '3',
      standardizationDate: '2024-02-29',
    });
    expect(graded.json()).toMatchObject({ version: 2, standardizationExpiry: '2027-02-28' });
    const noDate = await street.patch(`/api/enterprises/${e.id}`, { version: 2, standardizationDate: null });
    expect(noDate.json().error.details[0].field).toBe('standardizationDate');
  });

  it('soft-deletes and restores; a deleted record leaves lists but keeps its history', async () => {
    const e = (await street.post('/api/enterprises', body({ name: '深圳市待删除精密机械有限公司' }))).json();
    expect((await officer.del(`/api/enterprises/${e.id}`, { version: 99 })).statusCode).toBe(409);
    const del = await officer.del(`/api/enterprises/${e.id}`, { version: 1, reason: '已注销' });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ version: 2, abilities: ['history', 'restore'] });
    expect(del.json().deletedAt).toMatch(/\+08:00$/);
    expect((await street.get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
    expect((await street.get('/api/enterprises?q=待删除')).json().total).toBe(0);
    expect((await street.get('/api/enterprises?includeDeleted=true')).statusCode).toBe(403);
    expect((await officer.get('/api/enterprises?q=待删除&includeDeleted=true')).json().total).toBe(1);
    const again = await street.post('/api/enterprises', body({ creditCode: e.creditCode }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].message).toContain('恢复');
    const restored = await officer.post(`/api/enterprises/${e.id}/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect((await street.get('/api/enterprises?q=待删除')).json().total).toBe(1);
    const history = (await street.get(`/api/enterprises/${e.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'enterprise.restore',
      'enterprise.delete',
      'enterprise.create',
    ]);
  });

  it('lists history with the changed fields, newest first', async () => {
    const e = await buildEnterprise(t.database.db, { area: community, principalName: '张三' });
    await street.patch(`/api/enterprises/${e.id}`, { version: 1, principalName: '李四', employees: 12 });
    const h = (await street.get(`/api/enterprises/${e.id}/history`)).json();
    expect(h.total).toBe(1);
    expect(h.items[0]).toMatchObject({ action: 'enterprise.update', actorRole: 'street_officer' });
    expect(h.items[0].changes).toEqual([
      { field: 'principalName', before: '张三', after: '李四' },
      { field: 'employees', before: null, after: 12 },
    ]);
  });
});
