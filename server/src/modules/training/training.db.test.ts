// Training and exams through the API on a real database: sessions planned by a street and by an enterprise, attendance,
// hours credited when a session is held and compared with the required hours (rules.md §5.3); rates from the
// maintained summary against a direct count; a retraining session completing the people module's retraining duty via
// the event consumer; bilingual 400s that change nothing, 409 with `current`, audit entries, scope (street, industry
// department, park station: 404). Exams: questions sent only when the attempt starts and never an answer before
// submission (the JSON walked), scoring on the server, one active attempt per person and paper, the time limit,
// idempotent resubmission, retakes, the completion record feeding hours; identity numbers masked for officers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@anjian/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildCommunity, buildDistrict, buildEnterprise, buildOrg, buildPark, buildStreet, buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { addMonths, cstDate } from '../../platform/time';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { domainEvents, examAttempts, retrainingDuties } from '../../db/schema';
import { peopleConsumer } from '../people/people.consumer';
import { onTrainingSessionCompleted } from '../people/retraining-done';
import { trainingConsumer } from './training.consumer';
import { meets } from './training.queries';
import { keySectors, requiredHours } from './training.rules';
import type { PersonPost } from '@anjian/contracts';

let t: TestApp;
const as: Record<string, Client> = {};
const ents: Record<string, string> = {};
const areas: Record<string, string> = {};
const today = cstDate();
const year = Number(today.slice(0, 4));

function idNumber(seq: number): string {
  const body = `440307198${seq % 10}0101${String(100 + seq).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}
let seq = 0;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const district = await buildDistrict(db);
  const streetA = await buildStreet(db, { district });
  const streetB = await buildStreet(db, { district });
  const park = await buildPark(db, { street: streetA });
  const commA = await buildCommunity(db, { street: streetA });
  areas.district = district.code;
  areas.streetA = streetA.code;
  areas.streetB = streetB.code;
  ents.a = (await buildEnterprise(db, { area: commA, sector: 'hazardous_chemicals' })).id;
  ents.b = (await buildEnterprise(db, { area: await buildCommunity(db, { street: streetB }), sector: 'construction' })).id;
  ents.p = (await buildEnterprise(db, { area: commA, sector: 'machinery', parkId: park.id })).id;
  const login = async (key: string, role: Role, o: Record<string, unknown>) => {
    const u = await buildUser(db, { role, ...o } as Parameters<typeof buildUser>[1]);
    as[key] = await loginAs(t.app, u.username, u.password);
  };
  await login('entA', 'enterprise_principal', { enterpriseId: ents.a, org: null });
  await login('entA2', 'enterprise_safety_manager', { enterpriseId: ents.a, org: null });
  await login('entA2', 'enterprise_safety_manager', { enterpriseId: ents.a, org: null });
  await login('entB', 'enterprise_safety_manager', { enterpriseId: ents.b, org: null });
  await login('district', 'district_officer', { org: await buildOrg(db, { area: district }) });
  await login('streetA', 'street_officer', { org: await buildOrg(db, { area: streetA, kind: 'street_office' }) });
  await login('streetB', 'street_officer', { org: await buildOrg(db, { area: streetB, kind: 'street_office' }) });
  await login('zhujian', 'industry_officer', {
    org: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
  });
  await login('park', 'park_officer', { org: await buildOrg(db, { area: streetA, kind: 'park_station', parkId: park.id }) });
});
afterAll(() => t.close());

async function addPerson(c: Client, o: Record<string, unknown> = {}) {
  const res = await c.post('/api/people', { name: '张伟', idNumber: idNumber(++seq), post: 'principal', employedFrom: '2015-04-01', ...o });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; idNumber: string };
}

async function expect400(c: Client, method: 'POST' | 'PUT', url: string, payload: unknown, label = '') {
  const zh = await c.request({ method, url, payload: payload as never });
  expect(zh.statusCode, `${label} ${zh.body}`).toBe(400);
  const dz = zh.json().error.details[0];
  expect(dz.field).toBeTruthy();
  expect(dz.message).toMatch(/[\u4e00-\u9fff]/);
  const en = await c.request({ method, url, payload: payload as never, headers: { 'accept-language': 'en' } });
  expect(en.statusCode).toBe(400);
  expect(en.json().error.details[0].message).toMatch(/^[\x20-\x7e’–—“”]+$/);
}

const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const audits = async (action: string, id: string) =>
  rowsOf<{ n: number }>(
    await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${id}`),
  )[0]!.n;

