// 举报奖励 through the API (安监总财〔2018〕19号; rules.md §8): the reward's machine due → proposed → approved (the
// leader) → paid with the amount from the rules; only the first valid reporter of a matter; the rate paid / due per
// year and area; scope (street, industry and park officers get 404); the reporter never in a reward response, the
// audit trail or the events; the reporter's notices from events. The verification finding and the credit entry are in
// verification.db.test.ts, the system actor's steps (the fine read, the lapse) in system-actor.db.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Client } from '../../../../test/app';
import { check } from '../../../platform/state-machine';
import { cstDate } from '../../../platform/time';
import { notificationsConsumer } from '../../notifications/notifications.consumer';
import { rewardMachine } from './rewards.workflow';
import { minimalPdf, multipart } from '../../../platform/files.fixtures';
import { as, eventsOf, handledReport, ids, q, REPORTER, rewardOf, setUpRewardsWorld, streetA, t, verify, year } from './rewards.fixtures';
beforeAll(setUpRewardsWorld);
afterAll(() => t.close());

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
