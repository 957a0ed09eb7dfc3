// 工作督办's 约谈/通报 through the API on a real database: an interview with a unit, seen by that unit only, its
// follow-ups completed with the version (409 with `current`), audited; a bulletin ranked fairly from completion data
// (L = 3, the rule printed), a backwards period refused bilingually storing nothing, edited before publishing, then
// published to the units concerned (404 for other units and districts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import { consumeEvent } from '../../platform/queue';
import { workplansClock } from '../workplans/workplans.clock';
import { bulletinsConsumer } from '../workplans/bulletins.consumer';
import { fairnessRule } from '../workplans/bulletins.rules';
import { as, auditActions, count, districtCode, orgs, setUpAssessmentWorld, t, users } from './assessment.fixtures';
beforeAll(setUpAssessmentWorld);
afterAll(() => t.close());

describe('约谈', () => {
  let id = '';
  it('records an interview with a unit, seen by that unit only', async () => {
    const bad = await as.district!.post('/api/work-interviews', {
      orgId: orgs.far!.id,
      personName: '李四',
      heldOn: '2026-12-01',
      heldBy: '区安委办主任',
      reason: '逾期未报',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'orgId' });
    const res = await as.district!.post('/api/work-interviews', {
      orgId: orgs.streetB!.id,
      personName: '王五',
      personTitle: '街道办主任',
      heldOn: '2026-12-01',
      heldBy: '区安委办主任',
      reason: '10、11月工作进展未报送',
      minutes: '约谈指出问题，要求限期补报',
      followUps: [{ action: '补报10、11月进展', deadline: '2026-12-08' }],
    });
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ orgName: '乙街道办', followUps: [{ done: false }], abilities: ['edit'] });
    expect((await as.streetB!.get('/api/work-interviews')).json().total).toBe(1);
    expect((await as.streetA!.get(`/api/work-interviews/${id}`)).statusCode).toBe(404);
    expect((await as.far!.get(`/api/work-interviews/${id}`)).statusCode).toBe(404);
    expect((await as.streetB!.get(`/api/work-interviews/${id}`)).json().abilities).toEqual([]);
  });
  it('completes its follow-ups with the version (409 with current), audited', async () => {
    const ok = await as.district!.patch(`/api/work-interviews/${id}`, {
      version: 1,
      followUps: [{ action: '补报10、11月进展', deadline: '2026-12-08', done: true }],
    });
    expect(ok.json().followUps[0].done).toBe(true);
    const stale = await as.leader!.patch(`/api/work-interviews/${id}`, { version: 1, followUps: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id, version: 2 });
    expect(await auditActions(id)).toEqual(['workplan.interview', 'workplan.interviewUpdate']);
  });
});

