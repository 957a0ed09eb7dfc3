// Investigation through the API (493号 第十九、二十九、三十二条): due days before anything is recorded,
// one extension of at most 60 days, the 批复 clock from the report's submission, status transitions as
// data, and an approved investigation that no longer changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, cstDate } from '../../platform/time';
import { accidentBody, buildWorld, daysAgo, type World } from './test-world';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

async function accident(occurredAt: string, deaths = 1) {
  const res = await w.officer.post('/api/accidents', accidentBody(w.streetA.code, { occurredAt, deaths }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('investigation', () => {
  it('shows the due days and the investigating government before anything is recorded', async () => {
    const a = await accident(daysAgo(70));
    const inv = (await w.officer.get(`/api/accidents/${a.id}/investigation`)).json();
    expect(inv).toMatchObject({
      status: 'not_started',
      authority: { government: 'county', mayEntrustUnit: false },
      reportDue: addDays(cstDate(new Date(a.occurredAt)), 60),
      reportOverdue: true,
      approvalDue: null,
      version: null,
      abilities: ['save', 'extend'],
    });
  });

  it('records the team and findings, grants one extension of at most 60 days, then runs the 批复 clock', async () => {
    const a = await accident(daysAgo(20));
    const url = `/api/accidents/${a.id}/investigation`;
    const created = await w.officer.request({
      method: 'PUT',
      url,
      payload: {
        team: [{ name: '张三', organisation: '区应急管理局', role: '组长' }],
        directCauses: '违章操作冲压设备',
        managementGaps: '未落实安全操作规程培训',
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ status: 'in_progress', version: 1, team: [{ name: '张三', role: '组长' }] });

    const tooLong = await w.officer.post(`${url}/extension`, { version: 1, days: 61, reason: '需技术鉴定' });
    expect(tooLong.statusCode).toBe(400);
    const ext = await w.officer.post(`${url}/extension`, { version: 1, days: 30, reason: '需技术鉴定' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().reportDue).toBe(addDays(cstDate(new Date(a.occurredAt)), 90));
    expect((await w.officer.post(`${url}/extension`, { version: 2, days: 10, reason: '再延' })).statusCode).toBe(400);

    const approveEarly = await w.officer.request({ method: 'PUT', url, payload: { version: 2, approvedOn: cstDate(new Date()) } });
    expect(approveEarly.statusCode).toBe(400);
    const submitted = await w.officer.request({
      method: 'PUT',
      url,
      payload: { version: 2, reportSubmittedOn: cstDate(new Date(Date.now() - 20 * 86_400_000)) },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'reported', approvalOverdue: true });

    const approved = await w.officer.request({ method: 'PUT', url, payload: { version: 3, approvedOn: cstDate(new Date()) } });
    expect(approved.json()).toMatchObject({ status: 'approved', abilities: [] });
    const late = await w.officer.request({ method: 'PUT', url, payload: { version: 4, directCauses: '改写' } });
    expect(late.statusCode).toBe(409);

    const stale = await w.officer.request({ method: 'PUT', url, payload: { version: 1, directCauses: 'x' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.status).toBe('approved');
    const timeline = (await w.officer.get(`/api/accidents/${a.id}/timeline`)).json().items;
    expect(
      timeline.filter((e: { kind: string }) => e.kind === 'investigation').map((e: { data: { step: string } }) => e.data.step),
    ).toEqual(['reported', 'approved']);
  });

  it('is read-only for a district leader', async () => {
    const a = await accident(daysAgo(2));
    const inv = (await w.leader.get(`/api/accidents/${a.id}/investigation`)).json();
    expect(inv.abilities).toEqual([]);
    expect((await w.leader.request({ method: 'PUT', url: `/api/accidents/${a.id}/investigation`, payload: {} })).statusCode).toBe(403);
  });
});
