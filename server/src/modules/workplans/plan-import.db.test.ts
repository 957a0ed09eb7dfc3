// Importing Longgang 000's task table through the API (issue 14, item 8): the .docx built the way Word writes merged
// cells previews as 20 items and 28 content rows, then creates the tasks in one audited transaction (a 各街道办 lead
// row becomes one task per street office); the plan's .docx and .xlsx exports import back to the same rows; an Excel
// sheet with merged cells reads the same; an unknown unit is listed in the preview and refused on confirm; a broken
// file is a bilingual 400; a stale version 409; another district 404 — none of them change anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { OrgKind, Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildOrg, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { multipart } from '../../platform/files.fixtures';
import { workplansClock } from './workplans.clock';
import { excelTable, wordTable, type FixtureRow } from './plan-table.fixtures';
import { LONGGANG_PAGE_BREAKS_BEFORE, LONGGANG_ROWS, LONGGANG_TITLE } from './longgang-table.fixture';
import { documentXml } from './plan-table.docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let t: TestApp;
let district: Client;
let far: Client;
let districtUserId = '';
let lastUserId = '';

async function count(table: string) {
  return rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
}

beforeAll(async () => {
  workplansClock.today = () => '2026-10-16';
  t = await buildTestApp();
  const db = t.database.db;
  const a = await buildStreet(db, { name: '甲街道' });
  const area = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.parentCode!) }))!;
  const b = await buildStreet(db, { district: area, name: '乙街道' });
  const issuer = await buildOrg(db, { area, name: '区安委办' });
  const units: [string, OrgKind][] = [
    ['区编办', 'bureau_division'],
    ['区法制办', 'bureau_division'],
    ['区安监局', 'bureau'],
    ['区人力资源局', 'industry_department'],
    ['区经济促进局', 'industry_department'],
    ['区科技创新局', 'industry_department'],
    ['龙岗公安分局各派出所', 'bureau_division'],
    ['市市场和质量监管委龙岗局', 'industry_department'],
  ];
  for (const [name, kind] of units) await buildOrg(db, { area, kind, name });
  await buildOrg(db, { area: a, kind: 'street_office', name: '甲街道办' });
  await buildOrg(db, { area: b, kind: 'street_office', name: '乙街道办' });
  const farOrg = await buildOrg(db, { area: await buildDistrict(db, '另一区'), name: '另一区应急管理局' });
  const login = async (role: Role, org: { id: string }) => {
    const u = await buildUser(db, { role, org: org as never });
    lastUserId = u.id;
    return loginAs(t.app, u.username, u.password);
  };
  district = await login('district_officer', issuer);
  districtUserId = lastUserId;
  far = await login('district_officer', farOrg);
});
afterAll(() => t.close());

