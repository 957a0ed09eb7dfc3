// The two machines of training: a session is planned, then completed (it took place: its attendees' hours count and
// the event training_session.complete tells the people module a retraining was done) or cancelled; an exam attempt is
// active from its start until it is submitted (scored on the server) or expired (its time ran out and the person
// starts again). Rows are created in the first state by their insert; `writeSession` and `writeAttempt` are the only
// writers of the state afterwards: they ask the machine, write the row with version + 1, append the transition and
// the domain event in the caller's transaction.
import { and, eq, sql } from 'drizzle-orm';
import { attemptStatuses, sessionStatuses, type AttemptStatus, type SessionStatus } from '@anjian/contracts';
import { examAttempts, examCompletions, trainingSessions } from '../../db/schema';
import { auditEntriesJson, auditInsertOf, type AuditContext, type AuditInput } from '../../platform/audit';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent, eventInsert, type RecordRef } from '../../platform/outbox';
import { appendTransition, transitionInsert } from '../../platform/state-history';
import { preparedWrite, writeTogether } from '../../platform/write-together';
import type { AttemptRow } from './exam-attempts.queries';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';

type SessionFacts = { status: string };
export const sessionMachine: StateMachine<SessionStatus, 'complete' | 'cancel', SessionFacts> = {
  record: 'training_session',
  table: 'training_sessions',
  column: 'status',
  states: sessionStatuses,
  bulkInitial: 'planned',
  actions: {
    complete: { label: { zh: '确认已举办', en: 'Mark held' }, from: ['planned'], to: 'completed', permission: 'training.manage' },
    cancel: { label: { zh: '取消', en: 'Cancel' }, from: ['planned'], to: 'cancelled', permission: 'training.manage' },
  },
  stateOf: (s) => (s ? (s.status as SessionStatus) : null),
  refuseState: () => ({
    reason: 'invalid_transition',
    code: 'VALIDATION',
    details: [{ field: 'status', zh: '该培训已结束或已取消', en: 'This session is already completed or cancelled' }],
  }),
};

export const sessionAbilities = (actor: MachineActor, s: SessionFacts) => abilities(sessionMachine, s, actor);

export async function writeSession(
  tx: DbOrTx,
  actor: Actor,
  before: SessionFacts & RecordRef & { version: number },
  action: 'complete' | 'cancel',
  payload: Record<string, unknown> = {},
) {
  const { from, to } = decide(sessionMachine, before, actor, action);
  const [row] = await tx
    .update(trainingSessions)
    .set({ status: to!, version: before.version + 1 })
    .where(eq(trainingSessions.id, before.id))
    .returning();
  await appendTransition(tx, sessionMachine, actor, { recordId: before.id, action, from, to });
  await appendEvent(tx, `training_session.${action}`, 'training_session', before, actor, { from, to, ...payload });
  return row!;
}

type AttemptFacts = { status: string };
export const attemptMachine: StateMachine<AttemptStatus, 'submit' | 'expire', AttemptFacts> = {
  record: 'exam_attempt',
  table: 'exam_attempts',
  column: 'status',
  states: attemptStatuses,
  bulkInitial: 'active',
  actions: {
    submit: { label: { zh: '交卷', en: 'Submit' }, from: ['active'], to: 'submitted', permission: 'exam.take' },
    expire: { label: { zh: '超时作废', en: 'Expire' }, from: ['active'], to: 'expired', permission: 'exam.take' },
  },
  stateOf: (a) => (a ? (a.status as AttemptStatus) : null),
  refuseState: () => ({
    reason: 'invalid_transition',
    code: 'VALIDATION',
    details: [{ field: 'status', zh: '该次考试已结束', en: 'This attempt has ended' }],
  }),
};

export const attemptAbilities = (actor: MachineActor, a: AttemptFacts) => abilities(attemptMachine, a, actor);

/**
 * The update, the transition and the event go as one statement (platform/write-together.ts), guarded by the version
 * read: when the attempt changed since `before` was read, nothing is written and `StaleWrite` is thrown. The row
 * written is `before` with the patch; that is the row returned.
 */
