// The hidden-danger loop through the API: who may do what (令16号 and the acceptance policy in
// reference/hazards/workflow.ts), evidence, optimistic locking, the timeline and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, hazardEvents } from '../../db/schema';
import { act, buildHazardWorld, completeImplementations, completePlan, report, type HazardWorld } from './hazards.fixtures';

let w: HazardWorld;
beforeAll(async () => {
  w = await buildHazardWorld();
});
afterAll(() => w.close());

const general = (enterpriseId: string, source = 'enterprise_self_check') => ({
  enterpriseId,
  source,
  description: '配电箱门缺失，带电部位裸露',
  location: '二号车间东侧',
  category: 'unsafe_condition',
  accidentType: '05',
  grade: 'general',
});

describe('general hidden danger found by the enterprise itself', () => {
  it('is rectified and accepted by the enterprise, with one timeline row per step and an audit entry each', async () => {
    let h = await report(w.entA, general(w.enterpriseA.id));
    expect(h).toMatchObject({
      state: 'reported',
      acceptor: 'enterprise',
      overdue: false,
      number: expect.stringMatching(/^YH\d{4}-\d{6}$/),
    });
    expect(h.abilities).toEqual(expect.arrayContaining(['start_rectification', 'fix_on_the_spot']));
    expect(h.accidentTypeLabel).toEqual({ zh: '触电', en: 'Electric shock' });

    const missing = await act(w.entA, h, 'start_rectification', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'evidence.deadline',
      'evidence.responsiblePerson',
    ]);

    h = (await act(w.entA, h, 'start_rectification', { deadlineDays: 7, deadlineUnit: 'calendar', responsiblePerson: '陈海燕' })).json();
    expect(h.state).toBe('rectifying');
    h = (await act(w.entA, h, 'submit_for_acceptance', { rectificationRecord: '已加装箱门并上锁' })).json();
    expect(h.state).toBe('awaiting_acceptance');
    const accepted = await act(w.entA, h, 'accept', { acceptanceOpinion: '整改到位' });
    expect(accepted.statusCode).toBe(200);
    h = accepted.json();
    expect(h).toMatchObject({ state: 'closed', abilities: [] });
    expect(h.timeline.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'start_rectification',
      'submit_for_acceptance',
      'accept',
    ]);
    expect(h.timeline.map((e: { toState: string }) => e.toState)).toEqual(['reported', 'rectifying', 'awaiting_acceptance', 'closed']);
    const audits = await w.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'hazard'), eq(auditLog.entityId, h.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'hazard.accept',
      'hazard.report',
      'hazard.start_rectification',
      'hazard.submit_for_acceptance',
    ]);
  });

  it('can be fixed on the spot (立查立改) when general, closing at once', async () => {
    const h = await report(w.entA, general(w.enterpriseA.id));
    const res = await act(w.entA, h, 'fix_on_the_spot', { onTheSpotRecord: '当场关闭箱门并上锁' });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('closed');
  });

  it('refuses a stale version with 409 and the current record', async () => {
    const h = await report(w.entA, general(w.enterpriseA.id));
    await act(w.entA, h, 'start_rectification', { deadline: '2099-01-01', responsiblePerson: '甲' });
    const stale = await act(w.entA, h, 'fix_on_the_spot', { onTheSpotRecord: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: h.id, state: 'rectifying', version: h.version + 1 });
  });
});

