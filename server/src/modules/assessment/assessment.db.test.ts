// 年度考核 through the API on a real database, from the rollups written in assessment.fixtures.ts (the boundaries of
// Huiji 003 and Liangping 004 are there). Scope: the bureau sees every sheet; a street, an industry department and a
// park officer see their own only (404 otherwise); another district nothing. 409 with `current`, bilingual 400s that
// change nothing, the sheet's machine (publish → objection → adjusted → final), audit entries, the ranking and its
// .xlsx read back; indicators computed from the other modules. 约谈 and 通报 are in supervision.db.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import { DETAIL_COLUMNS, RANKING_COLUMNS } from './assessment.export';
import { buildEnterprise } from '../../seed/factories';
import { certificates, enterprises, inspectionPlans, inspections, people, trainingSummaries } from '../../db/schema';
import { refreshSummary } from '../people/people.queries';
import { standardizationShortfall } from '../insurance/standardization.rules';
import { cstDate } from '../../platform/time';
import { as, auditActions, count, districtCode, orgs, setUpAssessmentWorld, t } from './assessment.fixtures';
beforeAll(setUpAssessmentWorld);
afterAll(() => t.close());

const indicators = [
  // Huiji 003 shape: −0.5 per 10 percentage points short of the target.
  {
    key: 'hazards',
    name: '隐患按期整改率',
    weight: 5,
    source: 'hazards_on_time',
    rule: { kind: 'step_short', target: 90, step: 10, deduct: 0.5 },
  },
  // Liangping 004: deaths −5 % on last year.
  {
    key: 'deaths',
    name: '事故死亡人数比上年下降5%',
    weight: 15,
    source: 'accident_deaths_reduction',
    rule: { kind: 'count_reduction', reductionPct: 5 },
  },
  { key: 'cert', name: '特种作业人员持证率', weight: 10, source: 'entered', rule: { kind: 'linear', target: 100 } },
];
const scheme = () => ({
  year: 2026,
  title: '2026年度安全生产目标管理责任考核',
  indicators,
  vetoes: ['larger_accident', 'concealment'],
  unitOrgIds: [orgs.streetA!.id, orgs.streetB!.id, orgs.hr!.id],
});
let schemeId = '';
let schemeVersion = 1;
const sheets: Record<string, { id: string; version: number }> = {};

describe('the scheme', () => {
  it('refuses a rule that does not fit its source, and a unit outside the area, bilingually and storing nothing', async () => {
    const before = await count('assessment_schemes');
    const bad = await as.district!.post('/api/assessment/schemes', {
      ...scheme(),
      indicators: [{ ...indicators[0], rule: { kind: 'count_reduction', reductionPct: 5 } }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'indicators.0.rule' });
    const far = await as.district!.request({
      method: 'POST',
      url: '/api/assessment/schemes',
      payload: { ...scheme(), unitOrgIds: [orgs.far!.id] },
      headers: { 'accept-language': 'en' },
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0]).toMatchObject({
      field: 'unitOrgIds.0',
      message: 'Assessed units must be organisations within your area',
    });
    const weight = await as.district!.post('/api/assessment/schemes', { ...scheme(), indicators: [{ ...indicators[0], weight: 0 }] });
    expect(weight.statusCode).toBe(400);
    expect(await count('assessment_schemes')).toBe(before);
  });

  it('is created as a draft, edited with its version (409 with current), frozen, and is out of reach elsewhere', async () => {
    const res = await as.district!.post('/api/assessment/schemes', scheme());
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ status: 'draft', revision: 1, totalWeight: 30, abilities: ['edit', 'freeze'] });
    schemeId = s.id;
    schemeVersion = s.version;
    expect((await as.hr!.post('/api/assessment/schemes', scheme())).statusCode).toBe(403);
    for (const who of ['far', 'streetA', 'hr', 'park'])
      expect((await as[who]!.get(`/api/assessment/schemes/${schemeId}`)).statusCode).toBe(404);
    const edited = await as.district!.patch(`/api/assessment/schemes/${schemeId}`, {
      ...scheme(),
      year: undefined,
      title: '年度考核（修订）',
      version: schemeVersion,
    });
    expect(edited.statusCode).toBe(200);
    const stale = await as.district!.patch(`/api/assessment/schemes/${schemeId}`, { ...scheme(), year: undefined, version: schemeVersion });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: schemeId, title: '年度考核（修订）', version: schemeVersion + 1 });
    schemeVersion++;
    const early = await as.district!.post(`/api/assessment/schemes/${schemeId}/compute`, { version: schemeVersion });
    expect(early.statusCode).toBe(400);
    const frozen = await as.district!.post(`/api/assessment/schemes/${schemeId}/freeze`, { version: schemeVersion });
    expect(frozen.json()).toMatchObject({ status: 'frozen', abilities: ['compute'] });
    schemeVersion = frozen.json().version;
    const edit = await as.district!.patch(`/api/assessment/schemes/${schemeId}`, { ...scheme(), year: undefined, version: schemeVersion });
    expect(edit.statusCode).toBe(400);
    expect(await auditActions(schemeId)).toEqual(['assessment.createScheme', 'assessment.editScheme', 'assessment.freezeScheme']);
  });
});