export async function writeAttempt(
  db: DbOrTx,
  actor: Actor,
  before: AttemptRow,
  action: 'submit' | 'expire',
  patch: Partial<typeof examAttempts.$inferInsert>,
  payload: Record<string, unknown> = {},
) {
  const { from, to } = decide(attemptMachine, before, actor, action);
  const set = { ...patch, status: to!, version: before.version + 1 };
  const guard = db
    .update(examAttempts)
    .set(set)
    .where(and(eq(examAttempts.id, before.id), eq(examAttempts.version, before.version)))
    .returning({ id: examAttempts.id });
  await writeTogether(
    db,
    [
      transitionInsert(db, attemptMachine, actor, { recordId: before.id, action, from, to }),
      eventInsert(db, `exam_attempt.${action}`, 'exam_attempt', before, actor, { from, to, ...payload }),
    ],
    { guard },
  );
  return { ...before, ...set };
}

type Submission = Pick<AttemptRow, 'answers' | 'score' | 'passed' | 'submittedAt'>;
export type Completion = { number: string; issuedOn: string; hours: number };

/**
 * The hand-in: `writeAttempt`'s submit, with the completion record of a pass and the audit entry, as one statement
 * rendered once per shape (with and without the completion) and bound at each call (`preparedWrite`). At the bell
 * of an examination hall, building these five builders was most of the Node CPU of a hand-in.
 */
export async function writeSubmission(
  db: DbOrTx,
  ctx: AuditContext & { actor: Actor },
  before: AttemptRow,
  patch: Submission,
  completion: Completion | null,
  audit: (row: AttemptRow) => AuditInput,
) {
  const { actor } = ctx;
  const { from, to } = decide(attemptMachine, before, actor, 'submit');
  const row = { ...before, ...patch, status: to!, version: before.version + 1 };
  await (completion ? submitWithCompletion : submitAlone)(db, {
    ...patch,
    id: before.id,
    version: before.version,
    newVersion: row.version,
    from,
    to,
    payload: { from, to, score: patch.score, passed: patch.passed },
    actorId: actor.id,
    actorName: actor.displayName,
    enterpriseId: before.enterpriseId,
    areaCode: before.areaCode,
    sector: before.sector,
    parkId: before.parkId,
    paperId: before.paperId,
    personId: before.personId,
    ...completion,
    audit: auditEntriesJson(ctx, [audit(row)]),
  });
  return row;
}

// The statement's values are placeholders named as writeSubmission's values; the shared builders take them where they
// take a value, which their types do not say.
const p = sql.placeholder;
const value = <T>(name: string) => p(name) as unknown as T;

const submission = (withCompletion: boolean) =>
  preparedWrite((db) => {
    const actor = { id: value<string>('actorId'), displayName: value<string>('actorName') } as Actor;
    const record = {
      id: value<string>('id'),
      enterpriseId: value<string>('enterpriseId'),
      areaCode: value<string>('areaCode'),
      sector: value<string>('sector'),
      parkId: value<string>('parkId'),
    };
    return {
      guard: db
        .update(examAttempts)
        .set({
          answers: value('answers'),
          score: value('score'),
          passed: value('passed'),
          submittedAt: value('submittedAt'),
          status: value('to'),
          version: value('newVersion'),
        })
        .where(and(eq(examAttempts.id, p('id')), eq(examAttempts.version, p('version'))))
        .returning({ id: examAttempts.id }),
      writes: [
        transitionInsert(db, attemptMachine, actor, { recordId: record.id, action: 'submit', from: value('from'), to: value('to') }),
        eventInsert(db, 'exam_attempt.submit', 'exam_attempt', record, actor, value('payload')),
        ...(withCompletion
          ? [
              db.insert(examCompletions).values({
                attemptId: p('id'),
                paperId: p('paperId'),
                personId: p('personId'),
                enterpriseId: p('enterpriseId'),
                areaCode: p('areaCode'),
                sector: p('sector'),
                parkId: p('parkId'),
                number: p('number'),
                issuedOn: p('issuedOn'),
                score: p('score'),
                hours: p('hours'),
              }),
            ]
          : []),
        auditInsertOf(p('audit')),
      ],
    };
  });
const submitWithCompletion = submission(true);
const submitAlone = submission(false);
