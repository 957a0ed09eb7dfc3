// 双随机 draws on a real database: SQL sample = the pure reference sample, reproducible (verify), risk signals raise
// weights, inspectors avoid their own street and last time's pairs, publication is masked, scope holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseRiskSummary } from '../../db/schema';
import { defaultWeightTable, sampleWeighted } from '../../reference/enforcement/draw';
import { buildEnforcementWorld, type EnforcementWorld } from './enforcement.fixtures';

let w: EnforcementWorld;
beforeAll(async () => {
  w = await buildEnforcementWorld();
  const e = w.enterprisesA[0]!;
  await w.t.database.db
    .insert(enterpriseRiskSummary)
    .values({ enterpriseId: e.id, areaCode: e.areaCode, sector: 'machinery', level: 'major' });
}, 60_000);
afterAll(() => w.close());

describe('双随机 draws', () => {
  it('draws k enterprises in SQL exactly as the reference function does, and verifies', async () => {
    const res = await w.officer.post('/api/enforcement/draws', { title: '2026年第一批', k: 6 });
    expect(res.statusCode, res.body).toBe(201);
    const draw = res.json();
    expect(draw.poolCount).toBe(20);
    expect(draw.result).toHaveLength(6);
    expect(new Set(draw.result.map((r: { enterpriseId: string }) => r.enterpriseId)).size).toBe(6);
    // Red risk and never inspected: 1 + 3 + 1; everyone else: 1 + 1 (never inspected).
    const base = defaultWeightTable.base + defaultWeightTable.neverInspected;
    const pool = [...w.enterprisesA, ...w.enterprisesB].map((e) => ({
      id: e.id,
      weight: e.id === w.enterprisesA[0]!.id ? base + defaultWeightTable.redRisk : base,
    }));
    expect(draw.poolWeightTotal).toBe(20 * base + defaultWeightTable.redRisk);
    expect(draw.result.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual(sampleWeighted(pool, 6, draw.seed).map((p) => p.id));
    const v = await w.leader.post(`/api/enforcement/draws/${draw.id}/verify`);
    expect(v.json()).toMatchObject({ matches: true, poolUnchanged: true });
  });

  it('filters by street and sector', async () => {
    const res = await w.officer.post('/api/enforcement/draws', {
      title: '甲街道轻工',
      k: 3,
      filter: { areaCode: w.streetA, sector: 'light_industry' },
    });
    expect(res.json().poolCount).toBe(5);
    const ids = new Set(w.enterprisesA.map((e) => e.id));
    expect(res.json().result.every((r: { enterpriseId: string }) => ids.has(r.enterpriseId))).toBe(true);
  });

  it('never sends a street officer to an enterprise in their own street, nor repeats the previous pairs', async () => {
    const a = (await w.officer.post('/api/enforcement/draws', { title: 'A', k: 20, inspectorsPerEnterprise: 2 })).json();
    const b = (await w.officer.post('/api/enforcement/draws', { title: 'B', k: 20, inspectorsPerEnterprise: 2 })).json();
    const streetA = new Set(w.enterprisesA.map((e) => e.id));
    const previous = new Set<string>();
    for (const r of a.result) for (const i of r.inspectorIds) previous.add(`${i}|${r.enterpriseId}`);
    for (const r of b.result) {
      if (streetA.has(r.enterpriseId)) expect(r.inspectorIds).not.toContain(w.streetOfficerAId);
      for (const i of r.inspectorIds) expect(previous.has(`${i}|${r.enterpriseId}`)).toBe(false);
    }
  });

  it('creates drawn inspection tasks when a day is given', async () => {
    const res = await w.officer.post('/api/enforcement/draws', { title: '带任务', k: 2, plannedOn: '2026-12-01' });
    expect(res.statusCode).toBe(201);
    const list = await w.officer.get(`/api/inspections?kind=drawn`);
    if (list.statusCode !== 404) expect(list.json().total).toBeGreaterThanOrEqual(2);
  });

  it('publishes a masked notice; unpublished draws are not public; other streets cannot see a street draw', async () => {
    const draw = (await w.streetOfficerA.post('/api/enforcement/draws', { title: '街道抽查', k: 2 })).json();
    expect(draw.poolCount).toBe(10);
    expect((await w.t.app.inject({ method: 'GET', url: `/api/public/draws/${draw.id}` })).statusCode).toBe(404);
    expect((await w.streetOfficerB.get(`/api/enforcement/draws/${draw.id}`)).statusCode).toBe(404);
    expect((await w.officer.get(`/api/enforcement/draws/${draw.id}`)).statusCode).toBe(200);
    expect((await w.streetOfficerA.post(`/api/enforcement/draws/${draw.id}/publish`)).json().published).toBe(true);
    const pub = await w.t.app.inject({ method: 'GET', url: `/api/public/draws/${draw.id}` });
    expect(pub.statusCode).toBe(200);
    const names = pub.json().result.flatMap((r: { inspectors: string[] }) => r.inspectors);
    expect(names.every((n: string) => n.endsWith('＊') || n === '')).toBe(true);
    expect(pub.body).not.toContain('inspectorIds');
  });
});
