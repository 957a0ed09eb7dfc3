// The verification finding (核查结果) on a handled report through the API (rules.md §8): its own audited command and
// the report.verified event; bilingual 400s that change nothing; 409 with current; 404 out of scope; a verified named
// report makes a reward due, an anonymous or unfounded one does not; the credit entry from report.verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { handleCreditEvent } from '../../credit/credit.consumer';
import { as, body, enterpriseId, eventsOf, handledReport, nextIpSeq, q, REPORTER, setUpRewardsWorld, t, verify } from './rewards.fixtures';
beforeAll(setUpRewardsWorld);
afterAll(() => t.close());

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
      remoteAddress: `10.9.0.${nextIpSeq()}`,
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
