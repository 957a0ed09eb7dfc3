// Penalty cases on a real database: 简易程序 limits, the general procedure step by step with its legal checks,
// the five-evidence filter, the 首查必罚 filter, and the masked public page with automatic withdrawal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, cstDate } from '../../../platform/time';
import { buildEnforcementWorld, pinEnforcementDay, type EnforcementWorld } from '../enforcement.fixtures';
import { yearElapsed } from '../plans/plans.presenter';
import { buildDistrict, buildEnterprise, buildOrg, buildStreet, buildUser } from '../../../seed/factories';
import { loginAs } from '../../../../test/app';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld(2);
}, 60_000);
afterAll(() => w.close());
const on = pinEnforcementDay();

const base = () => ({
  enterpriseId: w.enterprisesA[0]!.id,
  procedure: 'general',
  partyKind: 'organisation',
  partyName: w.enterprisesA[0]!.name,
  violation: '未建立隐患排查治理制度',
  basisId: 'AQSCF2021-94',
});

describe('penalty cases', () => {
  it('limits on-the-spot fines to 200 yuan for a person and 3,000 for an organisation', async () => {
    const org = { ...base(), procedure: 'simple', basisId: 'AQSCF2021-102' };
    expect((await w.officer.post('/api/enforcement/cases', { ...org, fine: 3001 })).statusCode).toBe(400);
    const ok = await w.officer.post('/api/enforcement/cases', { ...org, fine: 3000 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'served', decidedOn: cstDate(), paymentDue: addDays(cstDate(), 15) });
    expect(ok.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['penalty_decision']);
    const person = { ...org, partyKind: 'natural_person', partyName: '张三' };
    expect((await w.officer.post('/api/enforcement/cases', { ...person, fine: 201 })).statusCode).toBe(400);
    expect((await w.officer.post('/api/enforcement/cases', { ...person, fine: 200 })).statusCode).toBe(201);
  });

  it('runs the general procedure with its checks, publishes masked, and withdraws a changed decision', async () => {
    const filed = await w.officer.post('/api/enforcement/cases', {
      ...base(),
      partyKind: 'natural_person',
      partyName: '李四光',
      partyIdNumber: '44030719800101123X',
      partyPhone: '13812345678',
      partyAddress: '深圳市龙岗区龙城街道某路1号',
      firstCheckMustPenalise: true,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    let c = filed.json();
    expect(c).toMatchObject({ status: 'filed', decisionDue: addDays(cstDate(), 90), abilities: ['investigate'] });
    expect(c.number).toMatch(/^（测）应急立〔\d{4}〕\d+号$/);
    const step = async (who: typeof w.officer, action: string, body: Record<string, unknown> = {}) => {
      const res = await who.post(`/api/enforcement/cases/${c.id}/actions/${action}`, { version: c.version, ...body });
      if (res.statusCode === 200) c = res.json();
      return res;
    };
    const stale = await w.officer.post(`/api/enforcement/cases/${c.id}/actions/investigate`, { version: c.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: c.id, version: c.version, status: 'filed', abilities: ['investigate'] });
    expect((await step(w.officer, 'investigate')).statusCode).toBe(200);
    expect((await step(w.officer, 'notify', { fine: 10_000 })).statusCode).toBe(400); // §94: 2–5万
    expect((await step(w.officer, 'notify', { fine: 30_000 })).statusCode).toBe(200);
    expect((await step(w.officer, 'submit_review')).statusCode).toBe(400); // rights period still running
    expect((await step(w.officer, 'submit_review', { waived: true })).statusCode).toBe(200);
    expect((await step(w.officer, 'approve_review')).statusCode).toBe(403);
    expect((await step(w.leader, 'extend', { extensionDays: 30, note: '案情复杂' })).statusCode).toBe(200);
    expect(c.decisionDue).toBe(addDays(cstDate(), 120));
    expect((await step(w.leader, 'approve_review')).statusCode).toBe(200);
    expect((await step(w.leader, 'decide', { publish: true })).statusCode).toBe(200);
    expect(c.documents.map((d: { kind: string }) => d.kind)).toEqual(['penalty_notice', 'penalty_decision']);

    const pub = (await w.t.app.inject({ method: 'GET', url: '/api/public/penalties' })).json();
    const mine = pub.items.find((i: { id: string }) => i.id === c.id);
    expect(mine).toMatchObject({
      partyName: '李＊＊',
      partyIdNumber: '440307********123X',
      partyPhone: '138****5678',
      partyAddress: '深圳市龙岗区龙城街道****',
      fine: 30000,
    });
    expect(JSON.stringify(pub)).not.toContain('13812345678');

    expect((await step(w.officer, 'serve')).statusCode).toBe(200);
    expect((await step(w.officer, 'pay', { amountPaid: 29_999 })).statusCode).toBe(400);
    expect((await step(w.officer, 'pay', { amountPaid: 30_000 })).statusCode).toBe(200);
    expect((await step(w.officer, 'close')).statusCode).toBe(200);
    expect(c.status).toBe('closed');

    // Changed on the Tuesday before 国庆 2026: withdrawn from publication within 3 working days (行政处罚法 §48, §85) —
    // 30 Sep, then 8 and 9 Oct.
    on('2026-09-29');
    expect((await step(w.leader, 'change_decision', { note: '复议撤销' })).statusCode).toBe(200);
    expect(c).toMatchObject({ changedOn: '2026-09-29', withdrawalDue: '2026-10-09', calendarGapYear: null });
    const after = (await w.t.app.inject({ method: 'GET', url: '/api/public/penalties' })).json();
    expect(after.items.some((i: { id: string }) => i.id === c.id)).toBe(false);

    const flagged = (await w.officer.get('/api/enforcement/cases?firstCheckMustPenalise=true')).json();
    expect(flagged.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect((await w.streetOfficerB.get(`/api/enforcement/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('numbers each authority on its own: two bureaus printing the same mark both file their case 1', async () => {
    const db = w.t.database.db;
    const filedBy = async (districtName: string) => {
      const district = await buildDistrict(db, districtName);
      const bureau = await buildOrg(db, { area: district, name: `深圳市${districtName}应急管理局` });
      const ent = await buildEnterprise(db, { street: await buildStreet(db, { district }) });
      const u = await buildUser(db, { role: 'district_officer', org: bureau });
      const officer = await loginAs(w.t.app, u.username, u.password);
      const res = await officer.post('/api/enforcement/cases', { ...base(), enterpriseId: ent.id, partyName: ent.name });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().number as string;
    };
    // 龙岗区 and 龙华区 both print 龙 by default (docs: orgMark).
    const year = cstDate().slice(0, 4);
    expect(await filedBy('龙岗区')).toBe(`（龙）应急立〔${year}〕1号`);
    expect(await filedBy('龙华区')).toBe(`（龙）应急立〔${year}〕1号`);
  });

  it('lists cases missing any of the five pieces of evidence', async () => {
    const e = w.enterprisesA[1]!;
    const insp = (await w.officer.post('/api/inspections', { enterpriseId: e.id, kind: 'planned', plannedOn: cstDate() })).json();
    const rec = (
      await w.officer.post(`/api/inspections/${insp.id}/record`, {
        version: 1,
        findings: [{ description: '配电箱无防护', grade: 'general', category: 'unsafe_condition' }],
        rectificationDeadline: addDays(cstDate(), 5),
        principalSignature: PNG,
      })
    ).json();
    const hazardId = rec.findings[0].hazardId;
    const filed = (
      await w.officer.post('/api/enforcement/cases', { ...base(), enterpriseId: e.id, partyName: e.name, inspectionId: insp.id })
    ).json();
    const listed = async (missing: boolean) =>
      (await w.officer.get(`/api/enforcement/cases?missingEvidence=${missing}`)).json().items.map((i: { id: string }) => i.id);
    expect(await listed(true)).toContain(filed.id);
    const shown = (await w.officer.get(`/api/enforcement/cases/${filed.id}`)).json();
    expect(shown.missingEvidence).toEqual(['penaltyOrder', 'rectificationResult', 'reinspection']);
    expect(hazardId).toBeTruthy();
  });
});

describe('enforcement statistics', () => {
  it('counts inspections, findings, decided cases and fines by month and by sector in scope', async () => {
    const month = (await w.officer.get('/api/enforcement/stats?by=month')).json();
    const row = month.rows.find((r: { key: string }) => r.key === cstDate().slice(0, 7));
    expect(row.inspections).toBeGreaterThanOrEqual(1);
    expect(row.findings).toBeGreaterThanOrEqual(1);
    expect(row.cases).toBeGreaterThanOrEqual(3);
    const sector = (await w.streetOfficerB.get('/api/enforcement/stats?by=sector')).json();
    expect(sector.rows).toEqual([]);
  });
});

describe('annual inspection plan', () => {
  it('measures inspections done against the share of the year elapsed', async () => {
    expect(yearElapsed(2026, '2025-12-31')).toBe(0);
    expect(yearElapsed(2026, '2026-12-31')).toBe(1);
    expect(yearElapsed(2026, '2026-07-02')).toBeCloseTo(183 / 365);
    const year = Number(cstDate().slice(0, 4));
    const put = await w.officer.request({
      method: 'PUT',
      url: `/api/enforcement/plans/${year}`,
      payload: { version: 0, groups: [{ name: '全部企业', timesPerYear: 2 }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const plan = (await w.officer.get(`/api/enforcement/plans/${year}`)).json();
    expect(plan.groups[0]).toMatchObject({ name: '全部企业', enterprises: 4, required: 8 });
    expect(plan.groups[0].done).toBeGreaterThanOrEqual(1);
    expect(plan.groups[0].expectedToDate).toBe(Math.round(8 * plan.elapsed));
  });
});
