// 举报奖励 through the API (安监总财〔2018〕19号; rules.md §8): the verification finding on a handled report (its own
// audited command and the report.verified event; bilingual 400s that change nothing; 409 with current; 404 out of
// scope); a verified named report makes a reward due, an anonymous or unfounded one does not; the reward's machine
// due → proposed → approved (the leader) → paid with the amount from the rules; only the first valid reporter of a
// matter; the rate paid / due per year and area; scope (street, industry and park officers get 404); the reporter
// never in a reward response, the audit trail or the events; the credit entry and the reporter's notices from events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../../test/app';
import { loadConfig } from '../../../platform/config';
import { buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../../seed/factories';
import { rowsOf } from '../../../platform/db';
import { check } from '../../../platform/state-machine';
import { cstDate } from '../../../platform/time';
import { handleCreditEvent } from '../../credit/credit.consumer';
import { notificationsConsumer } from '../../notifications/notifications.consumer';
import { rewardMachine } from './rewards.workflow';
import { minimalPdf, multipart } from '../../../platform/files.fixtures';
import { addWorkdays } from '../../../platform/calendar';
import { appendEvent } from '../../../platform/outbox';
import { SYSTEM_ACTOR_ID, systemActor } from '../../../platform/system-actor';
import { penaltyCases } from '../../../db/schema';
import { evaluateRewardClaims } from '../../notifications/notifications.rewards';
import { handleRewardEvent } from './rewards.consumer';
import { lapseUnclaimedRewards } from './rewards.job';
import { claimDueOf } from './rewards.rules';

let t: TestApp;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};
let streetA: string;
let enterpriseId: string;
let enterpriseSector: string;
let ipSeq = 0;
const year = Number(cstDate().slice(0, 4));

const REPORTER = { name: '赵实名', phone: '13812345670', idNumber: '440301198802021234' };

beforeAll(async () => {
  // One named reporter files many reports here; the per-phone limit of the public form (its own tests in
  // duplicates.db.test.ts) is lifted so that these tests are about rewards.
  const defaults = loadConfig({}, []);
  t = await buildTestApp({ reports: { ...defaults.reports, perPhonePerDay: 1000 } });
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district, name: '乙街道' });
  streetA = a.code;
  const ent = await buildEnterprise(db, { area: a, name: '甲五金厂' });
  enterpriseId = ent.id;
  enterpriseSector = ent.sector;
  const park = await buildPark(db, { street: a });
  const login = async (key: string, role: Role, org: Awaited<ReturnType<typeof buildOrg>> | null) => {
    const u = await buildUser(db, { role, org });
    ids[key] = u.id;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', await buildOrg(db, { area: district }));
  await login('leader', 'district_leader', await buildOrg(db, { area: district }));
  await login('streetA', 'street_officer', await buildOrg(db, { area: a, kind: 'street_office' }));
  await login('streetB', 'street_officer', await buildOrg(db, { area: b, kind: 'street_office' }));
  await login(
    'industry',
    'industry_officer',
    await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  );
  await login('park', 'park_officer', await buildOrg(db, { area: a, kind: 'park_station', parkId: park.id }));
  await login('citizen', 'public', null);
  await login('auditor', 'audit_admin', await buildOrg(db, { area: district }));
});
afterAll(() => t.close());

const body = (o: Record<string, unknown> = {}) => ({
  category: 'hidden_danger',
  areaCode: streetA,
  address: '甲街道工业路8号',
  enterpriseName: '甲五金厂',
  occurredOn: cstDate(),
  description: '车间消防通道被货物堵塞，灭火器过期。',
  ...o,
});

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(query));

