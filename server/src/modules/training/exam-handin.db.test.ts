// The hand-in without a transaction (submit-attempt.ts): one read, then one statement guarded by the version read.
// Several hand-ins of one attempt at once (a phone retrying, a second phone) write it once — one completion, one
// transition, one event, one audit entry — and all answer the same result; a write from a stale read writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, domainEvents, examAttempts, examCompletions, examPapers, examQuestions, stateTransitions, users } from '../../db/schema';
import { openTestDatabase } from '../../../test/db';
import type { Actor } from '../../platform/actor';
import { actorOf } from '../../platform/actor-load';
import { rowsOf, type Database } from '../../platform/db';
import { StaleWrite } from '../../platform/write-together';
import { buildCommunity, buildDistrict, buildEnterprise, buildStreet, buildUser } from '../../seed/factories';
import { startAttempt } from './commands/start-attempt';
import { submitAttempt } from './commands/submit-attempt';
import { writeAttempt } from './training.workflow';

let d: Database;
let actor: Actor;
let paperId: string;
let personIds: string[];
beforeAll(async () => {
  d = await openTestDatabase();
  const district = await buildDistrict(d.db);
  const area = await buildCommunity(d.db, { street: await buildStreet(d.db, { district }) });
  const e = await buildEnterprise(d.db, { area, sector: 'machinery' });
  const u = await buildUser(d.db, { role: 'enterprise_principal', enterpriseId: e.id, org: null });
  const [row] = await d.db.select().from(users).where(eq(users.id, u.id));
  actor = actorOf(row!, null);
  await d.db.insert(examQuestions).values(
    Array.from({ length: 4 }, (_, i) => ({
      areaCode: district.code,
      topic: '法规',
      type: 'true_false',
      stem: `题 ${i}`,
      options: ['正确', '错误'],
      answer: [0],
    })),
  );
  const [paper] = await d.db
    .insert(examPapers)
    .values({
      areaCode: district.code,
      title: '试卷',
      rules: [{ topic: '法规', type: 'true_false', count: 4, points: 25 }],
      durationMinutes: 60,
      passMark: 60,
      maxAttempts: 3,
      hours: 2,
    })
    .returning();
  paperId = paper!.id;
  personIds = [];
  for (let i = 0; i < 2; i++) {
    const [p] = rowsOf<{ id: string }>(
      await d.db.execute(sql`
        insert into people (enterprise_id, area_code, sector, name, id_number_sealed, id_number_key_id, id_number_masked,
                            id_number_hash, post, employed_from)
        values (${e.id}, ${e.areaCode}, ${e.sector}, ${'考生' + i}, 'sealed', 'k', '440307********0000', ${'hash' + i},
                'principal', '2020-01-01') returning id`),
    );
    personIds.push(p!.id);
  }
});
afterAll(() => d.close());

const rowsFor = async (attemptId: string) => ({
  completions: await d.db.select().from(examCompletions).where(eq(examCompletions.attemptId, attemptId)),
  transitions: await d.db.select().from(stateTransitions).where(eq(stateTransitions.recordId, attemptId)),
  events: await d.db.select().from(domainEvents).where(eq(domainEvents.entityId, attemptId)),
  audits: await d.db.select().from(auditLog).where(eq(auditLog.entityId, attemptId)),
});

describe('handing in an exam', () => {
  it('writes five simultaneous hand-ins of one attempt once, and answers each with the same result', async () => {
    const a = await startAttempt(d.db, { actor, ip: null }, paperId, { personId: personIds[0]! });
    const answers = a.questions.map((q) => ({ questionId: q.id, choices: [0] }));
    const results = await Promise.all(Array.from({ length: 5 }, () => submitAttempt(d.db, { actor, ip: null }, a.id, { answers })));
    for (const r of results)
      expect(r).toMatchObject({ status: 'submitted', score: 100, passed: true, certificateNumber: results[0]!.certificateNumber });
    const rows = await rowsFor(a.id);
    expect(rows.completions).toHaveLength(1);
    // The start wrote its own event and audit entry; the hand-in one of each.
    expect(rows.transitions.filter((t) => t.action === 'submit')).toHaveLength(1);
    expect(rows.events.filter((e) => e.type === 'exam_attempt.submit')).toHaveLength(1);
    expect(rows.audits.filter((e) => e.action === 'exam_attempt.submit')).toHaveLength(1);
    const [stored] = await d.db.select().from(examAttempts).where(eq(examAttempts.id, a.id));
    expect(stored).toMatchObject({ status: 'submitted', score: 100, passed: true, version: 2 });
    expect(stored!.submittedAt).toBeInstanceOf(Date);
    expect(Object.keys(stored!.answers ?? {}).sort()).toEqual(a.questions.map((q) => q.id).sort());
    // The statement is rendered once and bound at each call: every record carries this attempt's values.
    expect(rows.transitions.find((t) => t.action === 'submit')).toMatchObject({
      fromState: 'active',
      toState: 'submitted',
      actorId: actor.id,
    });
    expect(rows.events.find((e) => e.type === 'exam_attempt.submit')).toMatchObject({
      enterpriseId: stored!.enterpriseId,
      areaCode: stored!.areaCode,
      actorId: actor.id,
      payload: { from: 'active', to: 'submitted', score: 100, passed: true },
    });
    expect(rows.completions[0]).toMatchObject({
      personId: personIds[0],
      enterpriseId: stored!.enterpriseId,
      score: 100,
      number: results[0]!.certificateNumber,
    });
    expect(rows.audits.find((e) => e.action === 'exam_attempt.submit')).toMatchObject({
      actorId: actor.id,
      before: { status: 'active', version: 1 },
      after: { status: 'submitted', score: 100, passed: true, version: 2 },
    });
  });

  it('writes nothing from a stale read of the attempt', async () => {
    const a = await startAttempt(d.db, { actor, ip: null }, paperId, { personId: personIds[1]! });
    const [read] = await d.db.select().from(examAttempts).where(eq(examAttempts.id, a.id));
    await d.db
      .update(examAttempts)
      .set({ version: read!.version + 1 })
      .where(eq(examAttempts.id, a.id));
    await expect(writeAttempt(d.db, actor, read!, 'submit', { score: 0, passed: false })).rejects.toBeInstanceOf(StaleWrite);
    const rows = await rowsFor(a.id);
    expect(rows.transitions.filter((t) => t.action === 'submit')).toEqual([]);
    expect(rows.events.filter((e) => e.type === 'exam_attempt.submit')).toEqual([]);
    const [stored] = await d.db.select().from(examAttempts).where(eq(examAttempts.id, a.id));
    expect(stored).toMatchObject({ status: 'active', score: null });
  });
});
