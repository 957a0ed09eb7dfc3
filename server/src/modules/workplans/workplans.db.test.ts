// 工作方案与督办 through the API: the bureau issues a plan and assigns tasks to lead units (bureau, street, industry
// department); scope (a lead unit sees only its tasks and the plans holding them, 404 otherwise; another district sees
// nothing); the task machine's transitions and refusals (lead unit only, state, permission, required fields); 409 on a
// stale version with `current`; bilingual 400s that change nothing; monthly reports filed on time, late, missing on
// the working-day calendar (November 2026's 28th is a Saturday: due Friday the 27th); the progress board; reminders
// as data; the 进展情况表 export read back with ExcelJS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { workplansClock } from './workplans.clock';
import { evaluateWorkReportDeadlines } from '../notifications/notifications.workplans';
import { PROGRESS_COLUMNS } from './workplans.export';
import { workbenchClock } from '../workbench/workbench.clock';
import { notificationsConsumer } from '../notifications/notifications.consumer';
import { consumeEvent } from '../../platform/queue';

let t: TestApp;
const as: Record<string, Client> = {};
const users: Record<string, { id: string }> = {};
const orgs: Record<string, { id: string }> = {};
let planId = '';
let planVersion = 1;
const tasks: Record<string, { id: string; version: number }> = {};

const setToday = (d: string) => {
  workplansClock.today = () => d;
};

async function count(table: string) {
  return rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
}

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const district = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district, name: '乙街道' });
  const other = await buildDistrict(db, '另一区');
  orgs.bureau = await buildOrg(db, { area: district, name: '区安委办' });
  orgs.streetA = await buildOrg(db, { area: a, kind: 'street_office', name: '甲街道办' });
  orgs.streetB = await buildOrg(db, { area: b, kind: 'street_office', name: '乙街道办' });
  orgs.hr = await buildOrg(db, { area: district, kind: 'industry_department', name: '区人力资源局', sectors: ['machinery'] });
  orgs.far = await buildOrg(db, { area: other, name: '另一区应急管理局' });
  const login = async (key: string, role: Role, org: { id: string }) => {
    const u = await buildUser(db, { role, org: org as never, displayName: key });
    users[key] = u;
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('district', 'district_officer', orgs.bureau);
  await login('leader', 'district_leader', orgs.bureau);
  await login('streetA', 'street_officer', orgs.streetA);
  await login('streetB', 'street_officer', orgs.streetB);
  await login('hr', 'industry_officer', orgs.hr);
  await login('far', 'district_officer', orgs.far);
  await login('grid', 'grid_inspector', orgs.streetA);
});
afterAll(() => t.close());

const plan = {
  title: '全面遏制冶金等工贸行业生产安全事故专项治理行动',
  docNumber: '深龙安办〔2018〕291号',
  year: 2026,
  phases: [
    { name: '动员部署', startOn: '2026-10-08', endOn: '2026-10-19' },
    { name: '集中整治', startOn: '2026-10-22', endOn: '2027-08-31' },
    { name: '总结', startOn: '2027-09-01', endOn: '2027-09-30' },
  ],
  sourceDocument: '龙岗区安委办关于印发《…工作方案》的通知',
};

