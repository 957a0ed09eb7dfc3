// 安责险 and 标准化 through the API on a real database: an enterprise records its own policy (another enterprise's is
// not found), bilingual 400s change nothing, 404 for another street, industry department and park, 409 with
// `current`, audit entries; the coverage check finds mandatory enterprises without a policy in force today and the
// rates count them per street; expiring policies and grades are reminded once; a standardization record mirrors onto
// the enterprise file; a fatal accident event lowers the grade once however often it arrives; the 规上 rate per street
// carries seed 003's deduction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { addDays, addMonths, cstDate } from '../../platform/time';
import { auditLog, domainEvents, enterprises, standardizationRecords } from '../../db/schema';
import { insuranceConsumer } from './insurance.consumer';
import { evaluatePolicyReminders, evaluateStandardizationReminders } from './insurance.job';

let t: TestApp;
const as: Record<string, Client> = {};
const ids = { chem: '', build: '', mach: '', smelt: '', district: '', streetA: '', streetB: '' };
const today = cstDate();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const d = await buildDistrict(db, '安责险测试区');
  const a = await buildStreet(db, { district: d, name: '甲街道' });
  const b = await buildStreet(db, { district: d, name: '乙街道' });
  Object.assign(ids, { district: d.code, streetA: a.code, streetB: b.code });
  const parkA = await buildPark(db, { street: a, name: '甲园区' });
  const parkB = await buildPark(db, { street: b, name: '乙园区' });
  const ca = await buildCommunity(db, { street: a });
  const cb = await buildCommunity(db, { street: b });
  ids.chem = (
    await buildEnterprise(db, { area: ca, sector: 'hazardous_chemicals', parkId: parkA.id, scale: 'above', name: '甲化工有限公司' })
  ).id;
  ids.build = (await buildEnterprise(db, { area: cb, sector: 'construction', name: '乙建筑有限公司' })).id;
  ids.mach = (await buildEnterprise(db, { area: cb, sector: 'machinery', scale: 'above', name: '乙机械有限公司' })).id;
  ids.smelt = (await buildEnterprise(db, { area: cb, sector: 'machinery', hazardTags: ['metal_smelting'], name: '乙铸造有限公司' })).id;
  const staff = async (key: string, role: Role, org: Parameters<typeof buildOrg>[1]) => {
    const u = await buildUser(db, { role, org: await buildOrg(db, org), displayName: key });
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await staff('bureau', 'district_officer', { area: d });
  await staff('streetA', 'street_officer', { area: a, kind: 'street_office' });
  await staff('streetB', 'street_officer', { area: b, kind: 'street_office' });
  await staff('chemDept', 'industry_officer', { area: d, kind: 'industry_department', sectors: ['hazardous_chemicals'] });
  await staff('housing', 'industry_officer', { area: d, kind: 'industry_department', sectors: ['construction'] });
  await staff('parkB', 'park_officer', { area: b, kind: 'park_station', parkId: parkB.id });
  const boss = await buildUser(db, { role: 'enterprise_principal', enterpriseId: ids.chem, displayName: 'boss' });
  as.boss = await loginAs(t.app, boss.username, boss.password);
});
afterAll(() => t.close());

const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const audits = async (action: string, entityId: string) =>
  (
    await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
  ).length;

const policy = {
  insurer: '中国人民财产保险股份有限公司',
  policyNo: 'PICC-2026-001',
  startsOn: addDays(today, -300),
  endsOn: addDays(today, 20),
  insuredPersons: 85,
  premiumFen: 1_250_000,
  rateFactor: 0.9,
};
let policyId = '';

