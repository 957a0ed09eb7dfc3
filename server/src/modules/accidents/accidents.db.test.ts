// Accident registry through the API: 493号 第三条 levels at their boundaries (以上 includes the number),
// 第十三条 补报 regrading inside the window and refusal after it, revisions, optimistic locking,
// GB 6441 scheme by date, report timeliness (第九～十一条) and follow-up duties with derived overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accidentBody, buildWorld, daysAgo, type World } from './test-world';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const register = async (o: Parameters<typeof accidentBody>[1] = {}) => {
  const res = await w.officer.post('/api/accidents', accidentBody(w.streetA.code, o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('grading (493号 第三条)', () => {
  const cases: [string, Record<string, number>, string][] = [
    ['2 deaths', { deaths: 2, seriousInjuries: 0, directLossWan: 0 }, 'general'],
    ['3 deaths', { deaths: 3, seriousInjuries: 0, directLossWan: 0 }, 'larger'],
    ['2 deaths + 1 missing', { deaths: 2, missing: 1, seriousInjuries: 0, directLossWan: 0 }, 'larger'],
    ['9 serious injuries', { deaths: 0, seriousInjuries: 9, directLossWan: 0 }, 'general'],
    ['10 serious injuries', { deaths: 0, seriousInjuries: 10, directLossWan: 0 }, 'larger'],
    ['9 deaths', { deaths: 9, seriousInjuries: 0, directLossWan: 0 }, 'larger'],
    ['10 deaths', { deaths: 10, seriousInjuries: 0, directLossWan: 0 }, 'major'],
    ['4999.99 万元', { deaths: 0, seriousInjuries: 0, directLossWan: 4999.99 }, 'larger'],
    ['5000 万元', { deaths: 0, seriousInjuries: 0, directLossWan: 5000 }, 'major'],
    ['30 deaths', { deaths: 30, seriousInjuries: 0, directLossWan: 0 }, 'especially_major'],
    ['100 serious injuries', { deaths: 0, seriousInjuries: 100, directLossWan: 0 }, 'especially_major'],
  ];
  for (const [name, casualties, level] of cases) {
    it(`${name} → ${level} (preview and stored)`, async () => {
      const preview = await w.officer.post('/api/accidents/grade-preview', casualties);
      expect(preview.statusCode).toBe(200);
      expect(preview.json().level).toBe(level);
      const a = await register({ ...casualties, minorInjuries: 0 });
      expect(a.level).toBe(level);
    });
  }
  it('names the criteria that reached the level', async () => {
    const preview = await w.officer.post('/api/accidents/grade-preview', { deaths: 3, seriousInjuries: 12, directLossWan: 0 });
    expect(preview.json()).toEqual({ level: 'larger', reachedBy: ['deaths', 'seriousInjuries'] });
  });
});

describe('补报 regrading (493号 第十三条)', () => {
  it('2 deaths → 一般; a third death within the window → 较大, with the revision kept', async () => {
    const a = await register({ deaths: 2 });
    expect(a.level).toBe('general');
    expect(a.canRegrade).toBe(true);
    const res = await w.officer.patch(`/api/accidents/${a.id}`, {
      version: a.version,
      deaths: 3,
      changeNote: '一名重伤人员经抢救无效死亡',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().level).toBe('larger');
    const timeline = (await w.officer.get(`/api/accidents/${a.id}/timeline`)).json().items;
    const revisions = timeline.filter((e: { kind: string }) => e.kind === 'revision');
    expect(revisions).toHaveLength(1);
    expect(revisions[0].data).toMatchObject({
      levelBefore: 'general',
      levelAfter: 'larger',
      before: { deaths: 2 },
      after: { deaths: 3 },
      note: '一名重伤人员经抢救无效死亡',
    });
  });

  it('refuses a casualty change after the window, with a bilingual reason, and changes nothing', async () => {
    const a = await register({ occurredAt: daysAgo(40), deaths: 2 });
    expect(a.canRegrade).toBe(false);
    const zh = await w.officer.patch(`/api/accidents/${a.id}`, { version: a.version, deaths: 3 });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.details[0].message).toMatch(/补报期已于\d{4}-\d{2}-\d{2}届满/);
    const en = await w.officer.request({
      method: 'PATCH',
      url: `/api/accidents/${a.id}`,
      payload: { version: a.version, deaths: 3 },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toMatch(/window closed on/);
    const after = (await w.officer.get(`/api/accidents/${a.id}`)).json();
    expect(after).toMatchObject({ deaths: 2, level: 'general', version: a.version });
  });

  it('road traffic has a 7-day window: day 8 is refused', async () => {
    const a = await register({ category: 'road_traffic', occurredAt: daysAgo(9), deaths: 1 });
    const res = await w.officer.patch(`/api/accidents/${a.id}`, { version: a.version, deaths: 3 });
    expect(res.statusCode).toBe(400);
  });

  it('a death inside the window reported after it still counts (the change moment decides)', async () => {
    const a = await register({ occurredAt: daysAgo(33), deaths: 2 });
    const res = await w.officer.patch(`/api/accidents/${a.id}`, { version: a.version, deaths: 3, casualtiesChangedAt: daysAgo(10) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().level).toBe('larger');
  });

  it('the direct loss may still be corrected after the window but no longer moves the level', async () => {
    const a = await register({ occurredAt: daysAgo(45), directLossWan: 100 });
    const res = await w.officer.patch(`/api/accidents/${a.id}`, { version: a.version, directLossWan: 1200 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ directLossWan: 1200, level: 'general' });
  });

  it('a stale version gets 409 with the current record', async () => {
    const a = await register();
    await w.officer.patch(`/api/accidents/${a.id}`, { version: a.version, address: '新地址' });
    const stale = await w.officer.patch(`/api/accidents/${a.id}`, { version: a.version, address: '另一个地址' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.address).toBe('新地址');
  });
});

describe('GB 6441 scheme on each record', () => {
  it('defaults to the scheme in force on the accident day and checks the code against it', async () => {
    const body = accidentBody(w.streetA.code, { occurredAt: '2025-03-01T10:00:00+08:00', typeCode: '03' });
    delete body.typeScheme;
    const old = await w.officer.post('/api/accidents', body);
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json().typeScheme).toBe('GB6441-1986');
    const wrong = await w.officer.post('/api/accidents', { ...body, typeCode: 'P04' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('typeCode');
  });
});

describe('reporting timeliness (derived at read time)', () => {
  it('flags the county report late and the city report missing once overdue', async () => {
    const a = await register({ occurredAt: daysAgo(0, 6), unitReportedAt: daysAgo(0, 4) });
    expect(a.reports.map((r: { tier: string; timeliness: string }) => [r.tier, r.timeliness])).toEqual([
      ['county', 'late'],
      ['city', 'missing'],
    ]);
    expect(a.reporting).toBe('missing');
    const rec = await w.officer.post(`/api/accidents/${a.id}/reports`, { tier: 'city', receivedAt: daysAgo(0, 1) }); // due 2 h after the county's receipt
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json().reports[1]).toMatchObject({ tier: 'city', timeliness: 'late' });
    expect((await w.officer.post(`/api/accidents/${a.id}/reports`, { tier: 'province', receivedAt: daysAgo(0, 1) })).statusCode).toBe(400);
    expect((await w.officer.post(`/api/accidents/${a.id}/reports`, { tier: 'city', receivedAt: daysAgo(0, 1) })).statusCode).toBe(409);
  });
});

describe('follow-up duties', () => {
  it('are created for a fatal accident, derived overdue, and completed with who, when and evidence', async () => {
    const old = await register({ occurredAt: daysAgo(100), deaths: 1 });
    expect(old.followUps.map((f: { duty: string }) => f.duty).sort()).toEqual(
      ['credit_blacklist_review', 'double_investigation', 'interview_principal', 'principal_retraining', 'warning_education'].sort(),
    );
    expect(old.followUps.every((f: { overdue: boolean }) => f.overdue)).toBe(true);
    const duty = old.followUps.find((f: { duty: string }) => f.duty === 'interview_principal');
    const done = await w.officer.post(`/api/accidents/${old.id}/follow-ups/${duty.id}/complete`, {
      evidenceNote: '约谈记录 2026-08 第3号',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ overdue: false, evidenceNote: '约谈记录 2026-08 第3号', abilities: [] });
    expect(done.json().doneByName).toBeTruthy();
    expect((await w.officer.post(`/api/accidents/${old.id}/follow-ups/${duty.id}/complete`, { evidenceNote: 'again' })).statusCode).toBe(
      409,
    );

    const fresh = await register({ deaths: 1 });
    expect(fresh.followUps.some((f: { overdue: boolean }) => f.overdue)).toBe(false);
  });

  it('are not created for an accident without deaths, and appear when a regrade adds one', async () => {
    const a = await register({ seriousInjuries: 1 });
    expect(a.followUps).toEqual([]);
    const res = await w.officer.patch(`/api/accidents/${a.id}`, { version: a.version, deaths: 1, seriousInjuries: 0 });
    expect(res.json().followUps).toHaveLength(5);
  });
});