describe('plans and tasks', () => {
  it('refuses a bad plan bilingually and stores nothing', async () => {
    const before = await count('work_plans');
    const bad = await as.district!.post('/api/workplans', {
      ...plan,
      phases: [{ name: '动员部署', startOn: '2026-10-19', endOn: '2026-10-08' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'phases.0.endOn', message: '阶段结束日期不能早于开始日期' });
    const en = await as.district!.request({
      method: 'POST',
      url: '/api/workplans',
      payload: { ...plan, reportDay: 0 },
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0].field).toBe('reportDay');
    expect(await count('work_plans')).toBe(before);
  });

  it('issues a plan with phases; the report day defaults to the 28th', async () => {
    setToday('2026-10-16');
    const res = await as.district!.post('/api/workplans', plan);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ reportDay: 28, issuerOrgName: '区安委办', taskCount: 0, tasks: [] });
    expect(p.phases.map((x: { name: string }) => x.name)).toEqual(['动员部署', '集中整治', '总结']);
    expect(p.abilities).toEqual(expect.arrayContaining(['addTask', 'export', 'board']));
    planId = p.id;
    planVersion = p.version;
  });

  const add = async (key: string, body: Record<string, unknown>) => {
    const res = await as.district!.post(`/api/workplans/${planId}/tasks`, { ...body, version: planVersion });
    expect(res.statusCode, res.body).toBe(200);
    planVersion++;
    tasks[key] = { id: res.json().id, version: res.json().version };
    return res.json();
  };

  it('assigns tasks to lead units within the plan’s area', async () => {
    const item1 = '1.加强监管执法队伍建设';
    const t1 = await add('a', {
      seq: 1,
      item: item1,
      content: '（1）将区、街安监部门作为政府工作部门和行政执法机构，加强安全生产执法队伍建设。',
      leadOrgId: orgs.streetA!.id,
      coOrgIds: [orgs.bureau!.id],
      responsibility: '甲街道办牵头，区安委办配合落实',
      deadline: '2026-12-31',
    });
    expect(t1).toMatchObject({ status: 'assigned', leadOrgName: '甲街道办', coOrgNames: ['区安委办'], supervised: false });
    expect(t1.history).toEqual([expect.objectContaining({ action: 'create', from: null, to: 'assigned' })]);
    await add('hr', { seq: 2, item: item1, content: '（2）充实区、街道两级安全生产监管执法人员力量。', leadOrgId: orgs.hr!.id });
    await add('bureau', {
      seq: 3,
      item: '5.强化事故分析和预警',
      content: '（1）对每宗生产安全亡人事故进行认真分析。',
      leadOrgId: orgs.bureau!.id,
      coOrgIds: [orgs.hr!.id],
    });
    await add('b', { seq: 4, item: '9.健全完善企业准入机制', content: '（1）制定企业安全生产备案制度。', leadOrgId: orgs.streetB!.id });
  });

  it('answers 409 with the current plan to a stale version, and refuses a lead unit outside the area', async () => {
    const before = await count('work_tasks');
    const stale = await as.district!.post(`/api/workplans/${planId}/tasks`, {
      seq: 9,
      item: 'x',
      content: 'y',
      leadOrgId: orgs.streetA!.id,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: planId, version: planVersion });
    const far = await as.district!.post(`/api/workplans/${planId}/tasks`, {
      seq: 9,
      item: 'x',
      content: 'y',
      leadOrgId: orgs.far!.id,
      version: planVersion,
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0]).toMatchObject({ field: 'leadOrgId', message: '牵头单位须为本方案辖区内的单位' });
    expect(await count('work_tasks')).toBe(before);
  });
});

describe('scope', () => {
  it('shows the issuer side every task, a lead unit only its own', async () => {
    const all = await as.leader!.get(`/api/workplans/${planId}`);
    expect(all.json().tasks).toHaveLength(4);
    const list = await as.streetA!.get('/api/workplans');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect(list.json().items[0]).toMatchObject({ taskCount: 1, abilities: [] });
    const mine = await as.streetA!.get(`/api/workplans/${planId}`);
    expect(mine.json().tasks.map((x: { id: string }) => x.id)).toEqual([tasks.a!.id]);
    // A co-operating unit sees the task too, read only.
    const hr = await as.hr!.get(`/api/workplans/${planId}`);
    expect(hr.json().tasks.map((x: { id: string }) => x.id)).toEqual([tasks.hr!.id, tasks.bureau!.id]);
    expect(hr.json().tasks[1].abilities).toEqual([]);
    const coop = await as.hr!.post(`/api/work-tasks/${tasks.bureau!.id}/reports`, {
      month: '2026-10',
      progress: '配合提供资料',
      version: 1,
    });
    expect(coop.statusCode).toBe(403);
    const hrMine = await as.hr!.get('/api/work-tasks/mine');
    expect(hrMine.json().items.map((x: { id: string }) => x.id)).toEqual([tasks.hr!.id]);
  });

  it('answers 404 for another unit’s task, another district’s plan, and the board to a lead unit', async () => {
    expect((await as.streetA!.get(`/api/work-tasks/${tasks.b!.id}`)).statusCode).toBe(404);
    expect((await as.streetB!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'start', version: 1 })).statusCode).toBe(404);
    expect((await as.far!.get(`/api/workplans/${planId}`)).statusCode).toBe(404);
    expect((await as.far!.get(`/api/work-tasks/${tasks.a!.id}`)).statusCode).toBe(404);
    expect((await as.streetA!.get(`/api/workplans/${planId}/board?month=2026-11`)).statusCode).toBe(404);
    expect((await as.far!.get('/api/workplans')).json().items).toEqual([]);
  });
});

