// The two machines of training: a session is planned, then completed (it took place: its attendees' hours count and
// the event training_session.complete tells the people module a retraining was done) or cancelled; an exam attempt is
// active from its start until it is submitted (scored on the server) or expired (its time ran out and the person
// starts again). Rows are created in the first state by their insert; `writeSession` and `writeAttempt` are the only
// writers of the state afterwards: they ask the machine, write the row with version + 1, append the transition and
// the domain event in the caller's transaction.
import { and, eq, type SQLWrapper } from 'drizzle-orm';
import { attemptStatuses, sessionStatuses, type AttemptStatus, type SessionStatus } from '@anjian/contracts';
import { examAttempts, trainingSessions } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent, eventInsert, type RecordRef } from '../../platform/outbox';
import { appendTransition, transitionInsert } from '../../platform/state-history';
import { writeTogether } from '../../platform/write-together';
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
 * The update, the transition, the event and `also` — the command's own records (the hand-in's completion and audit
 * entry), built from the written row — go as one statement (platform/write-together.ts), guarded by the version read:
 * when the attempt changed since `before` was read, nothing is written and `StaleWrite` is thrown. The row written is
 * `before` with the patch; that is the row returned.
 */
export async function writeAttempt(
  db: DbOrTx,
  actor: Actor,
  before: typeof examAttempts.$inferSelect,
  action: 'submit' | 'expire',
  patch: Partial<typeof examAttempts.$inferInsert>,
  payload: Record<string, unknown> = {},
  also: (row: typeof examAttempts.$inferSelect) => SQLWrapper[] = () => [],
) {
  const { from, to } = decide(attemptMachine, before, actor, action);
  const set = { ...patch, status: to!, version: before.version + 1 };
  const row = { ...before, ...set };
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
      ...also(row),
    ],
    // Two shapes (with and without the completion), prepared once on each connection.
    { guard, prepared: true },
  );
  return row;
}
