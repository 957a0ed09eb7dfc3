// The 严重失信主体名单 (部令第11号; rules.md §9) through the API: proposal with sources from the credit record, the due
// process step by step on dated steps (objection period on working days across the 2025 National Day holiday, a
// decision refused inside the objection period, the 3-year period, early removal refused before 12 months and without
// its conditions, revocation of an early removal), candidates from the criteria, the lookup by credit code and the
// public page (masked; an expired listing leaves it by itself), scope (404), 409 on a stale version, bilingual 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise } from '../../seed/factories';
import { addDays, addMonths, cstDate } from '../../platform/time';
import { buildCreditWorld, type CreditWorld } from './credit.fixtures';
import { objectionDueOf } from './listing.rules';

let w: CreditWorld;
let accidentA: string;
const today = cstDate();
beforeAll(async () => {
  w = await buildCreditWorld();
  const a = await w.accident(w.entA, 'major', '2025-08-01T10:00:00+08:00');
  await w.consume(a.eventId);
  accidentA = a.row.id;
  for (const at of ['2026-02-01T09:00:00+08:00', '2026-09-01T09:00:00+08:00'])
    await w.consume((await w.accident(w.entB, 'larger', at)).eventId);
});
afterAll(() => w.close());

const propose = (enterpriseId: string, o: Record<string, unknown> = {}) =>
  w.as.district!.post('/api/credit/listings', {
    enterpriseId,
    criteria: ['major_accident'],
    grounds: '发生重大生产安全事故，负有责任，联系人13912345678',
    sources: [],
    ...o,
  });