async function newPlan(title: string) {
  const res = await district.post('/api/workplans', { title, year: 2026 });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

const upload = (as: Client, planId: string, file: Buffer, q: { dryRun: boolean; version: number }, lang = 'zh', name = 'plan.docx') => {
  const { payload, headers } = multipart(name, DOCX, file);
  return as.request({
    method: 'POST',
    url: `/api/workplans/${planId}/import?dryRun=${q.dryRun}&version=${q.version}`,
    payload,
    headers: { ...headers, 'accept-language': lang },
  });
};

type Report = {
  itemCount: number;
  rowCount: number;
  taskCount: number;
  problems: unknown[];
  created: number;
  items: { item: string; rows: { content: string; responsibility: string }[] }[];
};
const flat = (r: Report) => r.items.flatMap((i) => i.rows.map((x) => [i.item, x.content, x.responsibility]));
const expected = (() => {
  let item = '';
  return LONGGANG_ROWS.map(([i, c, r]) => [(item = i || item), c, r]);
})();
const longgangDocx = () => wordTable(LONGGANG_ROWS, { title: LONGGANG_TITLE, pageBreaksBefore: LONGGANG_PAGE_BREAKS_BEFORE });
// 28 rows; 各街道办组织落实 leads 3 of them, one task per street office (2): 25 + 3 × 2.
const TASKS = 31;

describe('importing Longgang’s 工作分工及进展情况表', () => {
  let plan: { id: string; version: number };

  it('previews 20 items and 28 content rows from the Word table without writing anything', async () => {
    plan = await newPlan('龙岗区冶金等工贸行业专项治理行动');
    const before = await count('work_tasks');
    const res = await upload(district, plan.id, longgangDocx(), { dryRun: true, version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Report;
    expect(r).toMatchObject({ dryRun: true, format: 'docx', itemCount: 20, rowCount: 28, taskCount: TASKS, created: 0, problems: [] });
    expect(flat(r)).toEqual(expected);
    expect(r.items[0]!.rows[0]).toMatchObject({
      leadOrgNames: ['区编办'],
      coOrgNames: expect.arrayContaining(['区法制办', '区安监局', '甲街道办', '乙街道办']),
    });
    expect(r.items[8]!.rows[0]).toMatchObject({ leadOrgNames: ['乙街道办', '甲街道办'].sort(), taskCount: 2 });
    expect(await count('work_tasks')).toBe(before);
  });

  it('creates the tasks on confirm, in one audited transaction; a stale version is 409', async () => {
    const res = await upload(district, plan.id, longgangDocx(), { dryRun: false, version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: TASKS, planVersion: plan.version + 1 });
    const detail = (await district.get(`/api/workplans/${plan.id}`)).json();
    expect(detail.tasks).toHaveLength(TASKS);
    expect(new Set(detail.tasks.map((x: { item: string }) => x.item)).size).toBe(20);
    expect(new Set(detail.tasks.map((x: { seq: number }) => x.seq)).size).toBe(28);
    const audit = rowsOf<{ action: string; n: number }>(
      await t.database.db.execute(
        sql`select action, count(*)::int as n from audit_log where action in ('workplan.import', 'workplan.addTask') group by action`,
      ),
    );
    expect(Object.fromEntries(audit.map((a) => [a.action, a.n]))).toEqual({ 'workplan.import': 1, 'workplan.addTask': TASKS });
    const stale = await upload(district, plan.id, longgangDocx(), { dryRun: false, version: plan.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: plan.id, version: plan.version + 1 });
    expect(await count('work_tasks')).toBe(TASKS);
  });

  it('exports the .docx in the plan’s layout and imports it back to the same 20 items and 28 rows', async () => {
    const exp = await district.get(`/api/workplans/${plan.id}/export?month=2026-10&format=docx`);
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain(DOCX);
    const xml = documentXml(new Uint8Array(exp.rawPayload))!;
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toContain('<w:tblHeader/>');
    const again = await newPlan('往返');
    const back = await upload(district, again.id, exp.rawPayload, { dryRun: false, version: again.version });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ itemCount: 20, rowCount: 28, created: TASKS, problems: [] });
    expect(flat(back.json())).toEqual(expected);
  });

  it('imports the plan’s .xlsx export and an Excel sheet with merged cells the same way', async () => {
    const exp = await district.get(`/api/workplans/${plan.id}/export?month=2026-10`);
    expect(exp.statusCode).toBe(200);
    const p = await newPlan('Excel');
    for (const file of [exp.rawPayload, await excelTable(LONGGANG_ROWS, LONGGANG_TITLE)]) {
      const res = await upload(district, p.id, file, { dryRun: true, version: p.version }, 'zh', 'plan.xlsx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ format: 'xlsx', itemCount: 20, rowCount: 28, taskCount: TASKS, problems: [] });
      expect(flat(res.json())).toEqual(expected);
    }
  });
});

describe('refusals change nothing', () => {
  it('lists an unknown unit in the preview and refuses it on confirm', async () => {
    const p = await newPlan('未知单位');
    const rows: [string, string, string][] = [
      ['1.测试', '（1）甲', '区不存在局牵头，各街道办配合落实'],
      ['', '（2）乙', '区安监局牵头，区外星局配合落实'],
    ];
    const preview = await upload(district, p.id, wordTable(rows), { dryRun: true, version: p.version });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().problems).toEqual([
      { row: 1, field: 'responsibility', zh: '未知单位“区不存在局”', en: 'Unknown organisation “区不存在局”' },
      { row: 2, field: 'responsibility', zh: '未知单位“区外星局”', en: 'Unknown organisation “区外星局”' },
    ]);
    const before = await count('work_tasks');
    const confirm = await upload(district, p.id, wordTable(rows), { dryRun: false, version: p.version }, 'en');
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().error.details[0]).toMatchObject({ field: 'rows.1.responsibility', message: 'Unknown organisation “区不存在局”' });
    expect(await count('work_tasks')).toBe(before);
  });

  it('answers a malformed file with a bilingual 400, another district with 404', async () => {
    const p = await newPlan('坏文件');
    const before = [await count('work_tasks'), await count('audit_log')];
    const garbage = Buffer.from('not a word file at all');
    const zh = await upload(district, p.id, garbage, { dryRun: false, version: p.version });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details[0]).toMatchObject({ field: 'file', message: expect.stringContaining('.docx') });
    const truncated = longgangDocx().subarray(0, 600);
    const en = await upload(district, p.id, truncated, { dryRun: false, version: p.version }, 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details[0].message).toMatch(/cannot be read/);
    const noTable = await upload(district, p.id, wordTable([]).subarray(0), { dryRun: false, version: p.version });
    expect(noTable.statusCode).toBe(400);
    const other = await upload(far, p.id, longgangDocx(), { dryRun: true, version: p.version });
    expect(other.statusCode).toBe(404);
    expect([await count('work_tasks'), await count('audit_log')]).toEqual(before);
  });
});

