// Record scope on every hazards read: a street officer sees its street only (board, counts, detail, register,
// statistics, reports, exports), an enterprise its own records only; out of scope answers 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, buildHazardWorld, report, type HazardWorld } from './hazards.fixtures';

let w: HazardWorld;
let a: { id: string; version: number };
let b: { id: string; version: number };
beforeAll(async () => {
  w = await buildHazardWorld();
  const base = { source: 'enterprise_self_check', description: '叉车未定期检验', category: 'unsafe_condition', grade: 'general' };
  a = await report(w.entA, { ...base, enterpriseId: w.enterpriseA.id });
  b = await report(w.entB, { ...base, enterpriseId: w.enterpriseB.id });
  await report(w.streetOfficerB, { ...base, source: 'grid_patrol', enterpriseId: w.enterpriseB.id });
});
afterAll(() => w.close());

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('street officer', () => {
  it('sees only its street on the board and in the counts', async () => {
    const page = (await w.streetOfficerA.get('/api/hazards')).json();
    expect(ids(page)).toEqual([a.id]);
    expect(page.total).toBe(1);
    expect(page.counts).toMatchObject({ reported: 1, rectifying: 0, closed: 0, overdue: 0 });
    const other = (await w.streetOfficerB.get('/api/hazards')).json();
    expect(other.total).toBe(2);
    expect(ids(other)).not.toContain(a.id);
    // Filtering on the other street narrows, never widens.
    expect((await w.streetOfficerA.get(`/api/hazards?areaCode=${w.streetB}`)).json().total).toBe(0);
    expect((await w.streetOfficerA.get(`/api/hazards?enterpriseId=${w.enterpriseB.id}`)).json().total).toBe(0);
  });

  it('gets 404 for another street’s hazard: detail, actions, listing, reports and export', async () => {
    expect((await w.streetOfficerA.get(`/api/hazards/${b.id}`)).statusCode).toBe(404);
    expect((await act(w.streetOfficerA, b, 'start_rectification', { deadline: '2099-01-01', responsiblePerson: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (
        await w.streetOfficerA.post(`/api/hazards/${b.id}/listing`, {
          version: 1,
          documentNumber: 'x',
          requiredCompletionDate: '2099-01-01',
        })
      ).statusCode,
    ).toBe(404);
    expect((await w.streetOfficerA.get(`/api/enterprises/${w.enterpriseB.id}/hazard-report?period=2026`)).statusCode).toBe(404);
    expect((await w.streetOfficerA.get(`/api/enterprises/${w.enterpriseB.id}/hazard-export`)).statusCode).toBe(404);
  });

  it('gets statistics of its own street only', async () => {
    const own = (await w.streetOfficerA.get('/api/hazards/stats?groupBy=area')).json();
    expect(own.total.found).toBe(1);
    expect(own.rows.every((r: { key: string }) => r.key.startsWith(w.streetA))).toBe(true);
    const asked = (await w.streetOfficerA.get(`/api/hazards/stats?groupBy=sector&areaCode=${w.streetB}`)).json();
    expect(asked.total.found).toBe(0);
    const district = (await w.districtOfficer.get('/api/hazards/stats?groupBy=area')).json();
    expect(district.total.found).toBe(3);
    expect(district.rows.map((r: { key: string; label: { zh: string } }) => [r.key, r.label.zh])).toEqual([
      [w.streetA, '甲街道'],
      [w.streetB, '乙街道'],
    ]);
    expect(district.total.selfReportShare).toBeCloseTo(2 / 3, 3);
  });
});

describe('enterprise account', () => {
  it('sees only its own hazards and cannot report for another enterprise', async () => {
    const page = (await w.entA.get('/api/hazards')).json();
    expect(ids(page)).toEqual([a.id]);
    expect((await w.entA.get(`/api/hazards/${b.id}`)).statusCode).toBe(404);
    const res = await w.entA.post('/api/hazards', {
      enterpriseId: w.enterpriseB.id,
      source: 'enterprise_self_check',
      description: '越权登记',
      category: 'unsafe_act',
      grade: 'general',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('enterpriseId');
    expect((await w.entA.get('/api/hazards/stats')).statusCode).toBe(403);
  });

  it('gets its own 令16号 quarterly and annual report with the due dates', async () => {
    const year = (await w.entA.get(`/api/enterprises/${w.enterpriseA.id}/hazard-report?period=${new Date().getFullYear()}`)).json();
    expect(year).toMatchObject({ found: 1, foundByGrade: { general: 1 }, foundBySource: { enterprise_self_check: 1 }, openAtEnd: 1 });
    expect(year.due).toBe(`${new Date().getFullYear() + 1}-01-31`);
    const q3 = (await w.entA.get(`/api/enterprises/${w.enterpriseA.id}/hazard-report?period=2025Q3`)).json();
    expect(q3).toMatchObject({ found: 0, due: '2025-10-15', period: { from: '2025-07-01', to: '2025-09-30' } });
  });

  it('exports its dual-prevention data with the hidden-danger level filled', async () => {
    const res = await w.entA.get(`/api/enterprises/${w.enterpriseA.id}/hazard-export`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment/);
    const body = res.json();
    expect(body).toMatchObject({ format: 'anjian.dual-prevention.v1', enterprise: { id: w.enterpriseA.id }, units: [] });
    expect(body.hiddenDangers.map((h: { id: string }) => h.id)).toEqual([a.id]);
    expect(body.hiddenDangers[0]).toMatchObject({ grade: 'general', state: 'reported', acceptor: 'enterprise', checkRecordId: null });
  });
});