const sessionBody = (o: Record<string, unknown> = {}) => ({
  title: '安全生产培训日（月度）',
  kind: 'refresher',
  hours: 16,
  date: today,
  mode: 'onsite',
  place: '街道安全生产活动园地',
  lecturerName: '王讲师',
  ...o,
});

describe('training sessions and hours', () => {
  let principal: { id: string; idNumber: string };
  let sessionId: string;

  it('a street plans a session for its area, records attendance and marks it held: hours are credited against §5.3', async () => {
    principal = await addPerson(as.entA!, { name: '李明', post: 'principal', employedFrom: '2018-01-01' });
    const res = await as.streetA!.post('/api/training/sessions', sessionBody({ areaCode: areas.streetA }));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    sessionId = s.id;
    expect(s.status).toBe('planned');
    expect(s.abilities).toEqual(expect.arrayContaining(['complete', 'attendance']));
    expect(await audits('training_session.create', s.id)).toBe(1);

    const att = await as.streetA!.post(`/api/training/sessions/${s.id}/attendance`, { version: s.version, personIds: [principal.id] });
    expect(att.statusCode, att.body).toBe(200);
    expect(att.json().attendance.map((a: { personId: string }) => a.personId)).toEqual([principal.id]);

    // Not held yet: the hours do not count.
    const before = await as.entA!.get(`/api/training/people?enterpriseId=${ents.a}`);
    expect(before.json().items.find((p: { personId: string }) => p.personId === principal.id).hours).toBe(0);

    // A stale version: 409 with the current record.
    const stale = await as.streetA!.post(`/api/training/sessions/${s.id}/complete`, { version: s.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(att.json().version);

    const done = await as.streetA!.post(`/api/training/sessions/${s.id}/complete`, { version: att.json().version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    expect(await audits('training_session.complete', s.id)).toBe(1);

    const after = await as.entA!.get(`/api/training/people?enterpriseId=${ents.a}`);
    const row = after.json().items.find((p: { personId: string }) => p.personId === principal.id);
    // Hazardous chemicals is a high-risk sector: a principal's annual refresher is ≥ 16 学时 (rules.md §5.3).
    expect(row).toMatchObject({ hours: 16, requiredHours: 16, met: true });
    expect(row.idNumber).toBe(principal.idNumber);
  });

  it('identity numbers are masked for officers in the hours list', async () => {
    for (const who of ['district', 'streetA'] as const) {
      const res = await as[who]!.get(`/api/training/people?enterpriseId=${ents.a}`);
      expect(res.statusCode).toBe(200);
      const row = res.json().items.find((p: { personId: string }) => p.personId === principal.id);
      expect(row.idNumber).toBe(`${principal.idNumber.slice(0, 6)}********${principal.idNumber.slice(-4)}`);
    }
  });

  it('bilingual 400s change nothing: on-site without a place, an area outside the jurisdiction, a person outside the session', async () => {
    const n = await count('training_sessions');
    await expect400(as.streetA!, 'POST', '/api/training/sessions', sessionBody({ areaCode: areas.streetA, place: undefined }), 'place');
    await expect400(as.streetA!, 'POST', '/api/training/sessions', sessionBody({ areaCode: areas.streetB }), 'area');
    await expect400(as.entA!, 'POST', '/api/training/sessions', sessionBody({ kind: 'government' }), 'government');
    await expect400(as.streetA!, 'POST', '/api/training/sessions', sessionBody({ areaCode: areas.streetA, hours: 0 }), 'hours');
    expect(await count('training_sessions')).toBe(n);
    const other = await addPerson(as.entB!, { post: 'safety_manager' });
    const s = (
      await as.streetA!.post('/api/training/sessions', sessionBody({ areaCode: areas.streetA, date: addMonths(today, 1) }))
    ).json();
    const a = await count('training_attendance');
    await expect400(
      as.streetA!,
      'POST',
      `/api/training/sessions/${s.id}/attendance`,
      { version: s.version, personIds: [other.id] },
      'person',
    );
    expect(await count('training_attendance')).toBe(a);
    // Not held before its date.
    await expect400(as.streetA!, 'POST', `/api/training/sessions/${s.id}/complete`, { version: s.version }, 'future');
  });

  it('scope: another street, an industry department of another sector and a park station get 404', async () => {
    for (const who of ['streetB', 'zhujian', 'park', 'entB'] as const) {
      const res = await as[who]!.get(`/api/training/sessions/${sessionId}`);
      expect(res.statusCode, who).toBe(404);
      const list = await as[who]!.get('/api/training/sessions');
      expect(
        list.json().items.some((s: { id: string }) => s.id === sessionId),
        who,
      ).toBe(false);
      const c = await as[who]!.post(`/api/training/sessions/${sessionId}/complete`, { version: 99 });
      if (who !== 'entB' && who !== 'zhujian' && who !== 'park' && who !== 'streetB') continue;
      expect(c.statusCode, who).toBe(404);
    }
    expect((await as.district!.get(`/api/training/sessions/${sessionId}`)).statusCode).toBe(200);
  });

  it('an enterprise plans its own 三级教育 session; the park station sees its park enterprise’s session, not others', async () => {
    const own = await as.entA!.post(
      '/api/training/sessions',
      sessionBody({ kind: 'three_level', hours: 24, mode: 'online', place: undefined }),
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().enterpriseId).toBe(ents.a);
    const parkUser = await buildUser(t.database.db, { role: 'enterprise_principal', enterpriseId: ents.p, org: null });
    const entP = await loginAs(t.app, parkUser.username, parkUser.password);
    const ps = await entP.post('/api/training/sessions', sessionBody({ kind: 'three_level', hours: 8 }));
    expect(ps.statusCode).toBe(200);
    expect((await as.park!.get(`/api/training/sessions/${ps.json().id}`)).statusCode).toBe(200);
    expect((await as.park!.get(`/api/training/sessions/${own.json().id}`)).statusCode).toBe(404);
  });

  it('the training-day calendar (000 五(五)17) for the year, moved across holidays', async () => {
    const res = await as.entA!.get('/api/training/calendar?year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.json().days[0]).toEqual({ month: 1, lastFriday: '2025-01-31', date: '2025-01-27', moved: true });
    expect((await as.entA!.get('/api/training/calendar?year=20x5')).statusCode).toBe(400);
  });

  it('rates from the maintained summary equal a direct count over people and hours', async () => {
    await addPerson(as.entA!, { name: '赵安', post: 'safety_manager', employedFrom: '2019-01-01' });
    await addPerson(as.entB!, { name: '孙建', post: 'principal', employedFrom: '2016-01-01' });
    // A held session for streetB's principal so the rate differs by street.
    const sb = (await as.streetB!.post('/api/training/sessions', sessionBody({ areaCode: areas.streetB, hours: 12 }))).json();
    const bp = (await as.entB!.get(`/api/training/people?enterpriseId=${ents.b}`))
      .json()
      .items.map((p: { personId: string }) => p.personId);
    const att = (await as.streetB!.post(`/api/training/sessions/${sb.id}/attendance`, { version: 1, personIds: bp })).json();
    expect((await as.streetB!.post(`/api/training/sessions/${sb.id}/complete`, { version: att.version })).statusCode).toBe(200);
    // The daily job picks up people added since (the new safety manager of A).
    const { refreshChangedSummaries } = await import('./training.job');
    await refreshChangedSummaries(t.database.db, today);

    const res = await as.district!.get(`/api/training/rates?groupBy=area&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const direct = rowsOf<{ street: string; post: string; sector: string; employed_from: string; hours: number }>(
      await t.database.db.execute(sql`
        select left(p.area_code, 9) as street, p.post, p.sector, p.employed_from::text as employed_from,
          coalesce((select sum(s.hours) from training_attendance a join training_sessions s on s.id = a.session_id
                    where a.person_id = p.id and s.status = 'completed' and s.date between ${`${year}-01-01`} and ${`${year}-12-31`}), 0)::int
          + coalesce((select sum(c.hours) from exam_completions c where c.person_id = p.id
                    and c.issued_on between ${`${year}-01-01`} and ${`${year}-12-31`}), 0)::int as hours
        from people p where p.post in ('principal', 'safety_manager', 'special_operator')
          and p.employed_from <= ${today} and (p.employed_to is null or p.employed_to >= ${today})`),
    );
    const byStreet = new Map<string, { principals: number; principalsTrained: number; postPeople: number; postTrained: number }>();
    for (const r of direct) {
      const g = byStreet.get(r.street) ?? { principals: 0, principalsTrained: 0, postPeople: 0, postTrained: 0 };
      const ok = meets(r.hours, requiredHours(r.post as PersonPost, r.sector, r.employed_from, year).hours);
      g.postPeople++;
      if (ok) g.postTrained++;
      if (r.post === 'principal') {
        g.principals++;
        if (ok) g.principalsTrained++;
      }
      byStreet.set(r.street, g);
    }
    for (const item of res.json().items) expect(item, item.key).toMatchObject(byStreet.get(item.key)!);
    expect(res.json().items.length).toBe(byStreet.size);
    // Key sectors (seed 001): the construction enterprise counts, the machinery one does not.
    const key = await as.district!.get(`/api/training/rates?groupBy=sector&keySectors=true&year=${year}`);
    expect(key.json().items.every((i: { key: string }) => (keySectors as readonly string[]).includes(i.key))).toBe(true);
    // An industry department sees only its sectors; an enterprise may not ask.
    const zj = await as.zhujian!.get(`/api/training/rates?groupBy=sector&year=${year}`);
    expect(zj.json().items.map((i: { key: string }) => i.key)).toEqual(['construction']);
    expect((await as.entA!.get('/api/training/rates')).statusCode).toBe(403);
  });

  it('a held retraining session completes the retraining duty a fatal accident created (via the event consumer)', async () => {
    const ent = rowsOf<{ area_code: string; sector: string; park_id: string | null }>(
      await t.database.db.execute(sql`select area_code, sector, park_id from enterprises where id = ${ents.a}`),
    )[0]!;
    const scope = {
      id: '00000000-0000-4000-8000-0000000000aa',
      areaCode: ent.area_code,
      enterpriseId: ents.a!,
      sector: ent.sector,
      parkId: ent.park_id,
    };
    const fatal = await appendEvent(t.database.db, 'accident.register', 'accident', scope, null, { level: 'general', deaths: 1 });
    expect(await consumeEvent(t.database, peopleConsumer, fatal)).toBe(true);
    const open = await t.database.db.select().from(retrainingDuties).where(eq(retrainingDuties.personId, principal.id));
    expect(open.length).toBe(1);
    expect(open[0]!.completedOn).toBeNull();

    const s = (await as.entA!.post('/api/training/sessions', sessionBody({ kind: 'retraining', hours: 8 }))).json();
    const a = (await as.entA!.post(`/api/training/sessions/${s.id}/attendance`, { version: 1, personIds: [principal.id] })).json();
    expect((await as.entA!.post(`/api/training/sessions/${s.id}/complete`, { version: a.version })).statusCode).toBe(200);
    const [event] = await t.database.db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.type} = 'training_session.complete' and ${domainEvents.entityId} = ${s.id}`);
    expect(await consumeEvent(t.database, peopleConsumer, event!.id)).toBe(true);
    const [duty] = await t.database.db.select().from(retrainingDuties).where(eq(retrainingDuties.personId, principal.id));
    expect(duty!.completedOn).toBe(today);
    // Delivered again: nothing changes.
    await t.database.db.transaction(async (tx) => expect(await onTrainingSessionCompleted(tx, event!)).toBe(0));
  });
});

/** Every key anywhere in a JSON value. */
function keysOf(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  }
  return out;
}
const forbiddenKeys = ['answer', 'answers', 'answerKey', 'correct', 'key', 'choices'];

describe('online exams', () => {
  let paperId: string;
  let examinee: { id: string };
  let attempt: { id: string; questions: { id: string; type: string; options: string[]; points: number }[] };
  const seen: unknown[] = [];

  it('the district keeps the question bank and sets a paper by rule; bad questions are refused bilingually', async () => {
    const q = (o: Record<string, unknown>) => as.district!.post('/api/exam/questions', { areaCode: areas.district, roles: [], ...o });
    for (let i = 0; i < 4; i++) {
      expect(
        (await q({ topic: '法规', type: 'true_false', stem: `判断${i}`, options: ['正确', '错误'], answer: [i % 2] })).statusCode,
      ).toBe(200);
      expect(
        (await q({ topic: '法规', type: 'single', stem: `单选${i}`, options: ['A', 'B', 'C', 'D'], answer: [i % 4] })).statusCode,
      ).toBe(200);
      expect(
        (await q({ topic: '危化', type: 'multiple', stem: `多选${i}`, options: ['A', 'B', 'C', 'D'], answer: [0, (i % 3) + 1] }))
          .statusCode,
      ).toBe(200);
    }
    const n = await count('exam_questions');
    const base = { areaCode: areas.district, roles: [], topic: '法规' };
    await expect400(as.district!, 'POST', '/api/exam/questions', {
      ...base,
      type: 'single',
      stem: 'x',
      options: ['A', 'B'],
      answer: [0, 1],
    });
    await expect400(as.district!, 'POST', '/api/exam/questions', {
      ...base,
      type: 'multiple',
      stem: 'x',
      options: ['A', 'B'],
      answer: [0, 5],
    });
    await expect400(as.district!, 'POST', '/api/exam/questions', {
      ...base,
      type: 'true_false',
      stem: 'x',
      options: ['A', 'B', 'C'],
      answer: [0],
    });
    expect(await count('exam_questions')).toBe(n);

    const paper = {
      title: '主要负责人年度考试',
      areaCode: areas.district,
      rules: [
        { topic: '法规', type: 'true_false', count: 2, points: 10 },
        { topic: '法规', type: 'single', count: 3, points: 10 },
        { topic: '危化', type: 'multiple', count: 2, points: 25 },
      ],
      durationMinutes: 30,
      passMark: 60,
      maxAttempts: 3,
      hours: 4,
    };
    await expect400(as.district!, 'POST', '/api/exam/papers', {
      ...paper,
      rules: [{ topic: '法规', type: 'single', count: 9, points: 10 }],
    });
    await expect400(as.district!, 'POST', '/api/exam/papers', { ...paper, passMark: 101 });
    const res = await as.district!.post('/api/exam/papers', paper);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ questionCount: 7, maxScore: 100 });
    paperId = res.json().id;
    const list = await as.entA!.get('/api/exam/papers');
    seen.push(list.json());
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(paperId);
    // Park stations and industry departments have no bank here: 404 on the editor's record.
    const anyQ = (await as.district!.get('/api/exam/questions')).json().items[0];
    for (const who of ['park', 'zhujian', 'streetB'] as const) {
      expect((await as[who]!.get(`/api/exam/attempts/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    }
    const { id: _id, areaCode: _a, ...edit } = anyQ;
    expect((await as.entA!.request({ method: 'PUT', url: `/api/exam/questions/${anyQ.id}`, payload: edit })).statusCode).toBe(403);
    // The bank's editor: a stale version is 409 with the current question.
    const ok = await as.district!.request({
      method: 'PUT',
      url: `/api/exam/questions/${anyQ.id}`,
      payload: { ...edit, stem: '改过的题干' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await as.district!.request({ method: 'PUT', url: `/api/exam/questions/${anyQ.id}`, payload: edit });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.stem).toBe('改过的题干');
    expect((await as.streetA!.request({ method: 'PUT', url: `/api/exam/questions/${anyQ.id}`, payload: edit })).statusCode).toBe(403);
  });

  it('questions arrive only when the attempt starts, and no response carries an answer before submission', async () => {
    examinee = await addPerson(as.entA!, { name: '周考', post: 'principal', employedFrom: '2017-01-01' });
    const res = await as.entA!.post(`/api/exam/papers/${paperId}/attempts`, { personId: examinee.id });
    expect(res.statusCode, res.body).toBe(200);
    attempt = res.json();
    expect(attempt.questions).toHaveLength(7);
    seen.push(res.json());
    seen.push((await as.entA!.get(`/api/exam/attempts/${attempt.id}`)).json());
    seen.push((await as.entA2!.get(`/api/exam/attempts?status=active`)).json());
    seen.push((await as.district!.get(`/api/exam/attempts/${attempt.id}`)).json());
    seen.push((await as.streetA!.get(`/api/exam/attempts`)).json());
    for (const body of seen) {
      const keys = keysOf(body);
      for (const k of forbiddenKeys) expect(keys.has(k), `key ${k}`).toBe(false);
    }
    // Officers see the attempt but not its questions.
    expect((await as.district!.get(`/api/exam/attempts/${attempt.id}`)).json().questions).toEqual([]);
    expect(await audits('exam_attempt.start', attempt.id)).toBe(1);
  });

  it('one active attempt per person and paper, also when two starts race', async () => {
    await expect400(as.entA2!, 'POST', `/api/exam/papers/${paperId}/attempts`, { personId: examinee.id });
    const other = await addPerson(as.entA!, { name: '吴并', post: 'safety_manager' });
    const [r1, r2] = await Promise.all([
      as.entA!.post(`/api/exam/papers/${paperId}/attempts`, { personId: other.id }),
      as.entA2!.post(`/api/exam/papers/${paperId}/attempts`, { personId: other.id }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 400]);
    const active = await t.database.db
      .select()
      .from(examAttempts)
      .where(sql`${examAttempts.personId} = ${other.id} and status = 'active'`);
    expect(active).toHaveLength(1);
  });

  it('scope: other streets, industry departments, park stations and other enterprises get 404 on the attempt', async () => {
    for (const who of ['streetB', 'zhujian', 'park', 'entB'] as const) {
      expect((await as[who]!.get(`/api/exam/attempts/${attempt.id}`)).statusCode, who).toBe(404);
    }
    expect((await as.entB!.post(`/api/exam/attempts/${attempt.id}/submit`, { answers: [] })).statusCode).toBe(404);
    // A colleague's account in the same enterprise cannot hand in someone else's attempt.
    expect((await as.entA2!.post(`/api/exam/attempts/${attempt.id}/submit`, { answers: [] })).statusCode).toBe(404);
    expect((await as.entB!.post(`/api/exam/papers/${paperId}/attempts`, { personId: examinee.id })).statusCode).toBe(400);
  });

  it('scores on the server against the key fixed at the draw; a pass issues the completion and credits hours; resubmission is idempotent', async () => {
    const [row] = await t.database.db.select().from(examAttempts).where(eq(examAttempts.id, attempt.id));
    const key = row!.answerKey;
    // An answer for a question not in the attempt: 400, nothing changes.
    await expect400(as.entA!, 'POST', `/api/exam/attempts/${attempt.id}/submit`, {
      answers: [{ questionId: '00000000-0000-4000-8000-000000000001', choices: [0] }],
    });
    // All right except one 25-point multiple-choice question: 75 ≥ 60.
    const multiple = attempt.questions.find((q) => q.type === 'multiple')!;
    const answers = attempt.questions.map((q) => ({ questionId: q.id, choices: q.id === multiple.id ? [3] : key[q.id]! }));
    const res = await as.entA!.post(`/api/exam/attempts/${attempt.id}/submit`, { answers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', score: 75, maxScore: 100, passed: true, questions: [] });
    expect(res.json().certificateNumber).toMatch(/^JY\d{8}-/);
    expect(await audits('exam_attempt.submit', attempt.id)).toBe(1);
    const again = await as.entA!.post(`/api/exam/attempts/${attempt.id}/submit`, { answers: [] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ score: 75, passed: true, certificateNumber: res.json().certificateNumber });
    expect(await count('exam_completions')).toBe(1);
    expect(await audits('exam_attempt.submit', attempt.id)).toBe(1);
    // The hours arrive through the submission's event; replaying it credits them once.
    const hoursOf = async () =>
      (await as.entA!.get(`/api/training/people?enterpriseId=${ents.a}`))
        .json()
        .items.find((p: { personId: string }) => p.personId === examinee.id).hours;
    expect(await hoursOf()).toBe(0);
    const [submitted] = await t.database.db
      .select({ id: domainEvents.id })
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'exam_attempt.submit'), eq(domainEvents.entityId, attempt.id)));
    expect(await consumeEvent(t.database, trainingConsumer, submitted!.id)).toBe(true);
    expect(await hoursOf()).toBe(4);
    await t.database.db.transaction(async (tx) => {
      const [e] = await tx.select().from(domainEvents).where(eq(domainEvents.id, submitted!.id));
      await trainingConsumer.handle(tx, e!);
    });
    expect(await hoursOf()).toBe(4);
    // Passed: no retake.
    await expect400(as.entA!, 'POST', `/api/exam/papers/${paperId}/attempts`, { personId: examinee.id });
  });

  it('a submission after the time limit (+ grace) is refused and changes nothing; the next start expires it; retakes are counted', async () => {
    const late = await addPerson(as.entA!, { name: '郑迟', post: 'principal' });
    const a1 = (await as.entA!.post(`/api/exam/papers/${paperId}/attempts`, { personId: late.id })).json();
    // 31 s past the deadline: beyond the 30 s grace.
    await t.database.db
      .update(examAttempts)
      .set({ deadlineAt: new Date(Date.now() - 31_000) })
      .where(eq(examAttempts.id, a1.id));
    await expect400(as.entA!, 'POST', `/api/exam/attempts/${a1.id}/submit`, { answers: [] });
    const [still] = await t.database.db.select().from(examAttempts).where(eq(examAttempts.id, a1.id));
    expect(still).toMatchObject({ status: 'active', score: null });
    const a2 = await as.entA!.post(`/api/exam/papers/${paperId}/attempts`, { personId: late.id });
    expect(a2.statusCode, a2.body).toBe(200);
    expect(a2.json().attemptNo).toBe(2);
    expect((await as.entA!.get(`/api/exam/attempts/${a1.id}`)).json().status).toBe('expired');
    // Within the grace a submission still counts (a failing one here: 0 points).
    await t.database.db
      .update(examAttempts)
      .set({ deadlineAt: new Date(Date.now() - 5_000) })
      .where(eq(examAttempts.id, a2.json().id));
    const sub = await as.entA!.post(`/api/exam/attempts/${a2.json().id}/submit`, { answers: [] });
    expect(sub.json()).toMatchObject({ status: 'submitted', score: 0, passed: false, certificateNumber: null });
    const a3 = await as.entA!.post(`/api/exam/papers/${paperId}/attempts`, { personId: late.id });
    expect(a3.json().attemptNo).toBe(3);
    await t.database.db.update(examAttempts).set({ status: 'submitted' }).where(eq(examAttempts.id, a3.json().id));
    // maxAttempts = 3.
    await expect400(as.entA!, 'POST', `/api/exam/papers/${paperId}/attempts`, { personId: late.id });
  });
});