describe('通报', () => {
  let id = '';
  let version = 1;
  beforeAll(async () => {
    // A plan with a task for A (3 items in Sep–Nov: 2 on time, 1 late), B (1 on time, 2 missing) and the department
    // (assigned in November: 1 item, on time — too few to be ranked first, L = 3).
    workplansClock.today = () => '2026-08-01';
    const plan = (await as.district!.post('/api/workplans', { title: '专项治理行动', year: 2026 })).json();
    let v = plan.version;
    const task = async (seq: number, leadOrgId: string) => {
      const r = await as.district!.post(`/api/workplans/${plan.id}/tasks`, {
        seq,
        item: '工作项目',
        content: `内容${seq}`,
        leadOrgId,
        version: v,
      });
      v++;
      return r.json().id as string;
    };
    const ta = await task(1, orgs.streetA!.id);
    const tb = await task(2, orgs.streetB!.id);
    workplansClock.today = () => '2026-11-01';
    const tc = await task(3, orgs.hr!.id);
    const report = (taskId: string, lead: string, month: string, dueOn: string, submittedOn: string) => sql`
      insert into work_task_reports (task_id, plan_id, lead_org_id, area_code, month, progress, due_on, submitted_on, late)
      values (${taskId}, ${plan.id}, ${lead}, ${districtCode}, ${month}, '推进中', ${dueOn}, ${submittedOn}, ${submittedOn > dueOn})`;
    const db = t.database.db;
    await db.execute(report(ta, orgs.streetA!.id, '2026-09', '2026-09-28', '2026-09-20'));
    await db.execute(report(ta, orgs.streetA!.id, '2026-10', '2026-10-28', '2026-10-20'));
    await db.execute(report(ta, orgs.streetA!.id, '2026-11', '2026-11-27', '2026-11-30'));
    await db.execute(report(tb, orgs.streetB!.id, '2026-09', '2026-09-28', '2026-09-25'));
    await db.execute(report(tc, orgs.hr!.id, '2026-11', '2026-11-27', '2026-11-20'));
    workplansClock.today = () => '2026-12-10';
  });

  it('refuses a period that ends before it starts, bilingually, storing nothing', async () => {
    const before = await count('work_bulletins');
    const bad = await as.district!.post('/api/work-bulletins', {
      kind: 'ranking',
      title: '通报',
      periodFrom: '2026-11-30',
      periodTo: '2026-09-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'periodTo', message: '期间结束日期不能早于开始日期' });
    expect(await count('work_bulletins')).toBe(before);
  });

  it('ranks from completion data; a unit with fewer than L items is neither first nor last, and the rule is printed', async () => {
    const res = await as.district!.post('/api/work-bulletins', {
      kind: 'ranking',
      title: '9—11月工作进展排名通报',
      periodFrom: '2026-09-01',
      periodTo: '2026-11-30',
    });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    id = b.id;
    version = b.version;
    expect(
      b.rows.map((r: { orgName: string; rank: number | null; due: number; onTime: number; late: number; missing: number }) => [
        r.orgName,
        r.rank,
        r.due,
        r.onTime,
        r.late,
        r.missing,
      ]),
    ).toEqual([
      ['甲街道办', 1, 3, 2, 1, 0],
      ['乙街道办', 2, 3, 1, 0, 2],
      ['区工信局', null, 1, 1, 0, 0],
    ]);
    expect(b.rule).toBe(fairnessRule(3));
    expect(b.body).toContain(fairnessRule(3));
    expect(b).toMatchObject({ status: 'draft', abilities: ['edit', 'publish'] });
    expect((await as.streetA!.get(`/api/work-bulletins/${id}`)).statusCode).toBe(404);
  });

  it('is edited before publishing (409 with current), then published to the units concerned', async () => {
    const edited = await as.district!.patch(`/api/work-bulletins/${id}`, { version, body: '经核实，现将排名通报如下。' });
    expect(edited.json().body).toBe('经核实，现将排名通报如下。');
    const stale = await as.district!.post(`/api/work-bulletins/${id}/publish`, { version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id, version: version + 1 });
    const pub = await as.district!.post(`/api/work-bulletins/${id}/publish`, { version: version + 1 });
    expect(pub.json()).toMatchObject({ status: 'published', abilities: [] });
    const again = await as.district!.patch(`/api/work-bulletins/${id}`, { version: pub.json().version, title: '改' });
    expect(again.statusCode).toBe(400);
    expect((await as.streetA!.get(`/api/work-bulletins/${id}`)).statusCode).toBe(200);
    expect((await as.streetA!.get('/api/work-bulletins')).json().total).toBe(1);
    expect((await as.far!.get(`/api/work-bulletins/${id}`)).statusCode).toBe(404);
    expect((await as.park!.get(`/api/work-bulletins/${id}`)).statusCode).toBe(404);
    const events = rowsOf<{ id: string }>(
      await t.database.db.execute(sql`select id from domain_events where entity_type = 'work_bulletin' and type = 'work_bulletin.publish'`),
    );
    expect(events).toHaveLength(1);
    await consumeEvent(t.database, bulletinsConsumer, Number(events[0]!.id));
    expect(await consumeEvent(t.database, bulletinsConsumer, Number(events[0]!.id))).toBe(false);
    const inbox = rowsOf<{ user_id: string }>(
      await t.database.db.execute(sql`select user_id from notifications where entity_id = ${id} order by user_id`),
    ).map((r) => r.user_id);
    expect(inbox.sort()).toEqual([users.streetA!.id, users.streetB!.id, users.hr!.id].sort());
    expect(await auditActions(id)).toEqual(['workplan.bulletin', 'workplan.bulletinEdit', 'workplan.bulletinPublish']);
  });
});