// The table's 进展情况 / 存在的困难或问题 columns (000: filed by every lead unit before the 28th) are this month's
// progress reports of the tasks each row becomes, filed by the importing user, audited, and shown on the month's board.
describe('importing the table’s progress text', () => {
  const PROGRESS = '已完成机构设置，编制已下达';
  const STREETS = '各街道已完成辖区企业摸底，共排查企业126家';
  const HARD = '部分企业停产，联系不上负责人';
  const withProgress = (): FixtureRow[] =>
    LONGGANG_ROWS.map(([i, c, r], n): FixtureRow => {
      if (n === 0) return [i, c, r, PROGRESS, ''];
      if (r === '各街道办组织落实' && c === LONGGANG_ROWS.find((x) => x[2] === '各街道办组织落实')![1]) return [i, c, r, STREETS, HARD];
      return [i, c, r];
    });

  it('stores them as the current month’s reports on confirm, attributed and audited, visible on the board', async () => {
    const plan = await newPlan('带进展情况的导入');
    const file = wordTable(withProgress(), { title: LONGGANG_TITLE, pageBreaksBefore: LONGGANG_PAGE_BREAKS_BEFORE });
    const before = await count('work_task_reports');
    const dry = await upload(district, plan.id, file, { dryRun: true, version: plan.version });
    expect(dry.json()).toMatchObject({ reportMonth: '2026-10', reportCount: 3, taskCount: TASKS });
    expect(dry.json().items[0].rows[0]).toMatchObject({ progress: PROGRESS, problems: '' });
    expect(await count('work_task_reports')).toBe(before);

    const res = await upload(district, plan.id, file, { dryRun: false, version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: TASKS, reportCount: 3 });
    const stored = rowsOf<{
      task_id: string;
      month: string;
      progress: string;
      problems: string | null;
      late: boolean;
      submitted_by: string;
    }>(
      await t.database.db.execute(
        sql`select task_id, month, progress, problems, late, submitted_by::text from work_task_reports where plan_id = ${plan.id} order by progress`,
      ),
    );
    expect(stored.map((r) => [r.month, r.progress, r.problems, r.late, r.submitted_by])).toEqual([
      ['2026-10', STREETS, HARD, false, districtUserId],
      ['2026-10', STREETS, HARD, false, districtUserId],
      ['2026-10', PROGRESS, null, false, districtUserId],
    ]);
    const audited = rowsOf<{ entity_id: string; actor_id: string }>(
      await t.database.db.execute(
        sql`select entity_id, actor_id::text from audit_log where action = 'workplan.importReport' and entity_id in (
              select task_id::text from work_task_reports where plan_id = ${plan.id})`,
      ),
    );
    expect(audited.map((a) => a.entity_id).sort()).toEqual(stored.map((r) => r.task_id).sort());
    expect(new Set(audited.map((a) => a.actor_id))).toEqual(new Set([districtUserId]));

    // The consolidated table of the month shows them as filed; the other tasks are still pending (due 10-28).
    const board = (await district.get(`/api/workplans/${plan.id}/board?month=2026-10`)).json();
    const filed = board.rows.filter((r: { reportState: string }) => r.reportState === 'filed');
    expect(filed.map((r: { progress: string }) => r.progress).sort()).toEqual([PROGRESS, STREETS, STREETS].sort());
    expect(filed.find((r: { progress: string }) => r.progress === STREETS)).toMatchObject({ problems: HARD, submittedOn: '2026-10-16' });
    expect(board.rows.filter((r: { reportState: string }) => r.reportState === 'pending')).toHaveLength(TASKS - 3);
    const exp = await district.get(`/api/workplans/${plan.id}/export?month=2026-10&format=docx`);
    const xml = documentXml(new Uint8Array(exp.rawPayload))!;
    expect(xml).toContain(PROGRESS);
    expect(xml).toContain(HARD);
  });
});