/** A report taken to 'handling' by street A; named (by the citizen's account) unless `anonymous`. */
async function handledReport(o: { anonymous?: boolean; areaCode?: string; handler?: string } = {}) {
  const payload = body({ areaCode: o.areaCode ?? streetA, ...(o.anonymous ? {} : { reporter: REPORTER }) });
  const res = o.anonymous
    ? await t.app.inject({ method: 'POST', url: '/api/public/reports', payload, remoteAddress: `10.7.0.${++ipSeq}` })
    : await as.citizen!.request({ method: 'POST', url: '/api/public/reports', payload, remoteAddress: `10.8.0.${++ipSeq}` });
  expect(res.statusCode, res.body).toBe(200);
  const code = (res.json() as { trackingCode: string }).trackingCode;
  const [{ id }] = (await q<{ id: string }>(sql`select id from reports where tracking_code = ${code}`)) as [{ id: string }];
  const handler = as[o.handler ?? 'streetA']!;
  let v = (await handler.post(`/api/reports/${id}/act`, { action: 'accept', version: 1 })).json();
  v = (await handler.post(`/api/reports/${id}/act`, { action: 'assign', version: v.version })).json();
  expect(v.status).toBe('handling');
  return { id, code, version: v.version as number };
}

async function verify(id: string, version: number, finding = 'verified', c = as.streetA!) {
  return c.post(`/api/reports/${id}/verification`, { finding, note: '经现场核查，消防通道确被堵塞', version });
}

async function rewardOf(reportId: string) {
  const v = (await as.district!.get(`/api/reports/${reportId}/verification`)).json();
  return v.rewardId as string | null;
}

async function eventsOf(type: string, entityId: string) {
  return t.database.db.query.domainEvents.findMany({ where: (e, { and, eq }) => and(eq(e.type, type), eq(e.entityId, entityId)) });
}

