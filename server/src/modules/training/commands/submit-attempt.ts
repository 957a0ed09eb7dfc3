// POST /api/exam/attempts/:id/submit: the examinee hands in. Scored here, against the key fixed at the draw; a pass
// issues the completion record (结业证明); the paper's hours reach the person's year and the enterprise's summary through
// the `exam_attempt.submit` event (training.consumer.ts), so an examination hall's 200 hand-ins at the bell do not each
// wait for the summary rewrite. A submission later than
// the time limit plus the grace is refused and changes nothing (the attempt expires when the person starts again).
// Submitting an attempt already submitted returns its result unchanged: a phone that lost the first answer retries.
import { eq } from 'drizzle-orm';
import type { SubmitAttemptBody } from '@anjian/contracts';
import { examCompletions, examPapers } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { auditAttempt, presentAttempts } from '../training.presenter';
import { findAttempt } from '../training.queries';
import { examRules, scoreAttempt } from '../training.rules';
import { writeAttempt } from '../training.workflow';
import type { TrainingContext } from './context';

export async function submitAttempt(db: Db, ctx: TrainingContext, id: string, input: SubmitAttemptBody) {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const before = await findAttempt(tx, actor, id, true);
    // Only the account that started the attempt hands it in: a colleague of the same enterprise may read it, not sit it.
    if (!before || before.userId !== actor.id) throw notFound();
    const present = async (row: typeof before) => (await presentAttempts(tx, actor, [row]))[0]!;
    if (before.status === 'submitted') return present(before);
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
    const [paper] = await tx
      .select({ passMark: examPapers.passMark, hours: examPapers.hours })
      .from(examPapers)
      .where(eq(examPapers.id, before.paperId));
    const { passMark, hours } = paper!;
    const score = scoreAttempt(before.questions, before.answerKey, answers);
    const passed = score >= passMark;
    const row = await writeAttempt(tx, actor, before, 'submit', { answers, score, passed, submittedAt: now }, { score, passed });
    if (passed) {
      const issuedOn = cstDate(now);
      await tx.insert(examCompletions).values({
        attemptId: id,
        paperId: before.paperId,
        personId: before.personId,
        enterpriseId: before.enterpriseId,
        areaCode: before.areaCode,
        sector: before.sector,
        parkId: before.parkId,
        number: `JY${issuedOn.replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}`,
        issuedOn,
        score,
        hours,
      });
    }
    // The response is built before the audit append: the append holds the platform-wide chain lock until commit, so
    // nothing else of the hand-in should run after it while 200 examinees hand in at once.
    const view = await present(row);
    await recordAudit(tx, ctx, {
      action: 'exam_attempt.submit',
      entityType: 'exam_attempt',
      entityId: id,
      before: auditAttempt(before),
      after: auditAttempt(row),
    });
    return view;
  });
}
