// 举报 handling (issue 15 item 3) through the API: routing rules (admin CRUD, versioned, applied at submission: street,
// industry department, park), the handling time-limit extension (rules.md §8: once, ≤ 30 days, by the district bureau;
// bilingual 400s that change nothing, 409 with `current`, audited), links to what the investigation produced (target
// checked in the caller's own scope: 404 for street, industry and park officers out of scope; unlink audited), and
// reminders / escalation after the deadline to the handler's unit and the supervising authority, deduplicated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { hazards } from '../../db/schema';
import { loadSession } from '../../platform/session';
import { submitReport } from './commands/submit-report';
import { actOnReport } from './commands/act-on-report';
import { evaluateReportDeadlines } from '../notifications/notifications.job';

let t: TestApp;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};
let district: string;
let streetA: string;
let streetB: string;
let parkA: string;
let parkB: string;
let ipSeq = 0;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const d = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district: d, name: '乙街道' });
  district = d.code;
  streetA = a.code;
  streetB = b.code;
  parkA = (await buildPark(db, { street: a, name: '甲园区' })).id;
  parkB = (await buildPark(db, { street: b, name: '乙园区' })).id;
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>>) => {
    const u = await buildUser(db, { role, org });
    ids[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('admin', 'sys_admin', await buildOrg(db, { area: d }));
  await login('district', 'district_officer', await buildOrg(db, { area: d }));
  await login('leader', 'district_leader', await buildOrg(db, { area: d }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: a, kind: 'street_office' }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: b, kind: 'street_office' }));
  await login('chem', 'industry_officer', await buildOrg(db, { area: d, kind: 'industry_department', sectors: ['hazardous_chemicals'] }));
  await login('mach', 'industry_officer', await buildOrg(db, { area: d, kind: 'industry_department', sectors: ['machinery'] }));
  await login('parkA', 'park_officer', await buildOrg(db, { area: a, kind: 'park_station', parkId: parkA }));
  await login('parkB', 'park_officer', await buildOrg(db, { area: b, kind: 'park_station', parkId: parkB }));
});
afterAll(() => t.close());

const body = (o: Record<string, unknown> = {}) => ({
  category: 'hidden_danger',
  areaCode: streetB,
  address: '乙街道某路1号',
  occurredOn: '2026-11-20',
  description: '仓库违规存放危险化学品。',
  ...o,
});

async function submitPublic(o: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/reports', payload: body(o), remoteAddress: `10.7.0.${++ipSeq}` });
  expect(res.statusCode, res.body).toBe(200);
  const code = res.json().trackingCode as string;
  return rowsOf<{ id: string; area_code: string; sector: string | null; park_id: string | null }>(
    await t.database.db.execute(sql`select id, area_code, sector, park_id from reports where tracking_code = ${code}`),
  )[0]!;
}

async function actorFor(key: string) {
  const sid = decodeURIComponent(as[key]!.cookie.split('=')[1]!);
  return (await loadSession(t.database.db, sid, t.config.session))!.actor;
}

const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as never });
const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const auditsOf = async (id: string, action: string) =>
  rowsOf<{ action: string }>(await t.database.db.execute(sql`select action from audit_log where entity_id = ${id} and action = ${action}`));

/** A report received on `today` in street A and accepted the same day by street A. */
async function acceptedReport(today: string) {
  const { row } = await submitReport(
    t.database.db,
    { actor: null, ip: null, vaultKey: t.config.reports.vaultKey, today },
    body({ areaCode: streetA, occurredOn: today }) as never,
  );
  return actOnReport(t.database.db, await actorFor('streetA'), null, row.id, { action: 'accept', version: 1 }, today);
}