describe('verification finding (核查结果)', () => {
  it('is recorded by the handler while handling, audited, with a report.verified event, and makes a named reporter’s reward due', async () => {
    const r = await handledReport();
    const before = (await as.streetA!.get(`/api/reports/${r.id}/verification`)).json();
    expect(before).toMatchObject({ finding: null, rewardId: null, abilities: ['verify'] });
    const res = await verify(r.id, r.version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ finding: 'verified', note: '经现场核查，消防通道确被堵塞', rewardStatus: 'due', abilities: [] });
    // the report's own status is untouched
    expect((await as.streetA!.get(`/api/reports/${r.id}`)).json().status).toBe('handling');
    expect(await eventsOf('report.verified', r.id)).toHaveLength(1);
    const audit = await q<{ action: string }>(
      sql`select action from audit_log where entity_id in (${r.id}, ${res.json().rewardId}) order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['report.verify', 'report_reward.create']));
    // a second finding is refused and changes nothing
    const again = await verify(r.id, r.version, 'unfounded');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({ field: 'finding', message: '该举报已登记核查结果' });
    expect((await as.streetA!.get(`/api/reports/${r.id}/verification`)).json().finding).toBe('verified');
  });

  it('refuses a received report bilingually, a stale version with 409 and current, another street with 404', async () => {
    const res = await as.citizen!.request({
      method: 'POST',
      url: '/api/public/reports',
      payload: body({ reporter: REPORTER }),
      remoteAddress: `10.9.0.${++ipSeq}`,
    });
    const [{ id }] = (await q<{ id: string }>(sql`select id from reports where tracking_code = ${res.json().trackingCode}`)) as [
      { id: string },
    ];
    const zh = await verify(id, 1);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details[0].message).toBe('举报处于核查处理中或已答复时才能登记核查结果');
    const en = await as.streetA!.request({
      method: 'POST',
      url: `/api/reports/${id}/verification`,
      payload: { finding: 'verified', note: '核查属实', version: 1 },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('A finding is recorded while the report is handled or replied');
    expect((await q(sql`select * from report_verifications where report_id = ${id}`)).length).toBe(0);
    expect((await as.streetA!.post(`/api/reports/${id}/verification`, { finding: 'maybe', note: 'x', version: 1 })).statusCode).toBe(400);

    const r = await handledReport();
    const stale = await verify(r.id, r.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: r.id, status: 'handling' });
    expect((await verify(r.id, r.version, 'verified', as.streetB!)).statusCode).toBe(404);
    expect((await as.streetB!.get(`/api/reports/${r.id}/verification`)).statusCode).toBe(404);
    expect((await verify(r.id, r.version, 'verified', as.leader!)).statusCode).toBe(403);
  });

  it('makes no reward due for an anonymous report or an unfounded finding', async () => {
    const anon = await handledReport({ anonymous: true });
    expect((await verify(anon.id, anon.version)).json()).toMatchObject({ finding: 'verified', rewardId: null });
    const unfounded = await handledReport();
    expect((await verify(unfounded.id, unfounded.version, 'unfounded')).json()).toMatchObject({ finding: 'unfounded', rewardId: null });
  });
});

describe('reward workflow (rules.md §8)', () => {
  it('goes due → proposed (15 % of the fine) → approved by the leader → paid, audited, and the reporter is told', async () => {
    const r = await handledReport();
    await verify(r.id, r.version);
    const id = (await rewardOf(r.id))!;
    let v = (await as.district!.get(`/api/rewards/${id}`)).json();
    expect(v).toMatchObject({ status: 'due', amount: null, abilities: expect.arrayContaining(['propose', 'decline']) });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}/reward` })).json()).toMatchObject({
      status: 'due',
      amount: null,
    });

    // missing inputs: bilingual 400, nothing changed
    const missing = await as.district!.post(`/api/rewards/${id}/act`, {
      action: 'propose',
      version: v.version,
      matter: 'fine',
      basisRef: '深龙应急罚〔2026〕1号',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ field: 'fine', message: '请填写处罚决定的罚款金额' });
    expect((await as.district!.get(`/api/rewards/${id}`)).json().version).toBe(v.version);

    // 100,000 元 fine → 15,000 元 (within floor and cap)
    const proposed = await as.district!.post(`/api/rewards/${id}/act`, {
      action: 'propose',
      version: v.version,
      matter: 'fine',
      fine: 100_000,
      basisRef: '深龙应急罚〔2026〕1号',
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    v = proposed.json();
    expect(v).toMatchObject({
      status: 'proposed',
      amount: 15_000,
      fine: 100_000,
      computation: expect.stringContaining('安监总财〔2018〕19号'),
    });
    expect(v.abilities).toEqual(['decline']); // the proposer cannot approve (permission) nor pay yet
    // the officer who proposed may not approve; the stale version is 409 with current
    expect((await as.district!.post(`/api/rewards/${id}/act`, { action: 'approve', version: v.version })).statusCode).toBe(403);
    const stale = await as.leader!.post(`/api/rewards/${id}/act`, { action: 'approve', version: v.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id, status: 'proposed' });
    const approved = await as.leader!.post(`/api/rewards/${id}/act`, { action: 'approve', version: v.version });
    expect(approved.statusCode, approved.body).toBe(200);
    v = approved.json();
    expect(v).toMatchObject({ status: 'approved', approvedOn: cstDate() });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}/reward` })).json()).toMatchObject({
      status: 'approved',
      amount: 15_000,
      notice: expect.stringContaining('15000.00元'),
    });

    // pay: the receipt is required, the day cannot be in the future
    const noReceipt = await as.district!.post(`/api/rewards/${id}/act`, {
      action: 'pay',
      version: v.version,
      paidOn: cstDate(),
      payMethod: 'bank_transfer',
    });
    expect(noReceipt.statusCode).toBe(400);
    expect(noReceipt.json().error.details[0]).toMatchObject({ field: 'receiptNo', message: '请填写收据编号' });
    const future = await as.district!.post(`/api/rewards/${id}/act`, {
      action: 'pay',
      version: v.version,
      paidOn: '2099-01-01',
      payMethod: 'bank_transfer',
      receiptNo: 'JL-0001',
    });
    expect(future.statusCode).toBe(400);
    const pay = { action: 'pay', version: v.version, paidOn: cstDate(), payMethod: 'bank_transfer', receiptNo: 'JL-0001' };
    const noVoucher = await as.district!.post(`/api/rewards/${id}/act`, pay);
    expect(noVoucher.statusCode).toBe(400);
    expect(noVoucher.json().error.details[0]).toMatchObject({
      field: 'receiptFileId',
      message: '请上传发放凭证，或说明无法提供凭证的理由',
    });
    // the voucher goes through the files platform's checks; only the payer uploads
    const voucher = multipart('发放凭证.pdf', 'application/pdf', minimalPdf());
    const upload = (c: Client, m = voucher) =>
      c.request({ method: 'POST', url: '/api/rewards/receipts', payload: m.payload, headers: m.headers });
    expect((await upload(as.streetA!)).statusCode).toBe(403);
    const fake = await upload(as.district!, multipart('凭证.pdf', 'application/pdf', Buffer.from('<html>not a pdf</html>')));
    expect(fake.statusCode).toBe(415);
    const up = await upload(as.district!);
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    const paid = await as.district!.post(`/api/rewards/${id}/act`, { ...pay, receiptFileId: fileId });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      receiptNo: 'JL-0001',
      payMethod: 'bank_transfer',
      receipt: { id: fileId, name: '发放凭证.pdf', mime: 'application/pdf' },
    });
    // the approver and the auditor open the voucher; a street officer sees the reward without it; the public never
    expect((await as.streetA!.get(`/api/rewards/${id}`)).json()).toMatchObject({ status: 'paid', receipt: null });
    for (const key of ['leader', 'auditor', 'district']) expect((await as[key]!.get(`/api/files/${fileId}`)).statusCode, key).toBe(200);
    for (const key of ['streetA', 'streetB', 'citizen']) expect((await as[key]!.get(`/api/files/${fileId}`)).statusCode, key).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${fileId}` })).statusCode).toBe(401);
    expect(JSON.stringify((await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}/reward` })).json())).not.toContain(
      fileId,
    );
    expect(paid.json().history.map((h: { action: string }) => h.action)).toEqual(['create', 'propose', 'approve', 'pay']);
    const actions = await q<{ action: string }>(sql`select action from audit_log where entity_id = ${id} order by id`);
    expect(actions.map((a) => a.action)).toEqual([
      'report_reward.create',
      'report_reward.propose',
      'report_reward.approve',
      'report_reward.pay',
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}/reward` })).json().notice).toContain(cstDate());

    // the citizen's account hears of approval and payment; the leader heard of the proposal
    for (const type of ['report_reward.propose', 'report_reward.approve', 'report_reward.pay']) {
      const [e] = await eventsOf(type, id);
      await t.database.db.transaction((tx) => notificationsConsumer.handle(tx, e!));
    }
    const notices = await q<{ user_id: string; title_zh: string }>(
      sql`select user_id, title_zh from notifications where entity_id in (${r.id}, ${id}) order by id`,
    );
    expect(
      notices
        .filter((n) => n.user_id === ids.citizen)
        .map((n) => n.title_zh)
        .sort(),
    ).toEqual(['您的举报奖励已发放', '您的举报奖励已批准，请按举报查询页面的提示领取']);
    expect(notices.some((n) => n.user_id === ids.leader && n.title_zh === '举报奖励待审批')).toBe(true);
  });

  it('computes a concealed accident per death by level, capped (§8: 6万 × 6 → 30万)', async () => {
    const r = await handledReport();
    await verify(r.id, r.version);
    const id = (await rewardOf(r.id))!;
    const res = await as.district!.post(`/api/rewards/${id}/act`, {
      action: 'propose',
      version: 1,
      matter: 'concealed_accident',
      accidentLevel: 'especially_major',
      deaths: 6,
      basisRef: 'SG-2026-0001',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ amount: 300_000, deaths: 6, accidentLevel: 'especially_major' });
    // returned to due with a reason, then declined
    const back = await as.leader!.post(`/api/rewards/${id}/act`, {
      action: 'return',
      version: res.json().version,
      reason: '请核对死亡人数',
    });
    expect(back.json()).toMatchObject({ status: 'due', reason: '请核对死亡人数' });
    const declined = await as.district!.post(`/api/rewards/${id}/act`, { action: 'decline', version: back.json().version });
    expect(declined.statusCode).toBe(400);
    expect(declined.json().error.details[0]).toMatchObject({ field: 'reason' });
  });

  it('rewards only the first valid reporter of one matter (§8 eligibility)', async () => {
    const first = await handledReport();
    const second = await handledReport();
    await verify(first.id, first.version);
    await verify(second.id, second.version);
    const [a, b] = [(await rewardOf(first.id))!, (await rewardOf(second.id))!];
    const propose = (id: string, version: number) =>
      as.district!.post(`/api/rewards/${id}/act`, {
        action: 'propose',
        version,
        matter: 'fine',
        fine: 30_000,
        basisRef: '深龙应急罚〔2026〕9号',
      });
    // the later report proposed first passes; once the earlier one is proposed, the later one cannot be approved
    const pb = await propose(b, 1);
    expect(pb.statusCode, pb.body).toBe(200);
    expect(pb.json().amount).toBe(4_500);
    const pa = await propose(a, 1);
    expect(pa.statusCode, pa.body).toBe(200);
    const refused = await as.leader!.post(`/api/rewards/${b}/act`, { action: 'approve', version: pb.json().version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({
      field: 'basisRef',
      message: '同一事项已有更早受理的有效举报，只奖励第一个有效举报人',
    });
    expect((await as.leader!.post(`/api/rewards/${a}/act`, { action: 'approve', version: pa.json().version })).statusCode).toBe(200);
    // and the later one is declined with its reason
    const d = await as.district!.post(`/api/rewards/${b}/act`, {
      action: 'decline',
      version: pb.json().version,
      reason: '非第一个有效举报人',
    });
    expect(d.json().status).toBe('declined');
  });

  it('lets nobody approve the reward they proposed (the machine’s guard)', () => {
    const row = { status: 'proposed', proposedBy: 'u-1' };
    expect(check(rewardMachine, row, { role: 'district_leader', id: 'u-1' } as never, 'approve')).toMatchObject({
      ok: false,
      refusal: { reason: 'same_person' },
    });
    expect(check(rewardMachine, row, { role: 'district_leader', id: 'u-2' } as never, 'approve')).toMatchObject({
      ok: true,
      to: 'approved',
    });
  });
});

