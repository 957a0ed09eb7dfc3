// 举报 duplicates, merge and the public form's abuse controls through the API (issue 15 items 1 and 3): suggestions
// by the same enterprise or within the distance and window (duplicates.rules.ts, L: 200 m, 30 days — tested at both
// sides of each bound), only in the caller's scope; the merge through the machine ('merged', with the target), the
// reporter count on the target, the tracking page and the notice to the account behind the merged report; 404 out of
// scope, 409 with `current`, bilingual 400s that change nothing, the audit entries. Then the per-phone limit (429)
// and the challenge after repeated submissions from one address (400 until answered; single use).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { auditLog, domainEvents, notifications, reports } from '../../db/schema';
import { consumeEvent } from '../../platform/queue';
import { rowsOf } from '../../platform/db';
import { haversineM } from '../emergency/nearest';
import { notificationsConsumer } from '../notifications/notifications.consumer';
import { submitReport } from './commands/submit-report';
import { duplicateRules } from './duplicates.rules';

let t: TestApp;
const as: Record<string, Client> = {};
const users: Record<string, { id: string }> = {};
let streetA: string;
let streetB: string;
let ipSeq = 0;
const nextIp = () => `10.50.${Math.floor(ipSeq / 200)}.${(ipSeq++ % 200) + 1}`;

const P = { lat: 30.5, lon: 114.3 };
const M_PER_DEG_LAT = haversineM({ lat: 0, lng: 0 }, { lat: 1, lng: 0 });
const north = (m: number) => ({ lat: P.lat + m / M_PER_DEG_LAT, lon: P.lon });

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district, name: '乙街道' });
  streetA = a.code;
  streetB = b.code;
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>> | null) => {
    const u = await buildUser(db, { role, org });
    users[key] = u;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  await login('leader', 'district_leader', await buildOrg(db, { area: district }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: a, kind: 'street_office' }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: b, kind: 'street_office' }));
  await login('citizen', 'public', null);
});
afterAll(() => t.close());

const body = (o: Record<string, unknown> = {}) => ({
  category: 'hidden_danger',
  areaCode: streetA,
  address: '甲街道工业路8号',
  occurredOn: '2026-01-01',
  description: '车间消防通道被货物堵塞，灭火器过期。',
  ...o,
});

/** A report submitted on `today` (the window counts submission days), through the command the route uses. */
async function file(o: Record<string, unknown> = {}, today = '2026-03-01') {
  const { row } = await submitReport(
    t.database.db,
    { actor: null, ip: null, vaultKey: t.config.reports.vaultKey, today },
    body(o) as never,
  );
  return row;
}

const suggestions = async (c: Client, id: string) => {
  const res = await c.get(`/api/reports/${id}/duplicates`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; sameEnterprise: boolean; distanceM: number | null; canMergeInto: boolean }[] };
};
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();
/** Rows of reports, or audit entries of report writes (a refused route call may audit the refusal itself). */
const count = async (table: 'reports' | 'audit_log') =>
  rowsOf<{ n: number }>(
    await t.database.db.execute(
      sql.raw(`select count(*)::int as n from ${table}${table === 'audit_log' ? " where action like 'report.%'" : ''}`),
    ),
  )[0]!.n;

describe('duplicate suggestion', () => {
  it('suggests the same enterprise and pins within 200 m and 30 days, in scope only (rules L: duplicateRules)', async () => {
    expect(duplicateRules).toMatchObject({ distanceM: 200, windowDays: 30 });
    const base = await file({ enterpriseName: '宏达五金厂', ...P });
    const near = await file({ ...north(199) }, '2026-03-10');
    const far = await file({ ...north(201) }, '2026-03-10');
    const sameName = await file({ enterpriseName: '宏达五金厂'.toUpperCase(), address: '另一条路' }, '2026-03-31'); // day 30
    const late = await file({ enterpriseName: '宏达五金厂', ...P }, '2026-04-01'); // day 31
    const otherStreet = await file({ areaCode: streetB, enterpriseName: '宏达五金厂' }, '2026-03-02');
    const a = await suggestions(as.streetA!, base.id);
    expect(ids(a)).toEqual([near.id, sameName.id].sort());
    expect(a.items.find((i) => i.id === near.id)).toMatchObject({ sameEnterprise: false, distanceM: 199, canMergeInto: true });
    expect(a.items.find((i) => i.id === sameName.id)).toMatchObject({ sameEnterprise: true, distanceM: null });
    for (const x of [far, late, otherStreet]) expect(ids(a)).not.toContain(x.id);
    // the district sees both streets: the other street's report about the same enterprise is suggested to it
    expect(ids(await suggestions(as.district!, base.id))).toContain(otherStreet.id);
    // the leader reads but does not handle: suggestions without the merge
    expect((await suggestions(as.leader!, base.id)).items.every((i) => !i.canMergeInto)).toBe(true);
    // out of scope: 404, not an empty list
    expect((await as.streetB!.get(`/api/reports/${base.id}/duplicates`)).statusCode).toBe(404);
  });
});

