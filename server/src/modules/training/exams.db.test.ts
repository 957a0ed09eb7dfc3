// Online exams through the API on a real database: the question bank and papers by rule, questions sent only when the
// attempt starts and never an answer before submission (the JSON walked), scoring on the server, one active attempt
// per person and paper, the time limit, idempotent resubmission, retakes, the completion record feeding hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { consumeEvent } from '../../platform/queue';
import { domainEvents, examAttempts } from '../../db/schema';
import { trainingConsumer } from './training.consumer';
import { addPerson, areas, as, audits, count, ents, expect400, setUpTrainingWorld, t } from './training.fixtures';
beforeAll(setUpTrainingWorld);
afterAll(() => t.close());

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