describe('rate, scope and the vault', () => {
  it('counts paid / due per year and area, declined rewards not due; lists and reads only within scope', async () => {
    const rate = (await as.district!.get(`/api/rewards/rate?year=${year}`)).json();
    const rowA = rate.areas.find((x: { areaCode: string }) => x.areaCode === streetA);
    // so far in street A: 1 paid, 1 approved, 1 due (returned), 1 proposed (the 2nd test's …) — declined excluded
    const counts = await q<{ due: number; paid: number }>(sql`
      select count(*) filter (where status <> 'declined')::int as due, count(*) filter (where status = 'paid')::int as paid
        from report_rewards where area_code = ${streetA} and year = ${year}`);
    expect(rowA).toMatchObject({ due: counts[0]!.due, paid: counts[0]!.paid, areaName: '甲街道' });
    expect(rowA.rate).toBeCloseTo(counts[0]!.paid / counts[0]!.due, 4);
    expect(rate.total.paid).toBe(1);
    expect((await as.district!.get(`/api/rewards/rate`)).statusCode).toBe(400);
    expect((await as.district!.get(`/api/rewards/rate?year=1999`)).statusCode).toBe(400);

    const list = (await as.district!.get(`/api/rewards?year=${year}&pageSize=200`)).json();
    expect(list.total).toBeGreaterThan(0);
    const some = list.items[0].id as string;
    for (const key of ['streetB', 'industry', 'park']) {
      expect((await as[key]!.get(`/api/rewards/${some}`)).statusCode, key).toBe(404);
      expect((await as[key]!.get('/api/rewards?pageSize=200')).json().total, key).toBe(0);
      expect((await as[key]!.get(`/api/rewards/rate?year=${year}`)).json().total.due, key).toBe(0);
    }
    expect((await as.streetA!.get(`/api/rewards/${some}`)).statusCode).toBe(200);
    // a street officer reads but takes no step; the leader's step out of scope would be 404
    expect((await as.streetA!.post(`/api/rewards/${some}/act`, { action: 'approve', version: 1 })).statusCode).toBe(403);
  });

  it('never shows the reporter to a handler, the auditor or the bureau in any reward answer, event or audit entry', async () => {
    const r = await handledReport();
    const v = (await verify(r.id, r.version)).json();
    const id = v.rewardId as string;
    const leaks = (text: string) => [REPORTER.name, REPORTER.phone, REPORTER.idNumber].filter((s) => text.includes(s));
    const answers = [
      (await as.streetA!.get(`/api/rewards/${id}`)).body,
      (await as.streetA!.get('/api/rewards?pageSize=200')).body,
      (await as.streetA!.get(`/api/reports/${r.id}/verification`)).body,
      (await as.district!.get(`/api/rewards/${id}`)).body,
      (await as.district!.get(`/api/rewards/rate?year=${year}`)).body,
      (await as.leader!.get('/api/rewards?pageSize=200')).body,
      (await as.auditor!.get('/api/audit?pageSize=200')).body,
      (await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}/reward` })).body,
      JSON.stringify(await q(sql`select * from audit_log`)),
      JSON.stringify(await q(sql`select * from domain_events`)),
      JSON.stringify(await q(sql`select * from state_transitions where record_type = 'report_reward'`)),
      JSON.stringify(await q(sql`select * from report_rewards`)),
      JSON.stringify(await q(sql`select * from notifications`)),
    ];
    for (const text of answers) expect(leaks(text)).toEqual([]);
    // the payer who needs the identity goes through the report's audited reveal
    const shown = await as.district!.post(`/api/reports/${r.id}/reporter/reveal`, { reason: '发放举报奖励核验身份' });
    expect(shown.json()).toMatchObject({ name: REPORTER.name });
    expect(await q(sql`select 1 from audit_log where action = 'report.revealReporter' and entity_id = ${r.id}`)).toHaveLength(1);
  });
});

describe('credit entry from report.verified (credit.consumer.ts)', () => {
  it('writes one verified_report entry when the report names an enterprise, none otherwise', async () => {
    const named = await handledReport();
    await t.database.db.execute(sql`update reports set enterprise_id = ${enterpriseId} where id = ${named.id}`);
    await verify(named.id, named.version);
    const plain = await handledReport();
    await verify(plain.id, plain.version);
    const unfounded = await handledReport();
    await t.database.db.execute(sql`update reports set enterprise_id = ${enterpriseId} where id = ${unfounded.id}`);
    await verify(unfounded.id, unfounded.version, 'unfounded');
    for (const rid of [named.id, plain.id, unfounded.id]) {
      const [e] = await eventsOf('report.verified', rid);
      await t.database.db.transaction((tx) => handleCreditEvent(tx, e!));
      await t.database.db.transaction((tx) => handleCreditEvent(tx, e!)); // redelivered: still one entry
    }
    const entries = await q<{ source_id: string; kind: string; title: string; enterprise_id: string }>(
      sql`select source_id, kind, title, enterprise_id from credit_entries where source_type = 'report'`,
    );
    expect(entries).toEqual([
      { source_id: named.id, kind: 'verified_report', title: '举报经核查属实：事故隐患', enterprise_id: enterpriseId },
    ]);
  });
});

/** A penalty case against the enterprise in street A: decided with `fine` 元, or still in legal review. */
async function penaltyCase(n: number, fine: string | null) {
  const [c] = await t.database.db
    .insert(penaltyCases)
    .values({
      number: `深龙应急罚〔2026〕${n}号`,
      enterpriseId,
      areaCode: streetA,
      sector: enterpriseSector,
      procedure: 'general',
      partyKind: 'organisation',
      partyName: '甲五金厂',
      violation: '安全出口、疏散通道被占用',
      basisId: 'AQF-99',
      fine,
      status: fine === null ? 'reviewed' : 'decided',
      filedOn: '2026-09-01',
      decidedOn: fine === null ? null : cstDate(),
    })
    .returning();
  return c!;
}

/** Delivers each event of `type` on `entityId` to the rewards consumer, twice (a redelivery must change nothing). */
async function deliver(type: string, entityId: string) {
  for (const e of await eventsOf(type, entityId)) {
    for (let i = 0; i < 2; i++) await t.database.db.transaction((tx) => handleRewardEvent(tx, e));
  }
}

const readFineAudits = (id: string) =>
  q<{ actor_id: string; actor_name: string; actor_role: string }>(
    sql`select actor_id, actor_name, actor_role from audit_log where entity_id = ${id} and action = 'report_reward.read_fine'`,
  );

describe('the fine read from the linked penalty decision (rewards.consumer.ts, the system actor)', () => {
  it('reads the decision’s fine once it is made, idempotently, and the proposal needs no typing', async () => {
    const r = await handledReport();
    const c = await penaltyCase(101, null);
    const linked = await as.streetA!.post(`/api/reports/${r.id}/links`, { version: r.version, kind: 'case', targetId: c.id });
    expect(linked.statusCode, linked.body).toBe(200);
    await verify(r.id, linked.json().version);
    const id = (await rewardOf(r.id))!;
    // the reward fell due before the decision: nothing to read yet
    await deliver('report.link', r.id);
    await deliver('report_reward.create', id);
    expect((await as.district!.get(`/api/rewards/${id}`)).json()).toMatchObject({ fineSource: null, fine: null, version: 1 });

    await t.database.db
      .update(penaltyCases)
      .set({ status: 'decided', fine: '20000.55', decidedOn: cstDate() })
      .where(sql`id = ${c.id}`);
    await appendEvent(t.database.db, 'case.decide', 'penalty_case', c, null, { from: 'reviewed', to: 'decided' });
    await deliver('case.decide', c.id);
    const v = (await as.district!.get(`/api/rewards/${id}`)).json();
    // 15 % of 20,000.55 元 = 3,000.0825 → 3,000.08 元, above the 3,000 元 floor (§8)
    expect(v).toMatchObject({
      status: 'due',
      matter: 'fine',
      fine: 20_000.55,
      amount: 3_000.08,
      basisRef: c.number,
      fineSource: 'case',
      fineReadOn: cstDate(),
      fineCases: [{ caseId: c.id, number: c.number, fine: 20_000.55, link: `/enforcement/cases/${c.id}` }],
      computation: expect.stringContaining('安监总财〔2018〕19号'),
      version: 2,
    });
    // read once although every event came twice; audited as the platform itself
    expect(await readFineAudits(id)).toEqual([{ actor_id: SYSTEM_ACTOR_ID, actor_name: 'system', actor_role: 'system' }]);

    const proposed = await as.district!.post(`/api/rewards/${id}/act`, { action: 'propose', version: v.version });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'proposed', amount: 3_000.08, basisRef: c.number, fineSource: 'case' });
  });

  it('leaves a fine typed by hand alone, and forgets a read fine whose decision was changed or revoked', async () => {
    const manual = await handledReport();
    const due = await handledReport();
    const c = await penaltyCase(102, '400000');
    for (const r of [manual, due]) {
      const linked = await as.streetA!.post(`/api/reports/${r.id}/links`, { version: r.version, kind: 'case', targetId: c.id });
      const version = linked.json().version as number;
      await verify(r.id, version);
    }
    const [m, d] = [(await rewardOf(manual.id))!, (await rewardOf(due.id))!];
    const typed = await as.district!.post(`/api/rewards/${m}/act`, {
      action: 'propose',
      version: 1,
      matter: 'fine',
      fine: 50_000,
      basisRef: '外区罚〔2026〕7号',
    });
    expect(typed.json()).toMatchObject({ fineSource: 'manual', amount: 7_500 });
    await deliver('report.link', manual.id);
    await deliver('report.link', due.id);
    expect((await as.district!.get(`/api/rewards/${m}`)).json()).toMatchObject({ fineSource: 'manual', amount: 7_500, fine: 50_000 });
    expect((await as.district!.get(`/api/rewards/${d}`)).json()).toMatchObject({ fineSource: 'case', amount: 60_000 });

    await t.database.db
      .update(penaltyCases)
      .set({ changedOn: cstDate() })
      .where(sql`id = ${c.id}`);
    await appendEvent(t.database.db, 'case.change_decision', 'penalty_case', c, null, { from: 'decided', to: 'decided' });
    await deliver('case.change_decision', c.id);
    expect((await as.district!.get(`/api/rewards/${d}`)).json()).toMatchObject({ fineSource: null, amount: null, fine: null });
    expect((await as.district!.get(`/api/rewards/${m}`)).json()).toMatchObject({ fineSource: 'manual', amount: 7_500 });
  });
});

describe('automatic lapse of an unclaimed reward (rewards.job.ts, the system actor)', () => {
  it('reminds the reporter, then lapses the day after the claim day — a holiday end runs to the next working day', async () => {
    const r = await handledReport();
    await verify(r.id, r.version);
    const id = (await rewardOf(r.id))!;
    const p = await as.district!.post(`/api/rewards/${id}/act`, {
      action: 'propose',
      version: 1,
      matter: 'fine',
      fine: 30_000,
      basisRef: '深龙应急罚〔2026〕201号',
    });
    const approved = (await as.leader!.post(`/api/rewards/${id}/act`, { action: 'approve', version: p.json().version })).json();
    const nextWorkday = (d: string) => addWorkdays(d, 0);
    expect(approved.claimDue).toBe(claimDueOf(cstDate(), nextWorkday));
    const track = async () => (await t.app.inject({ method: 'GET', url: `/api/public/reports/${r.code}/reward` })).json();
    expect(await track()).toMatchObject({
      status: 'approved',
      claimDue: approved.claimDue,
      notice: expect.stringContaining('逾期未领取视为放弃'),
    });

    // approved on 2026-08-02: the 60th day is 10-01, in the National Day holiday, so the claim runs to 10-08
    const claimDue = claimDueOf('2026-08-02', nextWorkday);
    expect(claimDue).toBe('2026-10-08');
    await t.database.db.execute(sql`update report_rewards set approved_on = '2026-08-02', claim_due = ${claimDue} where id = ${id}`);
    const db = t.database.db;
    expect((await evaluateRewardClaims(db, '2026-09-23')).notices).toBe(1); // 15 days before
    expect((await evaluateRewardClaims(db, '2026-09-23')).notices).toBe(0); // once
    expect((await lapseUnclaimedRewards(db, '2026-10-02')).lapsed).toBe(0); // plain days would have lapsed it
    expect((await lapseUnclaimedRewards(db, '2026-10-08')).lapsed).toBe(0); // the claim day is still in time
    expect((await lapseUnclaimedRewards(db, '2026-10-09')).lapsed).toBe(1);
    expect((await lapseUnclaimedRewards(db, '2026-10-09')).lapsed).toBe(0);

    const v = (await as.district!.get(`/api/rewards/${id}`)).json();
    expect(v).toMatchObject({ status: 'lapsed', reason: '逾期未领取：领奖期限（批准后60日）至2026-10-08届满' });
    expect(v.history.at(-1)).toMatchObject({ action: 'lapse', from: 'approved', to: 'lapsed', actorName: 'system' });
    const audit = await q<{ actor_id: string; actor_role: string }>(
      sql`select actor_id, actor_role from audit_log where entity_id = ${id} and action = 'report_reward.lapse'`,
    );
    expect(audit).toEqual([{ actor_id: SYSTEM_ACTOR_ID, actor_role: 'system' }]);
    const [lapse] = await eventsOf('report_reward.lapse', id);
    expect(lapse!.actorId).toBe(SYSTEM_ACTOR_ID);
    await t.database.db.transaction((tx) => notificationsConsumer.handle(tx, lapse!));
    const notices = await q<{ title_zh: string }>(
      sql`select title_zh from notifications where user_id = ${ids.citizen} and entity_id = ${r.id}`,
    );
    expect(notices.map((n) => n.title_zh)).toEqual(
      expect.arrayContaining(['您的举报奖励领取期限还有15天，请及时领取（至2026-10-08）', '您的举报奖励因逾期未领取已失效']),
    );
    expect(await track()).toMatchObject({ status: 'lapsed', claimDue: null });
  });

  it('lets the system actor take only the steps its machine names, and no login role pass as it', () => {
    expect(check(rewardMachine, { status: 'approved' }, systemActor, 'lapse', { reason: '逾期' })).toMatchObject({
      ok: true,
      to: 'lapsed',
    });
    for (const action of ['propose', 'approve', 'pay', 'decline'] as const) {
      expect(check(rewardMachine, { status: 'approved' }, systemActor, action).ok, action).toBe(false);
    }
    expect(check(rewardMachine, { status: 'approved' }, { role: 'street_officer' }, 'lapse', { reason: '逾期' }).ok).toBe(false);
  });
});