const act = async (id: string, payload: Record<string, unknown>) => {
  const current = (await w.as.district!.get(`/api/credit/listings/${id}`)).json();
  return w.as.district!.post(`/api/credit/listings/${id}/act`, { version: current.version, ...payload });
};
const ok = async (id: string, payload: Record<string, unknown>) => {
  const res = await act(id, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('candidates from the criteria', () => {
  it('suggests a 重大 accident and two 较大 accidents within 12 months, in scope only', async () => {
    const res = await w.as.district!.get('/api/credit/listing-candidates');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { enterpriseId: string; criteria: { criterion: string }[] }[];
    const by = new Map(items.map((i) => [i.enterpriseId, i.criteria.map((c) => c.criterion)]));
    expect(by.get(w.entA.id)).toEqual(['major_accident']);
    expect(by.get(w.entB.id)).toEqual(['two_larger_accidents_12m']);
    const streetB = (await w.as.streetB!.get('/api/credit/listing-candidates')).json().items as { enterpriseId: string }[];
    expect(streetB.map((i) => i.enterpriseId)).toEqual([w.entB.id]);
  });
});

describe('the due process of one listing', () => {
  let id: string;
  it('proposes with grounds and a source on the credit record; a second proposal is a conflict', async () => {
    const res = await propose(w.entA.id, { sources: [{ type: 'accident', id: accidentA }] });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    id = v.id;
    expect(v).toMatchObject({ status: 'proposed', partyName: w.entA.name, creditCode: w.entA.creditCode, proposedOn: today });
    expect(v.grounds).not.toContain('13912345678');
    expect(v.abilities).toEqual(expect.arrayContaining(['notice', 'drop']));
    expect(v.history.map((h: { action: string }) => h.action)).toEqual(['propose']);
    expect((await propose(w.entA.id)).statusCode).toBe(409);
    const cands = (await w.as.district!.get('/api/credit/listing-candidates')).json().items as { enterpriseId: string }[];
    expect(cands.map((c) => c.enterpriseId)).not.toContain(w.entA.id);
  });

  it('refuses bad input with bilingual 400s that change nothing', async () => {
    const noGrounds = await propose(w.entB.id, { grounds: '' });
    expect(noGrounds.statusCode).toBe(400);
    const foreign = await propose(w.entB.id, { sources: [{ type: 'accident', id: accidentA }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toEqual({ field: 'sources.0', message: '所引记录不在该企业的信用记录中' });
    const noDoc = await act(id, { action: 'notice', on: addDays(today, 1) });
    expect(noDoc.statusCode).toBe(400);
    expect((await w.as.district!.get(`/api/credit/listings/${id}`)).json().status).toBe('proposed');
  });

  it('answers 404 out of scope and 409 on a stale version', async () => {
    expect((await w.as.streetB!.get(`/api/credit/listings/${id}`)).statusCode).toBe(404);
    expect((await w.as.streetA!.get(`/api/credit/listings/${id}`)).statusCode).toBe(200);
    const stale = await w.as.district!.post(`/api/credit/listings/${id}/act`, { action: 'notice', version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id, status: 'proposed' });
  });

  it('gives notice with an objection period on working days across the National Day holiday', async () => {
    const v = await ok(id, { action: 'notice', on: '2025-09-30' });
    // 2025: 10月1日–8日 off, 10月11日(六) worked → 9, 10, 11, 13, 14 October.
    expect(v.objectionDue).toBe('2025-10-14');
    expect(objectionDueOf('2025-09-30')).toBe('2025-10-14');
    const late = await act(id, { action: 'receive_objection', on: '2025-10-15', objection: '事故责任认定有误' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].field).toBe('on');
    const lateEn = await w.as.district!.request({
      method: 'POST',
      url: `/api/credit/listings/${id}/act`,
      payload: { action: 'receive_objection', on: '2025-10-15', objection: '事故责任认定有误', version: v.version },
      headers: { 'accept-language': 'en', 'x-csrf-token': w.as.district!.csrf, cookie: w.as.district!.cookie },
    });
    expect(lateEn.json().error.details[0].message).toBe('The objection period ended on 2025-10-14');
    const inTime = await ok(id, { action: 'receive_objection', on: '2025-10-14', objection: '事故责任认定有误' });
    expect(inTime).toMatchObject({ status: 'objection_received', objectionReceivedOn: '2025-10-14' });
    expect((await act(id, { action: 'reject_objection' })).json().error.details[0].field).toBe('reason');
    expect(await ok(id, { action: 'reject_objection', reason: '事故调查报告已认定其负有责任' })).toMatchObject({ status: 'reviewed' });
  });

  it('decides with a document number, publishes, and computes the 3-year period and 12 months', async () => {
    expect((await act(id, { action: 'decide', on: '2025-11-03' })).statusCode).toBe(400);
    const d = await ok(id, { action: 'decide', on: '2025-11-03', documentNumber: '测应急失信〔2025〕1号' });
    expect(d).toMatchObject({ status: 'decided', periodEnd: '2028-11-03', earlyRemovalFrom: '2026-11-03' });
    const p = await ok(id, { action: 'publish', on: '2025-11-05' });
    expect(p).toMatchObject({ status: 'published', publishedOn: '2025-11-05' });
    expect(p.abilities).not.toContain('remove_on_expiry');
    expect((await act(id, { action: 'remove_on_expiry' })).statusCode).toBe(400);
  });

  it('answers the lookup by credit code, shows the masked public page, and caps the grade at D', async () => {
    const look = (await w.as.streetB!.get(`/api/credit/lookup?creditCode=${w.entA.creditCode}`)).json();
    expect(look).toMatchObject({ listed: true, periodEnd: '2028-11-03', documentNumber: '测应急失信〔2025〕1号' });
    expect((await w.as.streetB!.get(`/api/credit/lookup?creditCode=${w.entB.creditCode}`)).json().listed).toBe(false);
    const pub = await w.t.app.inject({ method: 'GET', url: '/api/public/credit-listings' });
    expect(pub.statusCode).toBe(200);
    const row = pub.json().items.find((r: { id: string }) => r.id === id);
    expect(row).toMatchObject({ partyName: w.entA.name, principalName: '张＊' });
    expect(row.grounds).not.toContain('13912345678');
    const credit = (await w.as.district!.get(`/api/enterprises/${w.entA.id}/credit`)).json();
    expect(credit).toMatchObject({ listed: true, grade: 'D' });
  });

  it('removes early only with the three conditions, and a fraudulent removal is revoked (re-listed)', async () => {
    const bare = await act(id, { action: 'remove_early', appliedOn: '2026-11-10', reason: '申请信用修复' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.map((d: { field: string }) => d.field)).toEqual(['penaltyExecuted', 'harmRemoved', 'noNewConduct']);
    const early = await act(id, {
      action: 'remove_early',
      appliedOn: '2026-10-20',
      reason: '申请信用修复',
      penaltyExecuted: true,
      harmRemoved: true,
      noNewConduct: true,
    });
    expect(early.json().error.details.map((d: { field: string }) => d.field)).toEqual(['appliedOn']);
    const removed = await ok(id, {
      action: 'remove_early',
      appliedOn: '2026-11-10',
      reason: '申请信用修复',
      penaltyExecuted: true,
      harmRemoved: true,
      noNewConduct: true,
    });
    expect(removed).toMatchObject({ status: 'removed', removalKind: 'early' });
    expect((await w.as.district!.get(`/api/credit/lookup?creditCode=${w.entA.creditCode}`)).json().listed).toBe(false);
    const pub = (await w.t.app.inject({ method: 'GET', url: '/api/public/credit-listings' })).json();
    expect(pub.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const back = await ok(id, { action: 'revoke_removal', reason: '提供虚假材料骗取信用修复' });
    expect(back).toMatchObject({ status: 'published', removedOn: null, periodEnd: '2028-11-03' });
    expect((await w.as.district!.get(`/api/credit/lookup?creditCode=${w.entA.creditCode}`)).json().listed).toBe(true);
  });
});

describe('other paths', () => {
  it('refuses a decision inside the objection period, and drops a proposal with a reason', async () => {
    const id = (await propose(w.entB.id, { criteria: ['two_larger_accidents_12m'] })).json().id;
    await ok(id, { action: 'notice' });
    const early = await act(id, { action: 'decide', documentNumber: '测应急失信〔2026〕9号' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('on');
    expect(await ok(id, { action: 'drop', reason: '经研究不予列入' })).toMatchObject({ status: 'dropped' });
  });

  it('refuses early removal before 12 months on the list', async () => {
    const ent = await buildEnterprise(w.db, { street: w.streetA });
    const id = (await propose(ent.id)).json().id;
    await ok(id, { action: 'notice', on: addDays(today, -30) });
    await ok(id, { action: 'decide', documentNumber: '测应急失信〔2026〕2号' });
    const p = await ok(id, { action: 'publish' });
    expect(p.earlyRemovalFrom).toBe(addMonths(today, 12));
    expect(p.abilities).not.toContain('remove_early');
    const res = await act(id, {
      action: 'remove_early',
      appliedOn: today,
      reason: '申请',
      penaltyExecuted: true,
      harmRemoved: true,
      noNewConduct: true,
    });
    expect(res.statusCode).toBe(400);
  });

  it('takes an expired listing off the public page and the lookup by itself, and then allows its removal', async () => {
    const ent = await buildEnterprise(w.db, { street: w.streetA });
    const id = (await propose(ent.id)).json().id;
    await ok(id, { action: 'notice', on: '2023-06-01' });
    const d = await ok(id, { action: 'decide', on: '2023-06-12', documentNumber: '测应急失信〔2023〕5号' });
    expect(d.periodEnd).toBe('2026-06-12');
    const p = await ok(id, { action: 'publish', on: '2023-06-13' });
    expect(p.abilities).toContain('remove_on_expiry');
    const pub = (await w.t.app.inject({ method: 'GET', url: '/api/public/credit-listings?pageSize=200' })).json();
    expect(pub.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await w.as.district!.get(`/api/credit/lookup?creditCode=${ent.creditCode}`)).json().listed).toBe(false);
    expect(await ok(id, { action: 'remove_on_expiry' })).toMatchObject({ status: 'removed', removalKind: 'expiry' });
  });

  it('lets the street read but not act, and the leader act', async () => {
    const list = await w.as.streetA!.get('/api/credit/listings');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((r: { abilities: string[] }) => r.abilities.length === 0)).toBe(true);
    const ent = await buildEnterprise(w.db, { street: w.streetB });
    expect(
      (await w.as.leader!.post('/api/credit/listings', { enterpriseId: ent.id, criteria: ['other_serious'], grounds: '情节严重' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('reminders', () => {
  it('tells the district bureau the day the objection period ends, once', async () => {
    const { evaluateListingDeadlines } = await import('./credit.job');
    const ent = await buildEnterprise(w.db, { street: w.streetA });
    const id = (await propose(ent.id)).json().id;
    const v = await ok(id, { action: 'notice', on: '2026-11-02' });
    expect(v.objectionDue).toBe('2026-11-09');
    const first = await evaluateListingDeadlines(w.db, '2026-11-09');
    expect(first.notices).toBeGreaterThan(0);
    expect((await evaluateListingDeadlines(w.db, '2026-11-09')).notices).toBe(0);
    const inbox = (await w.as.district!.get('/api/notifications?pageSize=100')).json();
    expect(
      inbox.items.some(
        (n: { link: string; title: { zh: string } }) => n.link === `/credit-listings/${id}` && n.title.zh.includes('异议期今日届满'),
      ),
    ).toBe(true);
  });
});
