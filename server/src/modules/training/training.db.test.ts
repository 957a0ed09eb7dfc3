// Training through the API on a real database: sessions planned by a street and by an enterprise, attendance, hours
// credited when a session is held and compared with the required hours (rules.md §5.3); rates from the maintained
// summary against a direct count; a retraining session completing the people module's retraining duty via the event
// consumer; bilingual 400s that change nothing, 409 with `current`, audit entries, scope (street, industry department,
// park station: 404); identity numbers masked for officers. The exams are in exams.db.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { loginAs } from '../../../test/app';
import { buildUser } from '../../seed/factories';
import { rowsOf } from '../../platform/db';
import { addMonths } from '../../platform/time';
import { appendEvent } from '../../platform/outbox';
import { consumeEvent } from '../../platform/queue';
import { domainEvents, retrainingDuties } from '../../db/schema';
import { peopleConsumer } from '../people/people.consumer';
import { onTrainingSessionCompleted } from '../people/retraining-done';
import { meets } from './training.queries';
import { keySectors, requiredHours } from './training.rules';
import type { PersonPost } from '@anjian/contracts';
import { addPerson, areas, as, audits, count, ents, expect400, sessionBody, setUpTrainingWorld, t, today, year } from './training.fixtures';
beforeAll(setUpTrainingWorld);
afterAll(() => t.close());

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