describe('the task machine', () => {
  it('lets only the lead unit start and report; the bureau accepts or returns', async () => {
    // The bureau sees task a (its area) but does not lead it.
    const notLead = await as.district!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'start', version: 1 });
    expect(notLead.statusCode).toBe(403);
    expect(notLead.json().error.details[0].message).toBe('只有牵头单位可以填报本任务');
    const start = await as.streetA!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'start', version: 1 });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({ status: 'in_progress', version: 2 });
    expect(start.json().abilities).toContain('report_done');

    const before = await count('state_transitions');
    const noSummary = await as.streetA!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'report_done', version: 2 });
    expect(noSummary.statusCode).toBe(400);
    expect(noSummary.json().error.details[0]).toMatchObject({ field: 'summary', message: '请填写完成情况' });
    const early = await as.district!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'accept', version: 2 });
    expect(early.statusCode).toBe(400);
    expect(await count('state_transitions')).toBe(before);

    const done = await as.streetA!.post(`/api/work-tasks/${tasks.a!.id}/act`, {
      action: 'report_done',
      version: 2,
      summary: '执法队伍已组建',
    });
    expect(done.json()).toMatchObject({ status: 'reported_done', summary: '执法队伍已组建' });
    const selfAccept = await as.streetA!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'accept', version: 3 });
    expect(selfAccept.statusCode).toBe(403);
    const stale = await as.district!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'return', version: 2, reason: '缺少佐证材料' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: tasks.a!.id, status: 'reported_done', version: 3 });
    const noReason = await as.district!.post(`/api/work-tasks/${tasks.a!.id}/act`, { action: 'return', version: 3 });
    expect(noReason.statusCode).toBe(400);
    const returned = await as.district!.post(`/api/work-tasks/${tasks.a!.id}/act`, {
      action: 'return',
      version: 3,
      reason: '缺少佐证材料',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '缺少佐证材料', version: 4 });
    expect(returned.json().history.map((h: { action: string }) => h.action)).toEqual(['create', 'start', 'report_done', 'return']);
    tasks.a!.version = 4;

    const events = rowsOf<{ type: string }>(
      await t.database.db.execute(sql`select type from domain_events where entity_id = ${tasks.a!.id} order by id`),
    ).map((e) => e.type);
    expect(events).toEqual(['work_task.create', 'work_task.start', 'work_task.report_done', 'work_task.return']);
    const audit = rowsOf<{ action: string }>(
      await t.database.db.execute(sql`select action from audit_log where entity_id = ${tasks.a!.id} order by id`),
    ).map((e) => e.action);
    expect(audit).toEqual(['workplan.addTask', 'workplan.start', 'workplan.report_done', 'workplan.return']);
  });

  it('marks a task 督办 with a level and a reason; a lead unit cannot', async () => {
    const noLevel = await as.leader!.post(`/api/work-tasks/${tasks.b!.id}/act`, { action: 'supervise', version: 1, reason: '进度滞后' });
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.json().error.details[0].field).toBe('level');
    const street = await as.streetB!.post(`/api/work-tasks/${tasks.b!.id}/act`, {
      action: 'supervise',
      version: 1,
      level: 'bureau',
      reason: '进度滞后',
    });
    expect(street.statusCode).toBe(403);
    const ok = await as.leader!.post(`/api/work-tasks/${tasks.b!.id}/act`, {
      action: 'supervise',
      version: 1,
      level: 'district_leader',
      reason: '进度滞后',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'assigned',
      supervised: true,
      supervisionLevel: 'district_leader',
      supervisionReason: '进度滞后',
    });
    tasks.b!.version = 2;
  });
});

