// 举报奖励 steps the platform takes itself, as the system actor: the fine read from the penalty decision linked to the
// report (rewards.consumer.ts: once the decision is made, idempotently; a fine typed by hand left alone; a changed or
// revoked decision forgotten) and the lapse of a reward unclaimed by the claim day (rewards.job.ts: the reminder, a
// holiday end moved to the next working day, audited as the system, the reporter told); the machine lets the system
// actor take only its own steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { check } from '../../../platform/state-machine';
import { cstDate } from '../../../platform/time';
import { notificationsConsumer } from '../../notifications/notifications.consumer';
import { rewardMachine } from './rewards.workflow';
import { addWorkdays } from '../../../platform/calendar';
import { appendEvent } from '../../../platform/outbox';
import { SYSTEM_ACTOR_ID, systemActor } from '../../../platform/system-actor';
import { penaltyCases } from '../../../db/schema';
import { evaluateRewardClaims } from '../../notifications/notifications.rewards';
import { handleRewardEvent } from './rewards.consumer';
import { lapseUnclaimedRewards } from './rewards.job';
import { claimDueOf } from './rewards.rules';
import {
  as,
  enterpriseId,
  enterpriseSector,
  eventsOf,
  handledReport,
  ids,
  q,
  rewardOf,
  setUpRewardsWorld,
  streetA,
  t,
  verify,
} from './rewards.fixtures';
beforeAll(setUpRewardsWorld);
afterAll(() => t.close());

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