describe('merge', () => {
  it('merges a duplicate into an earlier report: state, target, reporter count, tracking, notice, audit', async () => {
    const target = await file({ enterpriseName: '顺风物流仓库', ...P });
    // a citizen's own report (linked to the account through the CSRF-carrying request)
    const mine = await as.citizen!.request({
      method: 'POST',
      url: '/api/public/reports',
      payload: body({ enterpriseName: '顺风物流仓库', occurredOn: '2026-02-01' }),
      remoteAddress: nextIp(),
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const dupId = (
      await t.database.db.select({ id: reports.id }).from(reports).where(eq(reports.trackingCode, mine.json().trackingCode))
    )[0]!.id;
    const auditsBefore = await count('audit_log');
    const res = await as.streetA!.post(`/api/reports/${dupId}/merge`, { targetId: target.id, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'merged', mergedIntoId: target.id, abilities: [] });
    expect(res.json().history.at(-1)).toMatchObject({ action: 'merge', from: 'received', to: 'merged' });
    const t2 = (await as.streetA!.get(`/api/reports/${target.id}`)).json();
    expect(t2).toMatchObject({ reporterCount: 2, version: 2, status: 'received' });
    // the reporter's tracking page says it was merged; the citizen's list too
    const track = await t.app.inject({ method: 'GET', url: `/api/public/reports/${mine.json().trackingCode}`, remoteAddress: nextIp() });
    expect(track.json()).toMatchObject({ status: 'merged' });
    expect((await as.citizen!.get('/api/reports/mine')).json()[0]).toMatchObject({ status: 'merged' });
    // the audit: the merge on the duplicate and the count on the target
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'report.merge'));
    expect(audits.at(-1)).toMatchObject({ entityId: dupId });
    expect((await count('audit_log')) - auditsBefore).toBe(2);
    // the notice to the account behind the merged report, once; nothing about the target or the reporter
    const [event] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'report.merge'), eq(domainEvents.entityId, dupId)));
    expect(await consumeEvent(t.database, notificationsConsumer, event!.id)).toBe(true);
    expect(await consumeEvent(t.database, notificationsConsumer, event!.id)).toBe(false);
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.eventId, event!.id));
    expect(notes.map((n) => n.userId)).toEqual([users.citizen!.id]);
    expect(notes[0]).toMatchObject({ link: '/my-reports', titleEn: 'Your report was merged into an earlier report being handled' });
    // a merged report is no longer suggested, and cannot be merged again
    expect(ids(await suggestions(as.streetA!, target.id))).not.toContain(dupId);
  });

  it('carries the reports already merged into a duplicate over to the new target, counting every reporter', async () => {
    const first = await file({ enterpriseName: '链式合并厂' });
    const second = await file({ enterpriseName: '链式合并厂' });
    const third = await file({ enterpriseName: '链式合并厂' });
    expect((await as.streetA!.post(`/api/reports/${third.id}/merge`, { targetId: second.id, version: 1 })).statusCode).toBe(200);
    const secondNow = (await as.streetA!.get(`/api/reports/${second.id}`)).json();
    expect(secondNow.reporterCount).toBe(2);
    const res = await as.district!.post(`/api/reports/${second.id}/merge`, { targetId: first.id, version: secondNow.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await as.streetA!.get(`/api/reports/${first.id}`)).json().reporterCount).toBe(3);
    const [row] = await t.database.db.select().from(reports).where(eq(reports.id, third.id));
    expect(row!.mergedInto).toBe(first.id);
    const [event] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'report.merge'), eq(domainEvents.entityId, second.id)));
    expect((event!.payload as { mergedIds: string[] }).mergedIds.sort()).toEqual([second.id, third.id].sort());
  });

  it('refuses bilingually and changes nothing: itself, a target out of scope, a finished target; 404 and 409', async () => {
    const a = await file({ enterpriseName: '拒绝测试厂' });
    const b = await file({ enterpriseName: '拒绝测试厂' });
    const other = await file({ areaCode: streetB, enterpriseName: '拒绝测试厂' });
    const before = await t.database.db.select().from(reports).where(eq(reports.id, a.id));
    const audits = await count('audit_log');
    const self = await as.streetA!.post(`/api/reports/${a.id}/merge`, { targetId: a.id, version: 1 });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details[0]).toMatchObject({ field: 'targetId', message: '不能合并到自身' });
    const outside = await as.streetA!.request({
      method: 'POST',
      url: `/api/reports/${a.id}/merge`,
      payload: { targetId: other.id, version: 1 },
      headers: { 'accept-language': 'en' },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0]).toMatchObject({ field: 'targetId', message: 'The report to merge into was not found' });
    // out of scope for the caller: 404 (street B cannot see street A's report)
    expect((await as.streetB!.post(`/api/reports/${a.id}/merge`, { targetId: other.id, version: 1 })).statusCode).toBe(404);
    // a reader without the handling permission: 403 by the route
    expect((await as.leader!.post(`/api/reports/${a.id}/merge`, { targetId: b.id, version: 1 })).statusCode).toBe(403);
    // bad body: 400
    expect((await as.streetA!.post(`/api/reports/${a.id}/merge`, { targetId: 'x', version: 1 })).statusCode).toBe(400);
    expect(await count('audit_log')).toBe(audits);
    expect(await t.database.db.select().from(reports).where(eq(reports.id, a.id))).toEqual(before);
    // stale version: 409 with the current record
    expect((await as.streetA!.post(`/api/reports/${a.id}/act`, { action: 'accept', version: 1 })).statusCode).toBe(200);
    const stale = await as.streetA!.post(`/api/reports/${a.id}/merge`, { targetId: b.id, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: a.id, version: 2, status: 'accepted' });
    // a finished target (rejected) cannot be merged into
    expect((await as.streetA!.post(`/api/reports/${b.id}/act`, { action: 'reject', version: 1, reason: '不属实' })).statusCode).toBe(200);
    const finished = await as.streetA!.post(`/api/reports/${a.id}/merge`, { targetId: b.id, version: 2 });
    expect(finished.statusCode).toBe(400);
    expect(finished.json().error.details[0].field).toBe('targetId');
    // and an accepted report merges into one received
    const c = await file({ enterpriseName: '拒绝测试厂' });
    expect((await as.streetA!.post(`/api/reports/${a.id}/merge`, { targetId: c.id, version: 2 })).statusCode).toBe(200);
  });
});