describe('monthly progress reports', () => {
  it('files on time before the due day (November 2026: the 28th is a Saturday, due Friday the 27th)', async () => {
    setToday('2026-11-20');
    const res = await as.hr!.post(`/api/work-tasks/${tasks.hr!.id}/reports`, {
      month: '2026-11',
      progress: '已完成执法人员编制测算',
      problems: '编制审批流程较长',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', version: 2 });
    expect(res.json().reports[0]).toMatchObject({ month: '2026-11', dueOn: '2026-11-27', submittedOn: '2026-11-20', late: false });
  });

  it('refuses a future month and a stale version, changing nothing', async () => {
    const before = await count('work_task_reports');
    const future = await as.streetB!.post(`/api/work-tasks/${tasks.b!.id}/reports`, {
      month: '2026-12',
      progress: 'x',
      version: tasks.b!.version,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0]).toMatchObject({ field: 'month', message: '不能填报未来月份的进展' });
    const badMonth = await as.streetB!.post(`/api/work-tasks/${tasks.b!.id}/reports`, { month: '2026-13', progress: 'x', version: 2 });
    expect(badMonth.statusCode).toBe(400);
    const stale = await as.streetB!.post(`/api/work-tasks/${tasks.b!.id}/reports`, { month: '2026-11', progress: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    const notLead = await as.district!.post(`/api/work-tasks/${tasks.b!.id}/reports`, { month: '2026-11', progress: 'x', version: 2 });
    expect(notLead.statusCode).toBe(403);
    expect(await count('work_task_reports')).toBe(before);
  });

  it('reminds the lead unit before and on the due day, and tells the issuer when it is missed', async () => {
    // 2026-11-24 (Tue) is 3 working days before Fri 27th.
    await evaluateWorkReportDeadlines(t.database.db, '2026-11-24');
    const inbox = async (key: string) =>
      rowsOf<{ kind: string; entity_id: string }>(
        await t.database.db.execute(
          sql`select kind, entity_id from notifications where user_id = ${users[key]!.id} order by created_at, id`,
        ),
      );
    expect((await inbox('streetB')).map((n) => n.kind)).toEqual(['due_soon']);
    expect(await inbox('hr')).toEqual([]); // already filed
    await evaluateWorkReportDeadlines(t.database.db, '2026-11-27');
    await evaluateWorkReportDeadlines(t.database.db, '2026-11-27'); // idempotent
    expect((await inbox('streetB')).map((n) => n.kind)).toEqual(['due_soon', 'due_today']);
    const [soon] = rowsOf<{ title_zh: string; title_en: string }>(
      await t.database.db.execute(
        sql`select title_zh, title_en from notifications where user_id = ${users.streetB!.id} order by created_at limit 1`,
      ),
    );
    expect(soon!.title_zh).toContain('（2026-11，9.健全完善企业准入机制（1））');
    expect(soon!.title_en).toContain('(2026-11, 9.健全完善企业准入机制（1）)');
    // The bureau leads task 3 itself, so its officer is reminded as a lead unit too; the leader reports nothing.
    expect((await inbox('district')).map((n) => [n.kind, n.entity_id])).toEqual([
      ['due_soon', tasks.bureau!.id],
      ['due_today', tasks.bureau!.id],
    ]);
    expect(await inbox('leader')).toEqual([]);
    // Missed: the next working day (Mon 30th) the issuer's managing users hear of each owing task.
    await evaluateWorkReportDeadlines(t.database.db, '2026-11-30');
    const issuer = (await inbox('district')).filter((n) => n.kind === 'overdue');
    expect(issuer.map((n) => n.kind)).toEqual(['overdue', 'overdue', 'overdue']);
    expect(issuer.map((n) => n.entity_id).sort()).toEqual([tasks.a!.id, tasks.bureau!.id, tasks.b!.id].sort());
  });

  it('marks a report filed after the due day late', async () => {
    setToday('2026-11-30');
    const res = await as.streetB!.post(`/api/work-tasks/${tasks.b!.id}/reports`, {
      month: '2026-11',
      progress: '备案制度草案已征求意见',
      version: tasks.b!.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0]).toMatchObject({ late: true, dueOn: '2026-11-27' });
    const mine = await as.streetB!.get('/api/work-tasks/mine?month=2026-11');
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0]).toMatchObject({ reportState: 'late', dueOn: '2026-11-27', supervised: true });
  });

  it('shows the month’s board with filed, late and missing per unit', async () => {
    setToday('2026-12-03');
    const res = await as.leader!.get(`/api/workplans/${planId}/board?month=2026-11`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    expect(board.dueOn).toBe('2026-11-27');
    expect(board.rows.map((r: { seq: number; reportState: string }) => [r.seq, r.reportState])).toEqual([
      [1, 'missing'],
      [2, 'filed'],
      [3, 'missing'],
      [4, 'late'],
    ]);
    const unit = (name: string) => board.units.find((u: { orgName: string }) => u.orgName === name);
    expect(unit('乙街道办')).toMatchObject({ required: 1, late: 1, missing: 0 });
    expect(unit('甲街道办')).toMatchObject({ required: 1, missing: 1 });
    expect(unit('区人力资源局')).toMatchObject({ filed: 1 });
    const bad = await as.leader!.get(`/api/workplans/${planId}/board?month=2026-1`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('workbench', () => {
  it('lists a lead unit’s missing report as overdue and the bureau’s tasks awaiting acceptance', async () => {
    workbenchClock.today = () => '2026-12-03';
    const street = (await as.streetA!.get('/api/workbench')).json();
    const item = street.todo.find((x: { kind: string }) => x.kind === 'work_report');
    // Named as the plan numbers it: item 1's first row, not "1. 1.加强…" and not alike its second row (the HR bureau's).
    expect(item).toMatchObject({
      id: tasks.a!.id,
      title: '1.加强监管执法队伍建设（1）',
      due: '2026-11-27',
      dueState: 'overdue',
      link: '/work-tasks',
    });
    const hr = (await as.hr!.get('/api/workbench')).json();
    // November filed: December's report is next, due Monday 28 December.
    expect(hr.todo.find((x: { kind: string }) => x.kind === 'work_report')).toMatchObject({ due: '2026-12-28', dueState: 'later' });
    const done = await as.hr!.post(`/api/work-tasks/${tasks.hr!.id}/act`, { action: 'report_done', version: 2, summary: '编制已落实' });
    expect(done.statusCode, done.body).toBe(200);
    const bureau = (await as.district!.get('/api/workbench')).json();
    const accept = bureau.todo.filter((x: { kind: string }) => x.kind === 'work_accept');
    expect(accept.map((x: { id: string; title: string }) => [x.id, x.title])).toEqual([[tasks.hr!.id, '1.加强监管执法队伍建设（2）']]);
  });
});

describe('export', () => {
  it('writes the 工作分工及进展情况表 for the month, read back with ExcelJS', async () => {
    const res = await as.district!.get(`/api/workplans/${planId}/export?month=2026-11`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('工作分工及进展情况表')!;
    expect(String(ws.getCell(1, 1).value)).toContain('2026-11');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...PROGRESS_COLUMNS]);
    expect(ws.getCell(3, 2).value).toBe('1.加强监管执法队伍建设');
    expect(ws.getCell(4, 2).isMerged).toBe(true); // the two contents of item 1 share one 工作项目 cell
    expect(ws.getCell(4, 5).value).toBe('已完成执法人员编制测算');
    expect(ws.getCell(4, 6).value).toBe('编制审批流程较长');
    expect(ws.getCell(5, 5).value).toBe('（未报送）');
    expect(ws.getCell(6, 5).value).toBe('备案制度草案已征求意见');
    expect(ws.rowCount).toBe(6);
    expect((await as.streetA!.get(`/api/workplans/${planId}/export?month=2026-11`)).statusCode).toBe(403);
  });
});

describe('event notices', () => {
  it('tells the lead unit of assignment, return and 督办, and the issuer of a task reported done', async () => {
    const events = rowsOf<{ id: number }>(
      await t.database.db.execute(sql`select id from domain_events where entity_type = 'work_task' order by id`),
    );
    for (const e of events) await consumeEvent(t.database, notificationsConsumer, Number(e.id));
    for (const e of events) expect(await consumeEvent(t.database, notificationsConsumer, Number(e.id))).toBe(false);
    const inbox = async (key: string) =>
      rowsOf<{ kind: string; entity_id: string }>(
        await t.database.db.execute(
          sql`select kind, entity_id from notifications where user_id = ${users[key]!.id} and event_id is not null order by event_id`,
        ),
      ).map((n) => [n.kind, n.entity_id]);
    expect(await inbox('streetA')).toEqual([
      ['assigned', tasks.a!.id],
      ['awaiting_action', tasks.a!.id],
    ]);
    expect(await inbox('streetB')).toEqual([
      ['assigned', tasks.b!.id],
      ['escalated', tasks.b!.id],
    ]);
    // The bureau officer assigned task 3 to its own unit (not told of its own act); it hears of the two reported done.
    expect(await inbox('district')).toEqual([
      ['awaiting_action', tasks.a!.id],
      ['awaiting_action', tasks.hr!.id],
    ]);
  });
});
