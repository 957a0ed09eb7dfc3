// Record scope for accidents: a street officer never sees another street's accidents — not in the
// list, not in the count, not in analysis or hotspots, 404 by id; an enterprise account sees only its
// own enterprise's; an industry officer only their sectors. Writes outside one's scope are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody, buildWorld, type World } from './test-world';

let w: World;
let inA: { id: string };
let inB: { id: string };
let ofEnterprise: { id: string };
beforeAll(async () => {
  w = await buildWorld();
  const post = async (area: string, o = {}) => {
    const res = await w.officer.post('/api/accidents', accidentBody(area, o));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  inA = await post(w.streetA.code, { deaths: 1, unitName: '甲街道某厂' });
  inB = await post(w.streetB.code, { deaths: 2, unitName: '乙街道某厂' });
  ofEnterprise = await post(w.streetA.code, { enterpriseId: w.enterpriseA.id, deaths: 0, seriousInjuries: 1 });
  await post(w.streetB.code, { sector: 'construction', category: 'industry_mining_commerce', deaths: 1 });
});
afterAll(() => w.t.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

describe('street officer', () => {
  it('sees only its own street in the list and the count', async () => {
    const own = (await w.streetOfficerA.get('/api/accidents?pageSize=200')).json();
    expect(ids(own)).toContain(inA.id);
    expect(ids(own)).not.toContain(inB.id);
    expect(own.total).toBe(2);
    const filtered = (await w.streetOfficerA.get(`/api/accidents?areaCode=${w.streetB.code}`)).json();
    expect(filtered).toEqual({ items: [], total: 0 });
  });
  it('gets 404 for another street’s accident, its timeline and investigation, and cannot edit it', async () => {
    expect((await w.streetOfficerA.get(`/api/accidents/${inB.id}`)).statusCode).toBe(404);
    expect((await w.streetOfficerA.get(`/api/accidents/${inB.id}/timeline`)).statusCode).toBe(404);
    expect((await w.streetOfficerA.get(`/api/accidents/${inB.id}/investigation`)).statusCode).toBe(404);
    expect((await w.streetOfficerA.patch(`/api/accidents/${inB.id}`, { version: 1, deaths: 5 })).statusCode).toBe(404);
  });
  it('cannot register an accident in another street', async () => {
    const res = await w.streetOfficerA.post('/api/accidents', accidentBody(w.streetB.code));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('areaCode');
  });
  it('analysis and hotspots count only its street', async () => {
    const byArea = (await w.streetOfficerA.get('/api/accidents/analysis?groupBy=area')).json();
    expect(byArea.items.map((i: { key: string }) => i.key.slice(0, 9))).toEqual([w.streetA.code]);
    expect(byArea.total).toMatchObject({ accidents: 2, deaths: 1 });
    const byYear = (await w.streetOfficerA.get('/api/accidents/analysis?groupBy=year')).json();
    expect(byYear.total.accidents).toBe(2);
    const hot = (await w.streetOfficerA.get('/api/accidents/hotspots')).json();
    expect(hot.areas.map((a: { key: string }) => a.key.slice(0, 9))).toEqual([w.streetA.code]);
  });
  it('the district sees both streets, ranked by harm', async () => {
    const byArea = (await w.officer.get('/api/accidents/analysis?groupBy=area')).json();
    expect(byArea.items.map((i: { key: string }) => i.key)).toEqual([w.streetB.code, w.streetA.code]);
    expect(byArea.items[0].label.zh).toBe('乙街道');
    expect(byArea.total).toMatchObject({ accidents: 4, deaths: 4 });
  });
});

describe('enterprise account', () => {
  it('sees only its own enterprise’s accidents', async () => {
    const list = (await w.enterpriseUserA.get('/api/accidents')).json();
    expect(ids(list)).toEqual([ofEnterprise.id]);
    expect(list.items[0].abilities).toEqual([]);
    expect((await w.enterpriseUserA.get(`/api/accidents/${inA.id}`)).statusCode).toBe(404);
    const analysis = (await w.enterpriseUserA.get('/api/accidents/analysis?groupBy=category')).json();
    expect(analysis.total).toMatchObject({ accidents: 1, deaths: 0, seriousInjuries: 1 });
  });
});

describe('industry officer', () => {
  it('sees only accidents of its sectors, in list and analysis', async () => {
    const list = (await w.zhujian.get('/api/accidents')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].sector).toBe('construction');
    const bySector = (await w.zhujian.get('/api/accidents/analysis?groupBy=sector')).json();
    expect(bySector.items.map((i: { key: string }) => i.key)).toEqual(['construction']);
  });
  it('cannot register an accident of another sector', async () => {
    expect((await w.zhujian.post('/api/accidents', accidentBody(w.streetA.code, { sector: 'machinery' }))).statusCode).toBe(400);
    expect((await w.zhujian.post('/api/accidents', accidentBody(w.streetA.code, { sector: 'construction' }))).statusCode).toBe(201);
  });
});