describe('routing rules (configuration)', () => {
  it('routes by location and category to the industry department and the park; default = the location’s area', async () => {
    // no rule: today's behaviour, the location's own area
    const plain = await submitPublic({ areaCode: streetB, category: 'other' });
    expect(plain).toMatchObject({ area_code: streetB, sector: null, park_id: null });

    const chem = await as.admin!.post('/api/report-routing-rules', {
      areaPrefix: district,
      category: 'illegal_production',
      targetAreaCode: district,
      targetSector: 'hazardous_chemicals',
      note: '非法违法生产 → 应急（危化）',
    });
    expect(chem.statusCode, chem.body).toBe(200);
    const park = await as.admin!.post('/api/report-routing-rules', {
      areaPrefix: streetB,
      category: 'hidden_danger',
      targetAreaCode: streetB,
      targetParkId: parkB,
    });
    expect(park.statusCode, park.body).toBe(200);
    expect(park.json()).toMatchObject({ targetParkName: '乙园区', version: 1, abilities: ['update'] });
    expect(await auditsOf(chem.json().id, 'report.routing.create')).toHaveLength(1);

    const toDept = await submitPublic({ areaCode: streetB, category: 'illegal_production' });
    expect(toDept).toMatchObject({ area_code: district, sector: 'hazardous_chemicals' });
    const toPark = await submitPublic({ areaCode: streetB, category: 'hidden_danger' });
    expect(toPark).toMatchObject({ area_code: streetB, park_id: parkB });

    // the industry department of the sector and the park see theirs; others get 404
    expect((await as.chem!.get(`/api/reports/${toDept.id}`)).statusCode).toBe(200);
    expect((await as.mach!.get(`/api/reports/${toDept.id}`)).statusCode).toBe(404);
    expect((await as.streetB!.get(`/api/reports/${toDept.id}`)).statusCode).toBe(404); // routed away to the district department
    expect((await as.parkB!.get(`/api/reports/${toPark.id}`)).statusCode).toBe(200);
    expect((await as.parkA!.get(`/api/reports/${toPark.id}`)).statusCode).toBe(404);
    const chemList = (await as.chem!.get('/api/reports?pageSize=200')).json() as { items: { id: string }[] };
    expect(chemList.items.map((x) => x.id)).toEqual([toDept.id]);

    // retiring a rule (versioned; stale → 409 with current) restores the default
    const stale = await put(as.admin!, `/api/report-routing-rules/${park.json().id}`, {
      ...ruleBody(park.json()),
      active: false,
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: park.json().id, version: 1 });
    const off = await put(as.admin!, `/api/report-routing-rules/${park.json().id}`, {
      ...ruleBody(park.json()),
      active: false,
      version: 1,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expect(await submitPublic({ areaCode: streetB, category: 'hidden_danger' })).toMatchObject({ area_code: streetB, park_id: null });
  });

  it('refuses bad rules bilingually and stores nothing; only the administrator may edit', async () => {
    const before = await count('report_routing_rules');
    const bad = await as.admin!.post('/api/report-routing-rules', { areaPrefix: district, targetAreaCode: '999999999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'targetAreaCode', message: '承办地区不存在' });
    const outside = await as.admin!.post('/api/report-routing-rules', { areaPrefix: '11', targetAreaCode: district });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('areaPrefix');
    const shape = await as.admin!.post('/api/report-routing-rules', { areaPrefix: 'x1', targetAreaCode: district, extra: 1 });
    expect(shape.statusCode).toBe(400);
    expect(await count('report_routing_rules')).toBe(before);
    expect((await as.district!.get('/api/report-routing-rules')).statusCode).toBe(403);
  });
});

function ruleBody(v: Record<string, unknown>) {
  const { areaPrefix, category, targetAreaCode, targetSector, targetParkId, priority, note } = v;
  return { areaPrefix, category, targetAreaCode, targetSector, targetParkId, priority, note };
}

describe('handling time-limit extension (rules.md §8: once, ≤ 30 days, the next-higher department)', () => {
  it('extends once by up to 30 days with a reason, audited; a second extension, 31 days or a stale version are refused', async () => {
    const r = await acceptedReport('2026-10-08');
    expect(r.handleDue).toBe('2026-12-07');
    expect(r.abilities).not.toContain('extend'); // the street handles; the district extends
    const detail = (await as.district!.get(`/api/reports/${r.id}`)).json();
    expect(detail.abilities).toContain('extend');

    const tooLong = await as.district!.post(`/api/reports/${r.id}/extend`, { version: r.version, days: 31, reason: '案情复杂' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0]).toMatchObject({ field: 'days', message: '延长天数须为1至30天' });
    const en = await as.district!.request({
      method: 'POST',
      url: `/api/reports/${r.id}/extend`,
      payload: { version: r.version, days: 31, reason: '案情复杂' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('The extension must be 1 to 30 days');
    expect((await as.district!.post(`/api/reports/${r.id}/extend`, { version: r.version, days: 10 })).statusCode).toBe(400);
    const unchanged = (await as.district!.get(`/api/reports/${r.id}`)).json();
    expect(unchanged).toMatchObject({ handleDue: '2026-12-07', version: r.version, extendedDays: null });

    const ok = await as.district!.post(`/api/reports/${r.id}/extend`, { version: r.version, days: 30, reason: '需联合住建部门核查' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      handleDue: '2027-01-06',
      extendedDays: 30,
      extensionReason: '需联合住建部门核查',
      version: r.version + 1,
    });
    expect(ok.json().abilities).not.toContain('extend');
    expect(await auditsOf(r.id, 'report.extend')).toHaveLength(1);

    const stale = await as.district!.post(`/api/reports/${r.id}/extend`, { version: r.version, days: 5, reason: '再次延期' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: r.id, handleDue: '2027-01-06' });
    const again = await as.district!.post(`/api/reports/${r.id}/extend`, { version: r.version + 1, days: 5, reason: '再次延期' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].message).toBe('办理期限只能延长1次');
    // the street may not extend; another street does not see it
    expect((await as.streetA!.post(`/api/reports/${r.id}/extend`, { version: r.version + 1, days: 5, reason: 'x理由' })).statusCode).toBe(
      403,
    );
    expect((await as.streetB!.get(`/api/reports/${r.id}`)).statusCode).toBe(404);
  });

  it('tells the reporter on the tracking page why and until when, and nothing else of the report or its reporter', async () => {
    const reporter = { name: '钱举报', phone: '13912345671', idNumber: '440301199003031234' };
    const { row, trackingCode } = await submitReport(
      t.database.db,
      { actor: null, ip: null, vaultKey: t.config.reports.vaultKey, today: '2026-10-09' },
      body({ areaCode: streetA, occurredOn: '2026-10-09', reporter }) as never,
    );
    const r = await actOnReport(t.database.db, await actorFor('streetA'), null, row.id, { action: 'accept', version: 1 }, '2026-10-09');
    const track = async () => (await t.app.inject({ method: 'GET', url: `/api/public/reports/${trackingCode}` })).json();
    expect(await track()).toMatchObject({ status: 'accepted', extension: null });
    const reason = '需检测机构出具报告，检测机构联系人13712345678';
    const ok = await as.district!.post(`/api/reports/${r.id}/extend`, { version: r.version, days: 20, reason });
    expect(ok.statusCode, ok.body).toBe(200);
    const shown = await track();
    expect(Object.keys(shown).sort()).toEqual(['extension', 'photos', 'reply', 'status', 'submittedOn']);
    expect(shown.extension).toEqual({
      reason: expect.stringMatching(/^需检测机构出具报告，检测机构联系人137\*+5678$/),
      days: 20,
      extendedOn: ok.json().extendedOn,
      handleDue: ok.json().handleDue,
    });
    const text = JSON.stringify(shown);
    const extender = rowsOf<{ name: string }>(
      await t.database.db.execute(sql`select display_name as name from users where id = ${ids.district}`),
    )[0]!;
    for (const s of [
      reporter.name,
      reporter.phone,
      reporter.idNumber,
      '13712345678',
      row.address,
      row.description,
      streetA,
      ids.district!,
      extender.name,
      r.id,
    ])
      expect(text, s).not.toContain(s);
  });

  it('refuses to extend a report not yet accepted', async () => {
    const p = await submitPublic({ areaCode: streetA, category: 'other' });
    const res = await as.district!.post(`/api/reports/${p.id}/extend`, { version: 1, days: 10, reason: '案情复杂' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('days');
  });
});

async function hazardIn(o: { areaCode: string; sector?: string; parkId?: string | null }) {
  const e = await buildEnterprise(t.database.db, { areaCode: o.areaCode, sector: o.sector ?? 'machinery', parkId: o.parkId ?? null });
  const [h] = await t.database.db
    .insert(hazards)
    .values({
      number: `YH-T-${++ipSeq}`,
      enterpriseId: e.id,
      areaCode: o.areaCode,
      sector: o.sector ?? 'machinery',
      parkId: o.parkId ?? null,
      source: 'government_inspection',
      description: '配电箱门缺失',
      category: 'unsafe_condition',
      grade: 'general',
      foundOn: '2026-11-01',
      state: 'rectifying',
    } as typeof hazards.$inferInsert)
    .returning();
  return h!;
}

describe('links to what the investigation produced', () => {
  it('links a hidden danger in scope, shows it with its page, refuses out-of-scope targets with 404, unlink audited', async () => {
    const r = await acceptedReport('2026-11-02');
    const mine = await hazardIn({ areaCode: streetA });
    const theirs = await hazardIn({ areaCode: streetB });
    expect(r.abilities).toContain('link');

    const out = await as.streetA!.post(`/api/reports/${r.id}/links`, { version: r.version, kind: 'hazard', targetId: theirs.id });
    expect(out.statusCode).toBe(404);
    const missing = await as.streetA!.post(`/api/reports/${r.id}/links`, { version: r.version, kind: 'case', targetId: theirs.id });
    expect(missing.statusCode).toBe(404);
    expect(
      (await as.streetA!.post(`/api/reports/${r.id}/links`, { version: r.version, kind: 'nothing', targetId: mine.id })).statusCode,
    ).toBe(400);
    expect(await count('report_links')).toBe(0);

    const ok = await as.streetA!.post(`/api/reports/${r.id}/links`, { version: r.version, kind: 'hazard', targetId: mine.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().links).toEqual([expect.objectContaining({ kind: 'hazard', targetId: mine.id, link: `/hazards/${mine.id}` })]);
    expect(ok.json().links[0].label).toContain(mine.number);
    const twice = await as.streetA!.post(`/api/reports/${r.id}/links`, { version: r.version + 1, kind: 'hazard', targetId: mine.id });
    expect(twice.statusCode).toBe(400);
    const stale = await as.streetA!.post(`/api/reports/${r.id}/unlink`, { version: r.version, linkId: ok.json().links[0].id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.links).toHaveLength(1);
    // another street cannot touch the report at all
    expect(
      (await as.streetB!.post(`/api/reports/${r.id}/unlink`, { version: r.version + 1, linkId: ok.json().links[0].id })).statusCode,
    ).toBe(404);

    const un = await as.streetA!.post(`/api/reports/${r.id}/unlink`, { version: r.version + 1, linkId: ok.json().links[0].id });
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json().links).toEqual([]);
    expect(await auditsOf(r.id, 'report.link')).toHaveLength(1);
    expect(await auditsOf(r.id, 'report.unlink')).toHaveLength(1);
  });

  it('holds industry and park officers to their own scope for the report and the target', async () => {
    await as.admin!.post('/api/report-routing-rules', {
      areaPrefix: streetA,
      category: 'concealed_accident',
      targetAreaCode: streetA,
      targetParkId: parkA,
    });
    const p = await submitPublic({ areaCode: streetA, category: 'concealed_accident' });
    expect(p.park_id).toBe(parkA);
    const parkActor = await actorFor('parkA');
    const accepted = await actOnReport(t.database.db, parkActor, null, p.id, { action: 'accept', version: 1 }, '2026-11-02');
    const inPark = await hazardIn({ areaCode: streetA, parkId: parkA });
    const outside = await hazardIn({ areaCode: streetA });
    expect(
      (await as.parkA!.post(`/api/reports/${p.id}/links`, { version: accepted.version, kind: 'hazard', targetId: outside.id })).statusCode,
    ).toBe(404);
    expect(
      (await as.parkB!.post(`/api/reports/${p.id}/links`, { version: accepted.version, kind: 'hazard', targetId: inPark.id })).statusCode,
    ).toBe(404);
    const ok = await as.parkA!.post(`/api/reports/${p.id}/links`, { version: accepted.version, kind: 'hazard', targetId: inPark.id });
    expect(ok.statusCode, ok.body).toBe(200);

    const d = await submitPublic({ areaCode: streetB, category: 'illegal_production' }); // → chemicals department
    const da = await actOnReport(t.database.db, await actorFor('chem'), null, d.id, { action: 'accept', version: 1 }, '2026-11-02');
    const chemHazard = await hazardIn({ areaCode: streetB, sector: 'hazardous_chemicals' });
    const machHazard = await hazardIn({ areaCode: streetB, sector: 'machinery' });
    expect(
      (await as.chem!.post(`/api/reports/${d.id}/links`, { version: da.version, kind: 'hazard', targetId: machHazard.id })).statusCode,
    ).toBe(404);
    expect(
      (await as.mach!.post(`/api/reports/${d.id}/links`, { version: da.version, kind: 'hazard', targetId: machHazard.id })).statusCode,
    ).toBe(404);
    expect(
      (await as.chem!.post(`/api/reports/${d.id}/links`, { version: da.version, kind: 'hazard', targetId: chemHazard.id })).statusCode,
    ).toBe(200);
  });
});

describe('reminders and escalation through the notification system', () => {
  const noticesOf = async (id: string) =>
    rowsOf<{ user_id: string; kind: string }>(
      await t.database.db.execute(
        sql`select user_id, kind from notifications where entity_type = 'report' and entity_id = ${id} order by id`,
      ),
    );

  it('escalates a report not accepted in time to the bureau and its leader the working day after, once', async () => {
    const { row } = await submitReport(
      t.database.db,
      { actor: null, ip: null, vaultKey: t.config.reports.vaultKey, today: '2026-09-30' },
      body({ areaCode: streetA, category: 'other', occurredOn: '2026-09-29' }) as never,
    );
    expect(row.acceptDue).toBe('2026-10-13');
    await evaluateReportDeadlines(t.database.db, '2026-10-13');
    expect((await noticesOf(row.id)).filter((n) => n.kind === 'escalated')).toEqual([]);
    await evaluateReportDeadlines(t.database.db, '2026-10-14');
    await evaluateReportDeadlines(t.database.db, '2026-10-14'); // twice: deduplicated
    const esc = (await noticesOf(row.id)).filter((n) => n.kind === 'escalated');
    expect(esc.map((n) => n.user_id).sort()).toEqual([ids.district, ids.leader, ids.streetA].sort());
  });

  it('reminds the routed department before the handling deadline and escalates after the extended one', async () => {
    const d = await submitPublic({ areaCode: streetB, category: 'illegal_production' }); // → chemicals department
    const a = await actOnReport(t.database.db, await actorFor('chem'), null, d.id, { action: 'accept', version: 1 }, '2026-10-08');
    expect(a.handleDue).toBe('2026-12-07');
    await evaluateReportDeadlines(t.database.db, '2026-11-30'); // five working days before 12-07
    const soon = (await noticesOf(d.id)).filter((n) => n.kind === 'due_soon').map((n) => n.user_id);
    expect(soon).toContain(ids.chem);
    expect(soon).not.toContain(ids.mach);
    expect(soon).not.toContain(ids.streetB);
    const ext = await as.district!.post(`/api/reports/${d.id}/extend`, { version: a.version, days: 10, reason: '需检测机构出具报告' });
    expect(ext.json().handleDue).toBe('2026-12-17');
    await evaluateReportDeadlines(t.database.db, '2026-12-08'); // the original deadline passed: no escalation
    expect((await noticesOf(d.id)).filter((n) => n.kind === 'escalated')).toEqual([]);
    await evaluateReportDeadlines(t.database.db, '2026-12-18');
    await evaluateReportDeadlines(t.database.db, '2026-12-18');
    const esc = (await noticesOf(d.id)).filter((n) => n.kind === 'escalated').map((n) => n.user_id);
    expect(esc.sort()).toEqual([ids.chem, ids.district, ids.leader].sort());
  });
});