describe('scores', () => {
  it('computes every unit line by line from the platform’s data', async () => {
    const res = await as.district!.post(`/api/assessment/schemes/${schemeId}/compute`, { version: schemeVersion });
    expect(res.statusCode).toBe(200);
    schemeVersion = res.json().version;
    const list = await as.district!.get(`/api/assessment/sheets?schemeId=${schemeId}`);
    expect(list.json().total).toBe(3);
    for (const s of list.json().items) sheets[s.orgName] = { id: s.id, version: s.version };
    const a = (await as.district!.get(`/api/assessment/sheets/${sheets['甲街道办']!.id}`)).json();
    // Huiji 003 at exactly 10 points short (80 % of 90 %): −0.5.
    expect(a.lines[0]).toMatchObject({ value: 80, basis: '按期整改 40 / 发现 50', target: '≥ 90%', points: 4.5 });
    // Liangping 004: 19 deaths against 20 last year is exactly 5 % down: met.
    expect(a.lines[1]).toMatchObject({ value: 19, basis: '本年死亡 19 人，上年 20 人', points: 15 });
    expect(a.lines[2]).toMatchObject({ value: null, points: 0 });
    expect(a).toMatchObject({ computedTotal: 19.5, total: 19.5, vetoed: false, status: 'draft' });
    const b = (await as.district!.get(`/api/assessment/sheets/${sheets['乙街道办']!.id}`)).json();
    // 9.99 points short (80.01 %): no deduction; deaths 3 against 3: not met; a larger accident: 一票否决.
    expect(b.lines.map((l: { points: number }) => l.points)).toEqual([5, 0, 0]);
    expect(b.vetoed).toBe(true);
    expect(b.vetoes[0]).toMatchObject({ kind: 'larger_accident', hit: true });
    const hr = (await as.district!.get(`/api/assessment/sheets/${sheets['区工信局']!.id}`)).json();
    expect(hr.lines[0]).toMatchObject({ value: 100, points: 5 });
  });

  it('takes an entered value with its evidence while draft and recomputes', async () => {
    const before = await count('assessment_sheets');
    const bad = await as.district!.post(`/api/assessment/sheets/${sheets['甲街道办']!.id}/values`, {
      version: sheets['甲街道办']!.version,
      key: 'hazards',
      value: 100,
      evidence: '自报',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'key', message: '该指标不是填报类指标' });
    const res = await as.district!.post(`/api/assessment/sheets/${sheets['甲街道办']!.id}/values`, {
      version: sheets['甲街道办']!.version,
      key: 'cert',
      value: 90,
      evidence: '特种作业人员持证花名册（2026-12）',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().lines[2]).toMatchObject({ value: 90, points: 9, basis: '填报：特种作业人员持证花名册（2026-12）' });
    expect(res.json().total).toBe(28.5);
    sheets['甲街道办']!.version = res.json().version;
    expect(await count('assessment_sheets')).toBe(before);
  });

  it('shows a unit its own sheet only', async () => {
    const mine = await as.streetA!.get('/api/assessment/sheets');
    expect(mine.json().items.map((s: { orgName: string }) => s.orgName)).toEqual(['甲街道办']);
    expect((await as.streetA!.get(`/api/assessment/schemes/${schemeId}`)).statusCode).toBe(200);
    expect((await as.streetA!.get(`/api/assessment/sheets/${sheets['乙街道办']!.id}`)).statusCode).toBe(404);
    expect((await as.hr!.get('/api/assessment/sheets')).json().items.map((s: { orgName: string }) => s.orgName)).toEqual(['区工信局']);
    expect((await as.hr!.get(`/api/assessment/sheets/${sheets['甲街道办']!.id}`)).statusCode).toBe(404);
    expect((await as.park!.get(`/api/assessment/sheets/${sheets['甲街道办']!.id}`)).statusCode).toBe(404);
    expect((await as.park!.get('/api/assessment/sheets')).json().total).toBe(0);
    expect((await as.far!.get(`/api/assessment/sheets/${sheets['甲街道办']!.id}`)).statusCode).toBe(404);
    expect((await as.streetA!.get(`/api/assessment/schemes/${schemeId}/ranking`)).statusCode).toBe(403);
  });

  it('goes published → objection → adjusted → final, each step audited', async () => {
    const id = sheets['甲街道办']!.id;
    let v = sheets['甲街道办']!.version;
    const pub = await as.district!.post(`/api/assessment/sheets/${id}/act`, { version: v, action: 'publish' });
    expect(pub.json()).toMatchObject({ status: 'published' });
    v = pub.json().version;
    expect(
      (await as.streetB!.post(`/api/assessment/sheets/${id}/act`, { version: v, action: 'object', reason: '数据有误' })).statusCode,
    ).toBe(404);
    const noReason = await as.streetA!.post(`/api/assessment/sheets/${id}/act`, { version: v, action: 'object' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toMatchObject({ field: 'reason' });
    const stale = await as.streetA!.post(`/api/assessment/sheets/${id}/act`, { version: v - 1, action: 'object', reason: '数据有误' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id, status: 'published', version: v });
    const obj = await as.streetA!.post(`/api/assessment/sheets/${id}/act`, {
      version: v,
      action: 'object',
      reason: '3月份有5条隐患已按期整改，系统录入晚了',
    });
    expect(obj.json()).toMatchObject({ status: 'objection', objection: '3月份有5条隐患已按期整改，系统录入晚了' });
    v = obj.json().version;
    expect(
      (await as.streetA!.post(`/api/assessment/sheets/${id}/act`, { version: v, action: 'adjust', reason: 'x', adjustment: 5 })).statusCode,
    ).toBe(403);
    const adj = await as.district!.post(`/api/assessment/sheets/${id}/act`, {
      version: v,
      action: 'adjust',
      reason: '核实5条隐患按期整改，补计0.5分',
      adjustment: 0.5,
    });
    expect(adj.json()).toMatchObject({ status: 'adjusted', computedTotal: 28.5, adjustment: 0.5, total: 29 });
    const fin = await as.district!.post(`/api/assessment/sheets/${id}/act`, { version: adj.json().version, action: 'finalize' });
    expect(fin.json()).toMatchObject({ status: 'final', abilities: [] });
    expect(fin.json().history.map((h: { action: string }) => h.action)).toEqual(['enter', 'publish', 'object', 'adjust', 'finalize']);
    expect(await auditActions(id)).toEqual([
      'assessment.enterValue',
      'assessment.publish',
      'assessment.object',
      'assessment.adjust',
      'assessment.finalize',
    ]);
  });

  it('ranks by total with the vetoed unit last, and exports the ranking and the calculation', async () => {
    const r = (await as.district!.get(`/api/assessment/schemes/${schemeId}/ranking`)).json();
    expect(r.rows.map((x: { orgName: string; rank: number | null; total: number }) => [x.orgName, x.rank, x.total])).toEqual([
      ['甲街道办', 1, 29],
      ['区工信局', 2, 20],
      ['乙街道办', null, 5],
    ]);
    expect(r.rule).toContain('一票否决');
    const res = await as.district!.request({ method: 'GET', url: `/api/assessment/schemes/${schemeId}/export` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('排名')!;
    expect(ws.getRow(3).values).toEqual([undefined, ...RANKING_COLUMNS]);
    expect(ws.getRow(4).values).toEqual([undefined, 1, '甲街道办', 29, '否', '已定档']);
    expect(ws.getRow(6).values).toEqual([undefined, '—', '乙街道办', 5, '是', '草稿']);
    const detail = wb.getWorksheet('计分明细')!;
    expect(detail.getRow(1).values).toEqual([undefined, ...DETAIL_COLUMNS]);
    const rows = detail.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((row) => row[1] === '甲街道办' && row[2] === '隐患按期整改率' && row[8] === 4.5)).toBe(true);
    expect(rows.some((row) => row[1] === '乙街道办' && String(row[2]).startsWith('一票否决'))).toBe(true);
    expect(rows.some((row) => row[1] === '甲街道办' && row[2] === '调整' && row[8] === 0.5)).toBe(true);
    expect(await auditActions(schemeId)).toContain('assessment.export');
  });

  it('revises a frozen scheme as a new draft revision', async () => {
    const res = await as.district!.post(`/api/assessment/schemes/${schemeId}/revise`, { version: schemeVersion });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'draft', revision: 2, year: 2026, sheets: 0 });
  });
});

// Indicators computed from the other capabilities' data (issue 14 item 4: "training and certificate rates once they
// exist", inspections vs plan; seed 003's standardization rule) — each line's value against a direct count of the
// records for the unit's own scope: street A (its area), the machinery department (its sector across the district),
// the park station (its park).
describe('indicators computed from the other modules', () => {
  const today = cstDate();
  const defs = [
    {
      key: 'standardization',
      name: '规上企业标准化达标率',
      weight: 5,
      source: 'standardization_rate',
      rule: { kind: 'step_short', target: 70, step: 10, deduct: 0.5 },
    },
    { key: 'posts', name: '三项岗位人员持证率', weight: 10, source: 'certificate_rate', rule: { kind: 'linear', target: 100 } },
    { key: 'training', name: '主要负责人培训率', weight: 10, source: 'principal_training_rate', rule: { kind: 'linear', target: 100 } },
    { key: 'inspections', name: '执法检查计划完成率', weight: 10, source: 'inspections_vs_plan', rule: { kind: 'linear', target: 100 } },
  ];
  type Ent = Awaited<ReturnType<typeof buildEnterprise>>;
  let seq = 0;

  async function post(e: Ent, post: string, certDue: string | null) {
    const db = t.database.db;
    const [p] = await db
      .insert(people)
      .values({
        ...{ enterpriseId: e.id, areaCode: e.areaCode, sector: e.sector, parkId: e.parkId },
        name: `人员${++seq}`,
        idNumberSealed: 's',
        idNumberKeyId: 'k',
        idNumberMasked: '*',
        idNumberHash: `h${seq}`,
        post,
        employedFrom: '2020-01-01',
      })
      .returning();
    if (certDue)
      await db.insert(certificates).values({
        ...{ personId: p!.id, enterpriseId: e.id, areaCode: e.areaCode, sector: e.sector, parkId: e.parkId },
        kind: 'safety_qualification',
        number: `C${seq}`,
        issuer: '市应急管理局',
        issuedOn: '2024-01-01',
        expiresOn: certDue,
        dueOn: certDue,
      });
  }
  async function inspected(e: Ent, on: string) {
    await t.database.db.insert(inspections).values({
      ...{ enterpriseId: e.id, areaCode: e.areaCode, sector: e.sector, parkId: e.parkId },
      kind: 'planned',
      plannedOn: on,
      state: 'done',
      inspectedOn: on,
    });
  }

  beforeAll(async () => {
    const db = t.database.db;
    const area = async (orgId: string) =>
      rowsOf<{ area_code: string; park_id: string | null }>(
        await db.execute(sql`select area_code, park_id::text from organisations where id = ${orgId}`),
      )[0]!;
    const a = await area(orgs.streetA!.id);
    const park = await area(orgs.park!.id);
    const aArea = (await db.query.areas.findFirst({ where: (x, { eq }) => eq(x.code, a.area_code) }))!;
    const mk = (o: Partial<typeof enterprises.$inferInsert>) => buildEnterprise(db, { street: aArea, ...o });
    // Street A: three 规上 (grade 2 in force; grade 3 expired; none), one graded below scale (not counted).
    const e1 = await mk({
      scale: 'above',
      sector: 'machinery',
      isKey: true,
      standardizationGrade: '2',
      standardizationExpiry: '2099-01-01',
    });
    const e2 = await mk({ scale: 'above', sector: 'trade', standardizationGrade: '3', standardizationExpiry: '2025-06-01' });
    const e3 = await mk({ scale: 'above', sector: 'machinery', parkId: park.park_id });
    await mk({ scale: 'below', sector: 'trade', standardizationGrade: '3', standardizationExpiry: '2099-01-01' });
    // 三项岗位: e1 two of three hold a valid certificate; e3 (in the park) one lapsed.
    await post(e1, 'principal', '2099-01-01');
    await post(e1, 'safety_manager', '2099-01-01');
    await post(e1, 'special_operator', null);
    await post(e3, 'principal', '2025-01-01');
    await post(e2, 'other', null);
    for (const e of [e1, e2, e3]) await refreshSummary(db, e.id, today);
    // Training of 2026: e1's principal trained, e3's not.
    await db.insert(trainingSummaries).values([
      { enterpriseId: e1.id, year: 2026, areaCode: e1.areaCode, sector: e1.sector, parkId: e1.parkId, principals: 1, principalsTrained: 1 },
      { enterpriseId: e3.id, year: 2026, areaCode: e3.areaCode, sector: e3.sector, parkId: e3.parkId, principals: 1, principalsTrained: 0 },
    ]);
    // Street A's plan: key enterprises twice a year (e1: 2 required, 3 done — counted as 2, the extra one covers no
    // other group), machinery twice (e1, e3: 4 required, e1's 3 done). Done 2 + 3 of 6 required; e2's and 2025's do
    // not count.
    await db.insert(inspectionPlans).values({
      orgId: orgs.streetA!.id,
      areaCode: a.area_code,
      year: 2026,
      groups: [
        { name: '重点企业', filter: { isKey: true }, timesPerYear: 2 },
        { name: '机械行业', filter: { sector: 'machinery' }, timesPerYear: 2 },
      ],
    });
    for (const on of ['2026-02-01', '2026-05-01', '2026-09-01']) await inspected(e1, on);
    await inspected(e2, '2026-03-01');
    await inspected(e1, '2025-12-31');
  });

  it('shows each line’s arithmetic, equal to a direct count of the unit’s records', async () => {
    const res = await as.district!.post('/api/assessment/schemes', {
      year: 2026,
      title: '2026年度考核（自动计算指标）',
      indicators: defs,
      vetoes: [],
      unitOrgIds: [orgs.streetA!.id, orgs.hr!.id, orgs.park!.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const frozen = await as.district!.post(`/api/assessment/schemes/${res.json().id}/freeze`, { version: res.json().version });
    const computed = await as.district!.post(`/api/assessment/schemes/${res.json().id}/compute`, { version: frozen.json().version });
    expect(computed.statusCode, computed.body).toBe(200);
    const list = (await as.district!.get(`/api/assessment/sheets?schemeId=${res.json().id}`)).json();
    const sheet = async (name: string) =>
      (await as.district!.get(`/api/assessment/sheets/${list.items.find((s: { orgName: string }) => s.orgName === name).id}`)).json();

    const direct = async (where: string) => {
      const w = sql.raw(where);
      const [std] = rowsOf<{ n: number; k: number }>(
        await t.database.db.execute(sql`select count(*)::int as n, (count(*) filter (where standardization_grade in ('1','2','3')
                and standardization_expiry >= ${today}))::int as k
           from enterprises e where deleted_at is null and operating_status = 'operating' and scale = 'above' and ${w}`),
      );
      const [cert] = rowsOf<{ n: number; k: number }>(
        await t.database.db.execute(sql`select count(*)::int as n, (count(*) filter (where exists (select 1 from certificates c
                where c.person_id = p.id and c.revoked_on is null and c.due_on >= ${today})))::int as k
           from people p join enterprises e on e.id = p.enterprise_id
          where p.post in ('principal', 'safety_manager', 'special_operator') and ${w}`),
      );
      return { std: std!, cert: cert! };
    };

    const a = await sheet('甲街道办');
    const aArea = rowsOf<{ area_code: string }>(
      await t.database.db.execute(sql`select area_code from organisations where id = ${orgs.streetA!.id}`),
    )[0]!.area_code;
    const dA = await direct(`e.area_code like '${aArea}%'`);
    expect([dA.std.k, dA.std.n]).toEqual([1, 3]);
    expect(a.lines[0]).toMatchObject({ value: 33.33, basis: expect.stringContaining('三级以上达标 1 / 规上企业 3') });
    // 36.67 points short of 70: three whole steps, −1.5 — the scheme's step rule and seed 003's function agree.
    expect(a.lines[0].points).toBe(5 - standardizationShortfall(33.33, 5));
    expect(a.lines[0].points).toBe(3.5);
    expect([dA.cert.k, dA.cert.n]).toEqual([2, 4]);
    expect(a.lines[1]).toMatchObject({ value: 50, basis: '持有效证书 2 / 三项岗位在岗 4', points: 5 });
    expect(a.lines[2]).toMatchObject({ value: 50, basis: '已培训 1 / 主要负责人 2', points: 5 });
    expect(a.lines[3]).toMatchObject({ value: 83.33, basis: expect.stringContaining('完成检查 5 / 计划应检 6'), points: 8.33 });

    // The machinery department: its sector across the district (e1, e3); no plan of its own.
    const hr = await sheet('区工信局');
    const dHr = await direct(`e.area_code like '${districtCode}%' and e.sector = 'machinery'`);
    expect([hr.lines[0].value, hr.lines[1].value]).toEqual([
      Math.round((dHr.std.k * 10000) / dHr.std.n) / 100,
      Math.round((dHr.cert.k * 10000) / dHr.cert.n) / 100,
    ]);
    expect(hr.lines[3]).toMatchObject({ value: 0, basis: '未制定年度执法检查计划', points: 0 });
    // The park station: e3 only — no valid certificate, an untrained principal.
    const pk = await sheet('甲园区');
    expect(pk.lines.map((l: { value: number | null }) => l.value)).toEqual([0, 0, 0, 0]);
  });
});