describe('hidden danger found by the regulator', () => {
  it('is accepted by the regulator only; a rejection loops back to rectification', async () => {
    let h = await report(w.streetOfficerA, general(w.enterpriseA.id, 'government_inspection'));
    expect(h.acceptor).toBe('regulator');
    // The enterprise cannot set the deadline of a regulator's 限期整改 order …
    expect((await act(w.entA, h, 'start_rectification', { deadline: '2099-01-01', responsiblePerson: '甲' })).statusCode).toBe(403);
    h = (await act(w.streetOfficerA, h, 'start_rectification', { deadline: '2099-01-01', responsiblePerson: '陈海燕' })).json();
    // … and the regulator cannot rectify in its place.
    expect((await act(w.streetOfficerA, h, 'submit_for_acceptance', { rectificationRecord: 'x' })).statusCode).toBe(403);
    const entView = (await w.entA.get(`/api/hazards/${h.id}`)).json();
    expect(entView.abilities).toEqual(['submit_for_acceptance']);
    h = (await act(w.entA, h, 'submit_for_acceptance', { rectificationRecord: '第一次整改' })).json();
    expect((await act(w.entA, h, 'accept', { acceptanceOpinion: '自己验收' })).statusCode).toBe(403);
    h = (await act(w.streetOfficerA, h, 'reject', { rejectionReason: '未更换防护罩' })).json();
    expect(h.state).toBe('rectifying');
    h = (await act(w.entA, h, 'submit_for_acceptance', { rectificationRecord: '已更换防护罩' })).json();
    h = (await act(w.streetOfficerA, h, 'accept', { acceptanceOpinion: '复查合格' })).json();
    expect(h.state).toBe('closed');
    expect(h.timeline.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'start_rectification',
      'submit_for_acceptance',
      'reject',
      'submit_for_acceptance',
      'accept',
    ]);
  });

  it('an enterprise cannot record a finding as anything but its own self-check', async () => {
    const res = await w.entA.post('/api/hazards', general(w.enterpriseA.id, 'government_inspection'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('source');
  });
});

describe('major hidden danger', () => {
  const major = () => ({
    ...general(w.enterpriseA.id),
    description: '干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施',
    grade: 'major',
    majorItemId: 'MEM10-2023/11.3',
  });

  it('cannot be fixed on the spot, cannot be accepted by the enterprise, and needs a complete plan and 五落实', async () => {
    let h = await report(w.entA, major());
    expect(h.majorItem).toMatchObject({ id: 'MEM10-2023/11.3', text: expect.stringContaining('干式除尘系统') });
    expect(h.acceptor).toBe('regulator');
    expect(h.abilities).not.toContain('fix_on_the_spot');
    const spot = await act(w.entA, h, 'fix_on_the_spot', { onTheSpotRecord: 'x' });
    expect(spot.statusCode).toBe(400);
    expect(spot.json().error.details[0].message).toContain('重大事故隐患不能立查立改');

    h = (await act(w.entA, h, 'start_rectification', { deadlineDays: 30, responsiblePerson: '陈海燕' })).json();
    const incomplete = await act(w.entA, h, 'submit_for_acceptance', {
      rectificationRecord: '已改造',
      treatmentPlan: { ...completePlan, funds_and_materials: '' },
    });
    expect(incomplete.statusCode).toBe(400);
    const fields = incomplete.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toContain('evidence.treatmentPlan.funds_and_materials');
    expect(fields).toContain('evidence.implementations.measures');

    h = (
      await act(w.entA, h, 'submit_for_acceptance', {
        rectificationRecord: '已改造',
        treatmentPlan: completePlan,
        implementations: completeImplementations,
      })
    ).json();
    expect(h.state).toBe('awaiting_acceptance');
    const self = await act(w.entA, h, 'accept', { acceptanceOpinion: '我们自己验收' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details[0].message).toContain('重大事故隐患须由监管部门');
    h = (await act(w.streetOfficerA, h, 'accept', { acceptanceOpinion: '现场核查合格' })).json();
    expect(h.state).toBe('closed');
  });

  it('refuses a 令10号 item that does not exist, or one cited on a general hidden danger', async () => {
    const unknown = await w.entA.post('/api/hazards', { ...major(), majorItemId: 'MEM10-2023/6.99' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('majorItemId');
    const onGeneral = await w.entA.post('/api/hazards', { ...major(), grade: 'general' });
    expect(onGeneral.statusCode).toBe(400);
  });

  it('goes through 挂牌督办: listing, progress, application for review due in 10 days, acceptance, de-listing', async () => {
    let h = await report(w.streetOfficerA, { ...major(), source: 'government_inspection' });
    expect(h.abilities).toContain('list');
    expect(
      (await w.entA.post(`/api/hazards/${h.id}/listing`, { version: h.version, documentNumber: 'x', requiredCompletionDate: '2099-01-01' }))
        .statusCode,
    ).toBe(403);
    h = (
      await w.streetOfficerA.post(`/api/hazards/${h.id}/listing`, {
        version: h.version,
        documentNumber: '龙城安督〔2026〕3号',
        requiredCompletionDate: '2099-01-01',
        stopProduction: true,
      })
    ).json();
    expect(h.listing).toMatchObject({ status: 'listed', documentNumber: '龙城安督〔2026〕3号', stopProduction: true, overdue: false });
    h = (await act(w.streetOfficerA, h, 'start_rectification', { deadline: '2098-12-01', responsiblePerson: '陈海燕' })).json();
    const progress = await w.entA.post(`/api/hazards/${h.id}/listing/progress`, { version: h.version, progress: '除尘系统改造已完成 60%' });
    expect(progress.statusCode).toBe(200);
    h = progress.json();
    const noAssessment = await act(w.entA, h, 'submit_for_acceptance', {
      rectificationRecord: '完成',
      treatmentPlan: completePlan,
      implementations: completeImplementations,
    });
    expect(noAssessment.json().error.details.map((d: { field: string }) => d.field)).toEqual(['evidence.assessmentReport']);
    h = (
      await act(w.entA, h, 'submit_for_acceptance', {
        rectificationRecord: '完成',
        treatmentPlan: completePlan,
        implementations: completeImplementations,
        assessmentReport: '第三方评估：治理有效',
      })
    ).json();
    expect(h.listing.status).toBe('review_applied');
    expect(h.listing.reviewDue).toBe(addDaysUtc(h.listing.reviewAppliedOn, 10));
    expect((await w.streetOfficerA.post(`/api/hazards/${h.id}/listing/delist`, { version: h.version, opinion: '销号' })).statusCode).toBe(
      400,
    );
    h = (await act(w.streetOfficerA, h, 'accept', { acceptanceOpinion: '现场审查合格，同意恢复生产' })).json();
    expect(h.listing.status).toBe('reviewed');
    h = (
      await w.streetOfficerA.post(`/api/hazards/${h.id}/listing/delist`, {
        version: h.version,
        opinion: '同意销号',
        documentNumber: '龙城安督销〔2026〕3号',
      })
    ).json();
    expect(h.listing.status).toBe('delisted');
    const register = (await w.streetOfficerA.get('/api/hazards/listed')).json();
    expect(register.items.map((i: { id: string }) => i.id)).toContain(h.id);
    expect((await w.streetOfficerB.get('/api/hazards/listed')).json().total).toBe(0);
    const steps = h.timeline.map((e: { action: string }) => e.action);
    expect(steps).toEqual(['report', 'list', 'start_rectification', 'report_progress', 'submit_for_acceptance', 'accept', 'delist']);
  });
});

describe('re-grading (隐患等级调整)', () => {
  it('lets the regulator raise a general one to major, which takes acceptance away from the enterprise and moves the statistics', async () => {
    const statsOf = async () => (await w.districtOfficer.get('/api/hazards/stats?groupBy=grade')).json().rows;
    const majorBefore = (await statsOf()).find((r: { key: string }) => r.key === 'major')?.found ?? 0;
    let h = await report(w.entA, general(w.enterpriseA.id));
    expect(h.abilities).not.toContain('regrade');
    expect((await w.entA.post(`/api/hazards/${h.id}/regrade`, { version: h.version, grade: 'major', reason: '重大' })).statusCode).toBe(
      403,
    );
    expect(
      (await w.streetOfficerB.post(`/api/hazards/${h.id}/regrade`, { version: h.version, grade: 'major', reason: '重大' })).statusCode,
    ).toBe(404);
    const street = (await w.streetOfficerA.get(`/api/hazards/${h.id}`)).json();
    expect(street.abilities).toContain('regrade');
    const same = await w.streetOfficerA.post(`/api/hazards/${h.id}/regrade`, { version: h.version, grade: 'general', reason: 'x' });
    expect(same.statusCode).toBe(400);
    const raised = await w.streetOfficerA.post(`/api/hazards/${h.id}/regrade`, {
      version: h.version,
      grade: 'major',
      reason: '现场核查：粉尘爆炸危险场所未按规定设置泄爆装置',
    });
    expect(raised.statusCode).toBe(200);
    h = raised.json();
    expect(h).toMatchObject({ grade: 'major', acceptor: 'regulator', state: 'reported' });
    expect(h.timeline.at(-1)).toMatchObject({ action: 'regrade', fromState: 'reported', toState: 'reported' });
    expect(h.timeline.at(-1).evidence).toMatchObject({ fromGrade: 'general', toGrade: 'major' });
    expect((await statsOf()).find((r: { key: string }) => r.key === 'major').found).toBe(majorBefore + 1);
    // Now major: no 立查立改, and the enterprise can no longer sign it off.
    expect((await act(w.entA, h, 'fix_on_the_spot', { onTheSpotRecord: '已整改' })).statusCode).toBe(400);
    const [audit] = await w.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, h.id), eq(auditLog.action, 'hazard.regrade')));
    expect(audit).toBeDefined();
  });

  it('keeps a listed major one major, and a closed one as it is', async () => {
    const major = { ...general(w.enterpriseA.id), grade: 'major', majorItemId: 'MEM10-2023/11.3', source: 'government_inspection' };
    let h = await report(w.streetOfficerA, major);
    h = (
      await w.streetOfficerA.post(`/api/hazards/${h.id}/listing`, {
        version: h.version,
        documentNumber: '督〔2026〕9号',
        requiredCompletionDate: '2099-01-01',
      })
    ).json();
    expect(h.abilities).not.toContain('regrade');
    const down = await w.streetOfficerA.post(`/api/hazards/${h.id}/regrade`, {
      version: h.version,
      grade: 'general',
      reason: '不构成重大',
    });
    expect(down.statusCode).toBe(400);
    let g = await report(w.entA, general(w.enterpriseA.id));
    g = (await act(w.entA, g, 'fix_on_the_spot', { onTheSpotRecord: '当场整改' })).json();
    const closed = await w.streetOfficerA.post(`/api/hazards/${g.id}/regrade`, { version: g.version, grade: 'major', reason: 'x' });
    expect(closed.statusCode).toBe(400);
  });
});

function addDaysUtc(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('timeline integrity', () => {
  it('never writes a state change without its event', async () => {
    const rows = await w.t.database.db.select().from(hazardEvents);
    const lastByHazard = new Map<string, string>();
    for (const e of rows.sort((a, b) => a.id - b.id)) lastByHazard.set(e.hazardId, e.toState);
    const list = (await w.districtOfficer.get('/api/hazards?pageSize=200')).json();
    for (const item of list.items) expect(lastByHazard.get(item.id), item.number).toBe(item.state);
  });
});
