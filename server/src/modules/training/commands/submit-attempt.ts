// POST /api/exam/attempts/:id/submit: the examinee hands in. Scored here, against the key fixed at the draw; a pass
// issues the completion record (结业证明); the paper's hours reach the person's year and the enterprise's summary through
// the `exam_attempt.submit` event (training.consumer.ts), so an examination hall's 200 hand-ins at the bell do not each
// wait for the summary rewrite. A submission later than the time limit plus the grace is refused and changes nothing
// (the attempt expires when the person starts again). Submitting an attempt already submitted returns its result
// unchanged: a phone that lost the first answer retries.
//
// The hand-in is two round trips and no transaction: the attempt with its paper and person, then the update with its
// transition, event, completion and audit entry as one statement guarded by the version read (writeSubmission). When
// another request changed the attempt in between (the same hand-in retried from a second phone, an expiry), nothing
// was written and the hand-in reads again: the retry then finds it submitted or expired. The response is built from
// what was written.
import type { SubmitAttemptBody } from '@anjian/contracts';
import type { Db } from '../../../platform/db';
import { StaleWrite } from '../../../platform/write-together';
import { fieldError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { auditAttempt, presentAttempt, presentAttempts } from '../training.presenter';
import { attemptToSubmit } from '../exam-attempts.queries';
import { examRules, scoreAttempt } from '../training.rules';
import { writeSubmission } from '../training.workflow';
import type { TrainingContext } from './context';

export async function submitAttempt(db: Db, ctx: TrainingContext, id: string, input: SubmitAttemptBody) {
  for (let tries = 1; ; tries++) {
    try {
      return await handIn(db, ctx, id, input);
    } catch (e) {
      // Each retry reads a newer version, and an attempt changes state once: a second stale read is already rare.
      if (!(e instanceof StaleWrite) || tries === 3) throw e;
    }
  }
}

async function handIn(db: Db, ctx: TrainingContext, id: string, input: SubmitAttemptBody) {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  const found = await attemptToSubmit(db, actor, id);
  // Only the account that started the attempt hands it in: a colleague of the same enterprise may read it, not sit it.
  if (!found || found.attempt.userId !== actor.id) throw notFound();
  const { attempt: before, paper } = found;
  if (before.status === 'submitted') return (await presentAttempts(db, actor, [before]))[0]!;
  if (before.status !== 'active') throw fieldError('status', '该次考试已超时作废', 'This attempt has expired');
  if (now.getTime() > before.deadlineAt.getTime() + examRules.graceSeconds * 1000) {
    throw fieldError('answers', '已超过考试时限，交卷无效', 'The time limit has passed: the submission is refused');
  }
  const asked = new Set(before.questions.map((q) => q.id));
  const answers: Record<string, number[]> = {};
  for (const [i, a] of input.answers.entries()) {
    if (!asked.has(a.questionId) || answers[a.questionId]) {
      throw fieldError(`answers.${i}.questionId`, '答案对应的题目不在本次试卷中', 'The answer is for a question not in this attempt');
    }
    answers[a.questionId] = [...new Set(a.choices)];
  }
  const score = scoreAttempt(before.questions, before.answerKey, answers);
  const passed = score >= paper.passMark;
  const issuedOn = cstDate(now);
  const number = passed ? `JY${issuedOn.replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}` : null;
  const patch = { answers, score, passed, submittedAt: now };
  const completion = number ? { number, issuedOn, hours: paper.hours } : null;
  const row = await writeSubmission(db, ctx, before, patch, completion, (after) => ({
    action: 'exam_attempt.submit',
    entityType: 'exam_attempt',
    entityId: id,
    before: auditAttempt(before),
    after: auditAttempt(after),
  }));
  return presentAttempt(actor, row, {
    papers: new Map([[paper.id, paper]]),
    people: new Map([[before.personId, found.personName ?? '']]),
    certificates: new Map(number ? [[id, number]] : []),
  });
}