describe('安责险 policies', () => {
  it('an enterprise records its own policy; a reversed period is refused in both languages, writing nothing', async () => {
    const before = await count('insurance_policies');
    const bad = await as.boss!.post('/api/insurance/policies', { ...policy, endsOn: addDays(policy.startsOn, -1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'endsOn', message: '保险止期不能早于起期' });
    const en = await as.boss!.request({
      method: 'POST',
      url: '/api/insurance/policies',
      payload: { ...policy, endsOn: addDays(policy.startsOn, -1) },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('The policy cannot end before it starts');
    expect((await as.boss!.post('/api/insurance/policies', { ...policy, startsOn: '2026-02-30' })).statusCode).toBe(400);
    expect(await count('insurance_policies')).toBe(before);

    const ok = await as.boss!.post('/api/insurance/policies', policy);
    expect(ok.statusCode, ok.body).toBe(200);
    policyId = ok.json().id;
    expect(ok.json()).toMatchObject({
      enterpriseId: ids.chem,
      enterpriseName: '甲化工有限公司',
      status: 'expiring',
      premiumFen: 1_250_000,
      abilities: ['update'],
    });
    expect(await audits('insurance.policy.create', policyId)).toBe(1);
    const dup = await as.boss!.post('/api/insurance/policies', policy);
    expect(dup.json().error.details[0].field).toBe('policyNo');
    // Another enterprise's policy is not the enterprise user's to record.
    expect((await as.boss!.post('/api/insurance/policies', { ...policy, enterpriseId: ids.mach, policyNo: 'X-1' })).statusCode).toBe(404);
  });

  it('out of scope is 404: another street, another industry department, another park; 409 carries current', async () => {
    for (const who of ['streetB', 'housing', 'parkB']) {
      expect((await as[who]!.patch(`/api/insurance/policies/${policyId}`, { version: 1, insuredPersons: 1 })).statusCode, who).toBe(404);
      const list = await as[who]!.get(`/api/insurance/policies?enterpriseId=${ids.chem}`);
      expect(list.json().total, who).toBe(0);
    }
    expect((await as.streetB!.post('/api/insurance/policies', { ...policy, enterpriseId: ids.chem, policyNo: 'B-1' })).statusCode).toBe(
      404,
    );
    expect((await as.chemDept!.get(`/api/insurance/policies?enterpriseId=${ids.chem}`)).json().total).toBe(1);
    const upd = await as.streetA!.patch(`/api/insurance/policies/${policyId}`, { version: 1, insuredPersons: 90 });
    expect(upd.json()).toMatchObject({ insuredPersons: 90, version: 2 });
    const stale = await as.boss!.patch(`/api/insurance/policies/${policyId}`, { version: 1, insuredPersons: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: policyId, insuredPersons: 90, version: 2 });
    expect(await audits('insurance.policy.update', policyId)).toBe(1);
  });

  it('the coverage check finds mandatory enterprises without a policy in force today, and rates count them per street', async () => {
    // The smelting works' policy ended yesterday: it counts as uninsured, with its last end date.
    const old = await as.streetB!.post('/api/insurance/policies', {
      ...policy,
      enterpriseId: ids.smelt,
      policyNo: 'OLD-1',
      startsOn: addDays(today, -366),
      endsOn: addDays(today, -1),
    });
    expect(old.json().status).toBe('expired');
    const cov = await as.bureau!.get(`/api/insurance/coverage?areaCode=${ids.district}`);
    expect(cov.statusCode, cov.body).toBe(200);
    const byId = new Map(cov.json().items.map((i: { enterpriseId: string }) => [i.enterpriseId, i]));
    expect([...byId.keys()].sort()).toEqual([ids.build, ids.smelt].sort());
    expect(byId.get(ids.smelt)).toMatchObject({ lastPolicyEndsOn: addDays(today, -1) });
    expect(cov.json().mandatorySectors).toContain('construction');
    // Scope: the construction department sees only its sector's uninsured enterprise.
    expect((await as.housing!.get('/api/insurance/coverage')).json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([
      ids.build,
    ]);
    const rates = await as.bureau!.get(`/api/insurance/rates?areaCode=${ids.district}`);
    expect(rates.statusCode, rates.body).toBe(200);
    const r = rates.json();
    expect(r.rows.find((x: { areaCode: string }) => x.areaCode === ids.streetA)).toMatchObject({ mandatory: 1, insured: 1, ratePct: 100 });
    expect(r.rows.find((x: { areaCode: string }) => x.areaCode === ids.streetB)).toMatchObject({ mandatory: 2, insured: 0, ratePct: 0 });
    expect(r.total).toMatchObject({ mandatory: 3, insured: 1, ratePct: 33.3 });
  });

  it('expiring policies are listed and reminded once', async () => {
    const list = await as.streetA!.get('/api/insurance/policies?expiringWithin=30');
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([policyId]);
    const first = await evaluatePolicyReminders(t.database.db, today);
    expect(first.notices).toBeGreaterThan(0);
    expect((await evaluatePolicyReminders(t.database.db, today)).notices).toBe(0);
    // A renewal (a later policy) ends the reminders for the old one.
    await as.boss!.post('/api/insurance/policies', {
      ...policy,
      policyNo: 'PICC-2027-001',
      startsOn: addDays(today, 21),
      endsOn: addDays(today, 385),
    });
    expect((await evaluatePolicyReminders(t.database.db, addDays(today, 1))).notices).toBe(0);
  });
});

describe('安全生产标准化', () => {
  it('an officer records a grade; it mirrors onto the enterprise file (expiry 3 years on); 400s change nothing; 404 out of scope', async () => {
    const certifiedOn = addDays(today, -30);
    const body = { enterpriseId: ids.chem, kind: 'certified', grade: '1', certifyingBody: '省应急管理厅', certifiedOn };
    const before = await count('standardization_records');
    const missing = await as.streetA!.post('/api/standardization/records', { ...body, certifyingBody: undefined });
    expect(missing.json().error.details[0]).toMatchObject({ field: 'certifyingBody', message: '请填写评审/公告单位' });
    expect(await count('standardization_records')).toBe(before);
    for (const who of ['streetB', 'housing', 'parkB'])
      expect((await as[who]!.post('/api/standardization/records', body)).statusCode, who).toBe(404);
    expect((await as.boss!.post('/api/standardization/records', body)).statusCode).toBe(403);

    const [e0] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, ids.chem));
    const ok = await as.streetA!.post('/api/standardization/records', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'certified', grade: '1', expiresOn: addMonths(certifiedOn, 36) });
    const [e1] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, ids.chem));
    expect(e1).toMatchObject({
      standardizationGrade: '1',
      standardizationDate: certifiedOn,
      standardizationExpiry: addMonths(certifiedOn, 36),
      version: e0!.version + 1,
    });
    expect(await audits('standardization.certified', ids.chem)).toBe(1);
    // The enterprise file's history shows the grade change.
    const hist = await as.streetA!.get(`/api/enterprises/${ids.chem}/history`);
    expect(hist.json().items[0]).toMatchObject({ action: 'standardization.certified' });
    expect(hist.json().items[0].changes.map((c: { field: string }) => c.field)).toContain('standardizationGrade');
    const mine = await as.boss!.get(`/api/standardization/records?enterpriseId=${ids.chem}`);
    expect(mine.json().total).toBe(1);
    expect((await as.streetB!.get(`/api/standardization/records?enterpriseId=${ids.chem}`)).json().total).toBe(0);
  });

  it('a fatal accident lowers the grade once, however often the event arrives; a non-fatal one changes nothing', async () => {
    const db = t.database.db;
    const ref = { id: crypto.randomUUID(), areaCode: ids.district, enterpriseId: ids.chem };
    const ev = await db.transaction((tx) => appendEvent(tx, 'accident.register', 'accident', ref, null, { deaths: 1, level: 'general' }));
    const harmless = await db.transaction((tx) =>
      appendEvent(tx, 'accident.register', 'accident', { ...ref, id: crypto.randomUUID() }, null, { deaths: 0, level: 'general' }),
    );
    expect(await consumeEvent(t.database, insuranceConsumer, ev)).toBe(true);
    expect(await consumeEvent(t.database, insuranceConsumer, ev)).toBe(false);
    const [event] = await db.select().from(domainEvents).where(eq(domainEvents.id, ev));
    await db.transaction((tx) => insuranceConsumer.handle(tx, event!)); // past the consumer mark: still nothing new
    await consumeEvent(t.database, insuranceConsumer, harmless);
    const downs = await db.select().from(standardizationRecords).where(eq(standardizationRecords.enterpriseId, ids.chem));
    expect(downs.filter((r) => r.kind === 'downgraded')).toHaveLength(1);
    expect(downs.find((r) => r.kind === 'downgraded')).toMatchObject({
      grade: '2',
      previousGrade: '1',
      accidentId: ref.id,
      sourceKey: `event:${ev}`,
    });
    const [e] = await db.select().from(enterprises).where(eq(enterprises.id, ids.chem));
    expect(e!.standardizationGrade).toBe('2');
  });

  it('the 规上 rate per street carries seed 003 deduction; expiring grades are listed and reminded once', async () => {
    const rates = await as.bureau!.get(`/api/standardization/rates?areaCode=${ids.district}`);
    expect(rates.statusCode, rates.body).toBe(200);
    const r = rates.json();
    expect(r).toMatchObject({ targetPct: 70, stepPct: 10, deductPerStep: 0.5 });
    expect(r.rows.find((x: { areaCode: string }) => x.areaCode === ids.streetA)).toMatchObject({
      above: 1,
      graded: 1,
      ratePct: 100,
      deduction: 0,
    });
    expect(r.rows.find((x: { areaCode: string }) => x.areaCode === ids.streetB)).toMatchObject({
      above: 1,
      graded: 0,
      ratePct: 0,
      deduction: 3.5,
    });
    expect(r.total).toMatchObject({ above: 2, graded: 1, ratePct: 50, deduction: 1 });

    // A grade granted 3 years less 10 days ago expires in 10 days.
    const certifiedOn = addDays(addMonths(today, -36), 10);
    const rec = await as.streetB!.post('/api/standardization/records', {
      enterpriseId: ids.mach,
      kind: 'certified',
      grade: '3',
      certifyingBody: '区应急管理局',
      certifiedOn,
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const exp = await as.streetB!.get('/api/standardization/expiring?withinDays=30');
    expect(exp.json().items).toEqual([expect.objectContaining({ enterpriseId: ids.mach, grade: '3', daysLeft: 10 })]);
    expect((await evaluateStandardizationReminders(t.database.db, today)).notices).toBeGreaterThan(0);
    expect((await evaluateStandardizationReminders(t.database.db, today)).notices).toBe(0);
  });
});

describe('the mandatory sectors edited in the app', () => {
  it('changes the coverage check at once, refuses a stale version, and is audited', async () => {
    const before = (await as.bureau!.get('/api/insurance/coverage?pageSize=50')).json();
    expect(before.mandatorySectors).toContain('construction');
    const s = (await as.bureau!.get('/api/insurance/settings')).json();
    expect(s).toMatchObject({ version: 0, configured: false });
    expect((await as.streetA!.get('/api/insurance/settings')).statusCode).toBe(403);
    const put = (body: Record<string, unknown>) => as.bureau!.request({ method: 'PUT', url: '/api/insurance/settings', payload: body });
    const bad = await put({ mandatorySectors: ['nope'], mandatoryTags: [], version: 0 });
    expect(bad.statusCode).toBe(400);
    const saved = await put({ mandatorySectors: ['hazardous_chemicals'], mandatoryTags: [], version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, configured: true, mandatorySectors: ['hazardous_chemicals'] });
    expect((await put({ mandatorySectors: [], mandatoryTags: [], version: 0 })).statusCode).toBe(409);
    const after = (await as.bureau!.get('/api/insurance/coverage?pageSize=50')).json();
    expect(after.mandatorySectors).toEqual(['hazardous_chemicals']);
    expect(after.items.every((i: { sector: string }) => i.sector === 'hazardous_chemicals')).toBe(true);
    expect(await audits('insurance.settings.update', 'mandatory')).toBe(1);
    // Back to the defaults' list for whatever runs after.
    await put({ mandatorySectors: [...before.mandatorySectors], mandatoryTags: [...before.mandatoryTags], version: 1 });
  });
});
