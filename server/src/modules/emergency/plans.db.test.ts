// 应急预案, 演练 and readiness through the API (rules.md §11): an enterprise writes a plan with disposal cards and
// submits it; the authority returns it with a reason, then accepts it with a filing number (evaluation due exactly 3
// years on); bilingual 400s change nothing; 404 for another street, another industry department and another park;
// 409 with `current`; audit entries; the disposal cards .docx read back; a fatal accident event opens one revision
// duty per filed plan however often it is delivered; a drill finding opens a revision duty; drill compliance and the
// readiness counts; reminders are idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { addMonths, cstDate } from '../../platform/time';
import { areas, auditLog, domainEvents, emergencyDrillStatus, emergencyPlanRevisions, enterprises, notifications } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { areaPrefixOf } from '../../platform/scope';
import { drillCountsByArea } from './drills.area-counts';
import { directCountsFor } from './drills.queries';
import { emergencyConsumer } from './emergency.consumer';
import { evaluatePlanReminders } from './plans.job';

let t: TestApp;
const as: Record<string, Client> = {};
let e1 = '';
let e2 = '';
let district = '';
const today = cstDate();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const d = await buildDistrict(db, '预案测试区');
  const a = await buildStreet(db, { district: d, name: '甲街道' });
  const b = await buildStreet(db, { district: d, name: '乙街道' });
  district = d.code;
  const parkA = await buildPark(db, { street: a, name: '甲园区' });
  const parkB = await buildPark(db, { street: b, name: '乙园区' });
  const ca = await buildCommunity(db, { street: a });
  const cb = await buildCommunity(db, { street: b });
  const ent1 = await buildEnterprise(db, { area: ca, sector: 'hazardous_chemicals', parkId: parkA.id, name: '甲化工有限公司' });
  const ent2 = await buildEnterprise(db, { area: cb, sector: 'machinery', name: '乙机械有限公司' });
  e1 = ent1.id;
  e2 = ent2.id;
  const staff = async (key: string, role: Role, org: Parameters<typeof buildOrg>[1]) => {
    const u = await buildUser(db, { role, org: await buildOrg(db, org), displayName: key });
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  const ent = async (key: string, role: Role, enterpriseId: string) => {
    const u = await buildUser(db, { role, enterpriseId, displayName: key });
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await staff('bureau', 'district_officer', { area: d });
  await staff('leader', 'district_leader', { area: d });
  await staff('streetA', 'street_officer', { area: a, kind: 'street_office' });
  await staff('streetB', 'street_officer', { area: b, kind: 'street_office' });
  await staff('chem', 'industry_officer', { area: d, kind: 'industry_department', sectors: ['hazardous_chemicals'] });
  await staff('housing', 'industry_officer', { area: d, kind: 'industry_department', sectors: ['construction'] });
  await staff('parkA', 'park_officer', { area: a, kind: 'park_station', parkId: parkA.id });
  await staff('parkB', 'park_officer', { area: b, kind: 'park_station', parkId: parkB.id });
  await ent('boss', 'enterprise_principal', e1);
  await ent('other', 'enterprise_safety_manager', e2);
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

const planInput = {
  planType: 'onsite',
  title: '储罐区泄漏现场处置方案',
  publishedOn: today,
  summary: '储罐区危险化学品泄漏的现场处置',
  cards: [
    {
      post: '储罐区操作工',
      risks: '液氨泄漏、中毒窒息',
      steps: '1. 佩戴正压式空气呼吸器\n2. 关闭进出料阀门',
      reportTo: '值班长 / 安全总监',
    },
    { post: '中控室操作员', risks: '联锁失效', steps: '启动紧急停车系统', reportTo: '值班长' },
  ],
};

let planId = '';

describe('plans and filing (备案)', () => {
  it('an enterprise writes its plan with disposal cards; a government plan type is refused in both languages, writing nothing', async () => {
    const before = await count('emergency_plans');
    const bad = await as.boss!.post('/api/emergency/plans', { ...planInput, planType: 'gov_overall' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'planType', message: '企业只能编制综合、专项预案或现场处置方案' });
    const en = await as.boss!.request({
      method: 'POST',
      url: '/api/emergency/plans',
      payload: { ...planInput, planType: 'gov_overall' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('An enterprise writes comprehensive, special or on-site plans');
    const badDate = await as.boss!.post('/api/emergency/plans', { ...planInput, publishedOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(await count('emergency_plans')).toBe(before);

    const ok = await as.boss!.post('/api/emergency/plans', planInput);
    expect(ok.statusCode, ok.body).toBe(200);
    const p = ok.json();
    planId = p.id;
    expect(p).toMatchObject({ status: 'draft', enterpriseName: '甲化工有限公司', versionNo: 1, version: 1 });
    expect(p.cards).toHaveLength(2);
    expect(p.abilities).toEqual(expect.arrayContaining(['submit', 'update']));
    expect(p.filingDueOn > today).toBe(true);
    expect(await audits('emergency.plan.create', planId)).toBe(1);
  });

  it('out of scope is 404: another street, another industry department, another park, another enterprise', async () => {
    for (const who of ['streetB', 'housing', 'parkB', 'other']) {
      const r = await as[who]!.get(`/api/emergency/plans/${planId}`);
      expect(r.statusCode, who).toBe(404);
    }
    for (const who of ['streetA', 'chem', 'parkA', 'bureau']) {
      const r = await as[who]!.get(`/api/emergency/plans/${planId}`);
      expect(r.statusCode, who).toBe(200);
    }
    const list = await as.housing!.get('/api/emergency/plans');
    expect(list.json().total).toBe(0);
    const act = await as.parkB!.post(`/api/emergency/plans/${planId}/act`, { version: 1, action: 'return', reason: 'x' });
    expect(act.statusCode).toBe(404);
  });

  it('submit → return with a reason → resubmit → accept with a filing number; 409 carries current', async () => {
    const sub = await as.boss!.post(`/api/emergency/plans/${planId}/act`, { version: 1, action: 'submit' });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe('submitted');
    const queue = await as.chem!.get('/api/emergency/plans?status=submitted');
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(planId);

    const noReason = await as.chem!.post(`/api/emergency/plans/${planId}/act`, { version: 2, action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const stale = await as.chem!.post(`/api/emergency/plans/${planId}/act`, { version: 1, action: 'return', reason: '缺少处置卡' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: planId, status: 'submitted', version: 2 });

    const ret = await as.chem!.post(`/api/emergency/plans/${planId}/act`, { version: 2, action: 'return', reason: '通讯录不全' });
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '通讯录不全' });
    const self = await as.boss!.post(`/api/emergency/plans/${planId}/act`, { version: 3, action: 'accept', filingNo: 'X' });
    expect(self.statusCode).toBe(403);
    const edit = await as.boss!.patch(`/api/emergency/plans/${planId}`, { version: 3, summary: '补充了通讯录' });
    expect(edit.statusCode, edit.body).toBe(200);
    await as.boss!.post(`/api/emergency/plans/${planId}/act`, { version: 4, action: 'submit' });
    const noNo = await as.streetA!.post(`/api/emergency/plans/${planId}/act`, { version: 5, action: 'accept' });
    expect(noNo.statusCode).toBe(400);
    const acc = await as.streetA!.post(`/api/emergency/plans/${planId}/act`, {
      version: 5,
      action: 'accept',
      filingNo: '高明应急备〔2026〕001号',
    });
    expect(acc.statusCode, acc.body).toBe(200);
    // 第三十五条: evaluated every 3 years from filing.
    expect(acc.json()).toMatchObject({
      status: 'filed',
      filingNo: '高明应急备〔2026〕001号',
      filedOn: today,
      evaluationDueOn: addMonths(today, 36),
    });
    expect(await audits('emergency.plan.accept', planId)).toBe(1);
    expect(await audits('emergency.plan.return', planId)).toBe(1);
  });

  it('prints one disposal card per post (.docx read back)', async () => {
    const res = await as.parkA!.get(`/api/emergency/plans/${planId}/cards.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '岗位应急处置卡',
      '储罐区操作工',
      '中控室操作员',
      '液氨泄漏、中毒窒息',
      '关闭进出料阀门',
      '值班长 / 安全总监',
      '甲化工有限公司',
    ])
      expect(text).toContain(s);
    expect(xml.split('w:type="page"').length - 1).toBe(1);
  });

  it('evaluation restarts the 3 years from its day; a future evaluation is refused', async () => {
    const future = await as.boss!.post(`/api/emergency/plans/${planId}/evaluations`, {
      version: 6,
      evaluatedOn: '2099-01-01',
      conclusion: '适用',
    });
    expect(future.statusCode).toBe(400);
    const r = await as.boss!.post(`/api/emergency/plans/${planId}/evaluations`, { version: 6, evaluatedOn: today, conclusion: '预案适用' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ lastEvaluatedOn: today, evaluationDueOn: addMonths(today, 36), evaluationOverdue: false });
    expect(await audits('emergency.plan.evaluate', planId)).toBe(1);
  });
});

describe('revision triggers (第三十六条)', () => {
  it('a law change recorded by the authority opens a duty with a deadline; the enterprise completes it', async () => {
    const r = await as.chem!.post(`/api/emergency/plans/${planId}/triggers`, {
      trigger: 'law_change',
      occurredOn: today,
      note: '新修订的危险化学品安全法施行',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().openRevisions).toBe(1);
    const duty = r.json().revisions[0];
    expect(duty).toMatchObject({ trigger: 'law_change', completedOn: null, overdue: false });
    expect(duty.dueOn > today).toBe(true);
    const hidden = await as.other!.post(`/api/emergency/revisions/${duty.id}/complete`, { version: 1 });
    expect(hidden.statusCode).toBe(404);
    const done = await as.boss!.post(`/api/emergency/revisions/${duty.id}/complete`, { version: 1, note: '已修订' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().completedOn).toBe(today);
    const again = await as.boss!.post(`/api/emergency/revisions/${duty.id}/complete`, { version: 1 });
    expect(again.statusCode).toBe(409);
  });

  it('a fatal accident of the enterprise opens one duty per filed plan, however often the event arrives', async () => {
    const db = t.database.db;
    const ev = await db.transaction((tx) =>
      appendEvent(tx, 'accident.register', 'accident', { id: crypto.randomUUID(), areaCode: district, enterpriseId: e1 }, null, {
        deaths: 1,
        level: 'general',
      }),
    );
    const nonFatal = await db.transaction((tx) =>
      appendEvent(tx, 'accident.register', 'accident', { id: crypto.randomUUID(), areaCode: district, enterpriseId: e1 }, null, {
        deaths: 0,
      }),
    );
    expect(await consumeEvent(t.database, emergencyConsumer, ev)).toBe(true);
    expect(await consumeEvent(t.database, emergencyConsumer, ev)).toBe(false);
    // The handler itself is idempotent too (a redelivery past the consumer mark adds nothing).
    const [event] = await db.select().from(domainEvents).where(eq(domainEvents.id, ev));
    await db.transaction((tx) => emergencyConsumer.handle(tx, event!));
    await consumeEvent(t.database, emergencyConsumer, nonFatal);
    const duties = await db
      .select()
      .from(emergencyPlanRevisions)
      .where(and(eq(emergencyPlanRevisions.planId, planId), eq(emergencyPlanRevisions.trigger, 'accident')));
    expect(duties).toHaveLength(1);
    expect(duties[0]!.sourceKey).toBe(`event:${ev}`);
  });

  it('daily reminders reach the enterprise once per day and rule', async () => {
    const before = await count('notifications');
    const soon = addMonths(today, 2); // the accident's revision duty is overdue by then
    const first = await evaluatePlanReminders(t.database.db, soon);
    expect(first.notices).toBeGreaterThan(0);
    const second = await evaluatePlanReminders(t.database.db, soon);
    expect(second.notices).toBe(0);
    const mine = await t.database.db.select().from(notifications).where(eq(notifications.entityId, planId));
    expect(mine.length).toBe((await count('notifications')) - before);
  });
});

describe('drills (第三十三条)', () => {
  let drillId = '';
  it('the enterprise records a 双盲 on-site drill; compliance moves; a finding becomes an action and a revision duty', async () => {
    const bad = await as.boss!.post('/api/emergency/drills', {
      planType: 'onsite',
      kind: 'full_scale',
      scenario: '液氨泄漏',
      heldOn: '2099-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'heldOn', message: '实施日期不能晚于今天' });
    const before = await as.bureau!.get('/api/emergency/drill-compliance?overdue=true');
    expect(before.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual(expect.arrayContaining([e1, e2]));

    const r = await as.boss!.post('/api/emergency/drills', {
      planId,
      planType: 'onsite',
      kind: 'full_scale',
      doubleBlind: true,
      scenario: '夜间储罐区液氨泄漏（双盲）',
      heldOn: today,
      participants: 24,
    });
    expect(r.statusCode, r.body).toBe(200);
    drillId = r.json().id;
    expect(r.json()).toMatchObject({ doubleBlind: true, planTitle: '储罐区泄漏现场处置方案', heldOn: today });
    const comp = await as.chem!.get('/api/emergency/drill-compliance');
    const mine = comp.json().items.find((i: { enterpriseId: string }) => i.enterpriseId === e1);
    expect(mine.lastOnsiteDrillOn).toBe(today);
    expect(mine.highRisk).toBe(true);
    expect(mine.duties).toEqual(
      expect.arrayContaining([
        { duty: 'halfyear_onsite', state: 'done' },
        { duty: 'halfyear_high_risk', state: 'done' },
      ]),
    );
    expect(comp.json().bySector).toEqual([{ key: 'hazardous_chemicals', enterprises: 1, overdue: 1 }]);

    const f = await as.boss!.post(`/api/emergency/drills/${drillId}/findings`, {
      version: 1,
      description: '应急通讯录未更新',
      action: '更新通讯录并重新培训',
      dueOn: today,
      revisePlan: true,
    });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json().findings[0].revisionId).toBeTruthy();
    const stale = await as.boss!.post(`/api/emergency/drills/${drillId}/findings`, {
      version: 1,
      description: 'x',
      action: 'y',
      dueOn: today,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: drillId, version: 2 });
    expect(await audits('emergency.drill.finding', drillId)).toBe(1);
  });

  it('drills are 404 outside scope and enterprises cannot record for others', async () => {
    for (const who of ['streetB', 'housing', 'parkB', 'other'])
      expect((await as[who]!.get(`/api/emergency/drills/${drillId}`)).statusCode, who).toBe(404);
    expect((await as.parkA!.get(`/api/emergency/drills/${drillId}`)).statusCode).toBe(200);
    const r = await as.other!.post(`/api/emergency/drills/${drillId}/record`, {
      version: 2,
      heldOn: today,
      participants: 1,
      evaluation: 'x',
    });
    expect(r.statusCode).toBe(404);
  });

  it('the maintained per-street counts equal a direct count, on any day, through moves, deletions and unit types', async () => {
    const db = t.database.db;
    const d = (await db.select().from(areas).where(eq(areas.code, district)))[0]!;
    const c = await buildStreet(db, { district: d, name: '丙街道' });
    const cc = await buildCommunity(db, { street: c });
    const made = [];
    for (const [i, sector] of (['machinery', 'hazardous_chemicals', 'construction', 'machinery'] as const).entries())
      made.push(await buildEnterprise(db, { area: cc, sector, name: `计数${i}号公司` }));
    await buildEnterprise(db, { area: cc, unitType: 'individual', name: '个体户' });
    // Drill days of several periods, written the way every path writes them (the status row).
    const days: [string | null, string | null][] = [
      ['2025-03-01', '2025-08-10'],
      [null, '2026-02-01'],
      ['2026-07-01', null],
    ];
    for (const [i, [plan, onsite]] of days.entries()) {
      await db.insert(emergencyDrillStatus).values({
        enterpriseId: made[i]!.id,
        areaCode: made[i]!.areaCode,
        sector: made[i]!.sector,
        lastPlanDrillOn: plan,
        lastOnsiteDrillOn: onsite,
      });
    }
    await db
      .update(emergencyDrillStatus)
      .set({ lastOnsiteDrillOn: '2026-07-02' })
      .where(eq(emergencyDrillStatus.enterpriseId, made[2]!.id));
    // One moves to another street, one is deleted, one turns into an individual unit and back.
    const [first] = await db.select().from(enterprises).where(eq(enterprises.id, e1));
    await db.update(enterprises).set({ areaCode: first!.areaCode, parkId: first!.parkId }).where(eq(enterprises.id, made[0]!.id));
    await db.update(enterprises).set({ deletedAt: new Date() }).where(eq(enterprises.id, made[1]!.id));
    await db.update(enterprises).set({ unitType: 'other' }).where(eq(enterprises.id, made[3]!.id));
    await db.update(enterprises).set({ unitType: 'enterprise' }).where(eq(enterprises.id, made[2]!.id));
    const base = {
      id: 'x',
      username: 'x',
      displayName: 'x',
      orgId: null,
      orgName: null,
      mustChangePassword: false,
      parkId: null,
      enterpriseId: null,
    };
    const prefix = areaPrefixOf(district);
    const actors: Actor[] = [
      { ...base, role: 'district_officer', areaCode: district, areaPrefix: prefix, sectors: [], scopeKind: 'area' },
      {
        ...base,
        role: 'industry_officer',
        areaCode: district,
        areaPrefix: prefix,
        sectors: ['hazardous_chemicals', 'machinery'],
        scopeKind: 'sector',
      },
    ];
    const norm = (rows: { key: string; enterprises: number; overdue: number }[]) =>
      rows.map((r) => ({ key: r.key, enterprises: Number(r.enterprises), overdue: Number(r.overdue) }));
    for (const day of [today, '2026-01-01', '2026-06-30', '2026-07-01', '2027-01-01', '2027-12-31', '2028-07-15'])
      for (const actor of actors)
        for (const q of [{}, { overdue: true }, { sector: 'machinery' }]) {
          const kept = norm(await drillCountsByArea(db, actor, q, day));
          const direct = norm(await directCountsFor(db, actor, q, day)).filter((r) => r.enterprises > 0);
          expect(kept, `${day} ${actor.scopeKind} ${JSON.stringify(q)}`).toEqual(direct);
        }
    // The compliance read answers from the counts.
    const read = (await as.bureau!.get('/api/emergency/drill-compliance')).json();
    expect(norm(read.byArea)).toEqual(norm(await directCountsFor(db, actors[0]!, {}, today)));
    // Deleting them (which the readiness counts below must not see) takes them out of the counts too.
    await db
      .update(enterprises)
      .set({ deletedAt: new Date() })
      .where(
        inArray(
          enterprises.id,
          made.map((e) => e.id),
        ),
      );
    expect(norm(await drillCountsByArea(db, actors[0]!, {}, today))).toEqual(
      norm(await directCountsFor(db, actors[0]!, {}, today)).filter((r) => r.enterprises > 0),
    );
  });
});

describe('readiness', () => {
  it('counts per area with links; streets see their own; out of area is a bilingual 400', async () => {
    const r = await as.bureau!.get('/api/emergency/readiness');
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.resources.find((x: { kind: string }) => x.kind === 'depot')).toMatchObject({ count: 0, minimum: 1, short: true });
    // 乙机械 never drilled; 甲化工 held only an on-site drill, so its yearly plan drill is missing (a never-drilled duty is overdue).
    expect(v.drillsOverdue.count).toBe(2);
    expect(v.plansDueForEvaluation.link).toBe('/emergency/plans?evaluationDue=true');
    const out = await as.streetB!.get(`/api/emergency/readiness?areaCode=${district}`);
    expect(out.statusCode).toBe(400);
    expect(out.json().error.details[0].field).toBe('areaCode');
  });
});