describe('map of reports', () => {
  it('returns the pinned reports in scope inside the viewport, without reporter data', async () => {
    const inA = await file({ lat: 31.2, lon: 115.2, reporter: { name: '赵某', phone: '13700000001' } });
    const inB = await file({ areaCode: streetB, lat: 31.21, lon: 115.21 });
    const q = '/api/reports/map?west=115.1&south=31.1&east=115.3&north=31.3';
    const a = (await as.streetA!.get(q)).json();
    expect(a.points.map((p: unknown[]) => p[0])).toEqual([inA.id]);
    expect(a.points[0]).toEqual([inA.id, 31.2, 115.2, 'received', 'hidden_danger']);
    expect(JSON.stringify(a)).not.toContain('13700000001');
    const d = (await as.district!.get(q)).json();
    expect(d.points.map((p: unknown[]) => p[0]).sort()).toEqual([inA.id, inB.id].sort());
    expect((await as.streetA!.get('/api/reports/map?west=x&south=31&east=115&north=32')).statusCode).toBe(400);
  });
});

describe('abuse controls of the public form', () => {
  const post = (payload: unknown, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/public/reports', payload: payload as never, remoteAddress: ip });
  const challenge = async (ip: string) => {
    const c = (await t.app.inject({ method: 'GET', url: '/api/public/report-challenge', remoteAddress: ip })).json();
    const [x, y] = (c.question as string).match(/\d+/g)!.map(Number);
    return { id: c.id as string, answer: String(x! + y!) };
  };

  it('limits reports per phone a day (429, bilingual), whatever the address; the phone is stored only hashed', async () => {
    const reporter = { name: '钱某', phone: '13811112222' };
    for (let i = 0; i < t.config.reports.perPhonePerDay; i++) expect((await post(body({ reporter }), nextIp())).statusCode).toBe(200);
    const n = await count('reports');
    const res = await post(body({ reporter }), nextIp());
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(res.json().error.details[0]).toMatchObject({ field: 'reporter.phone', message: '该手机号今日提交的举报已达上限，请明日再试' });
    expect(await count('reports')).toBe(n);
    // another phone is not affected
    expect((await post(body({ reporter: { ...reporter, phone: '13811113333' } }), nextIp())).statusCode).toBe(200);
    const marks = await t.database.db.execute(sql`select key_hash from report_submission_marks`);
    expect(JSON.stringify(marks)).not.toContain('13811112222');
  });

  it('asks for a challenge from the third submission an hour from one address; single use, wrong answers refused', async () => {
    const ip = '10.77.0.1';
    expect(t.config.reports.challengeAfterPerHour).toBe(3);
    expect((await post(body(), ip)).statusCode).toBe(200);
    expect((await post(body(), ip)).statusCode).toBe(200);
    const n = await count('reports');
    const missing = await post(body(), ip);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ field: 'challenge', message: '提交较频繁，请先完成验证题' });
    const c = await challenge(ip);
    const wrong = await post(body({ challenge: { id: c.id, answer: String(Number(c.answer) + 1) } }), ip);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('challenge');
    // the wrong answer spent it: the right answer to the same challenge is refused too
    expect((await post(body({ challenge: c }), ip)).statusCode).toBe(400);
    expect(await count('reports')).toBe(n);
    const fresh = await challenge(ip);
    expect((await post(body({ challenge: fresh }), ip)).statusCode).toBe(200);
    expect((await post(body({ challenge: fresh }), ip)).statusCode).toBe(400);
    // a malformed answer is a field error of the one shape
    const bad = await post(body({ challenge: { id: fresh.id, answer: 'abc' } }), ip);
    expect(bad.statusCode).toBe(400);
    // other addresses are not asked
    expect((await post(body(), '10.77.0.2')).statusCode).toBe(200);
  });
});
