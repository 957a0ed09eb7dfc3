// POST /api/exam/papers/:id/attempts: an enterprise account starts an attempt for one of its people. The questions are
// drawn now, at random by the paper's rules (filtered by the person's post), and sent in this response for the first
// time; the key is fixed beside them and never sent. One active attempt per person and paper: an active one still in
// time refuses the start (the page resumes it instead), one past its time is expired first; the partial unique index
// settles two starts racing. Retakes up to the paper's maxAttempts, none after a pass.
import type { StartAttemptBody } from '@anjian/contracts';
import { examAttempts, type AttemptQuestion } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { auditAttempt, presentAttempts } from '../training.presenter';
import { attemptsOf } from '../exam-attempts.queries';
import { drawQuestions, findPaper, peopleInScope } from '../training.queries';
import { examRules } from '../training.rules';
import { writeAttempt } from '../training.workflow';
import type { TrainingContext } from './context';

const busy = () => fieldError('personId', '该人员有一场正在进行的考试，请继续作答', 'This person has an exam in progress: continue it');

export async function startAttempt(db: Db, ctx: TrainingContext, paperId: string, input: StartAttemptBody) {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const paper = await findPaper(tx, actor, paperId);
    if (!paper) throw notFound();
    const [person] = await peopleInScope(tx, actor, [input.personId]);
    if (!person) throw fieldError('personId', '人员不存在', 'No such person');
    const past = await attemptsOf(tx, paperId, person.id);
    for (const a of past.filter((x) => x.status === 'active')) {
      if (a.deadlineAt.getTime() + examRules.graceSeconds * 1000 >= now.getTime()) throw busy();
      await writeAttempt(tx, actor, a, 'expire', {});
    }
    if (past.some((a) => a.passed)) throw fieldError('personId', '该人员已通过本试卷考试', 'This person has already passed this paper');
    if (past.length >= paper.maxAttempts) {
      throw fieldError('personId', `考试次数已用完（最多 ${paper.maxAttempts} 次）`, `No attempts left (at most ${paper.maxAttempts})`);
    }
    const questions: AttemptQuestion[] = [];
    const key: Record<string, number[]> = {};
    for (const rule of paper.rules) {
      const drawn = await drawQuestions(tx, paper.areaCode, rule.topic, rule.type, person.post, rule.count);
      if (drawn.length < rule.count) {
        throw fieldError('paperId', '题库题量不足，暂不能开考', 'The question bank cannot fill this paper for this post yet');
      }
      for (const q of drawn) {
        questions.push({ id: q.id, type: q.type as AttemptQuestion['type'], stem: q.stem, options: q.options, points: rule.points });
        key[q.id] = q.answer;
      }
    }
    const [row] = await tx
      .insert(examAttempts)
      .values({
        paperId,
        personId: person.id,
        userId: actor.id,
        enterpriseId: person.enterpriseId,
        areaCode: person.areaCode,
        sector: person.sector,
        parkId: person.parkId,
        attemptNo: past.length + 1,
        startedAt: now,
        deadlineAt: new Date(now.getTime() + paper.durationMinutes * 60_000),
        questions,
        answerKey: key,
        maxScore: questions.reduce((n, q) => n + q.points, 0),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw busy();
    await recordAudit(tx, ctx, { action: 'exam_attempt.start', entityType: 'exam_attempt', entityId: row.id, after: auditAttempt(row) });
    const [view] = await presentAttempts(tx, actor, [row]);
    return view!;
  });
}
