// POST /api/exam/questions and PUT /api/exam/questions/:id: the district bureau keeps the question bank. A true/false
// question has exactly the two options 正确/错误; a single-choice question one correct option; a multiple-choice
// question at least two; every answer index names an option. An edit does not change running attempts (their key was
// fixed when they were drawn).
import { eq } from 'drizzle-orm';
import type { CreateQuestionBody, UpdateQuestionBody } from '@anjian/contracts';
import { examQuestions } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { inScope } from '../../../platform/scope';
import { presentQuestion } from '../training.presenter';
import { findQuestion, type QuestionRow } from '../training.queries';
import type { TrainingContext } from './context';

function checked(input: CreateQuestionBody | UpdateQuestionBody) {
  const answer = [...new Set(input.answer)].sort((a, b) => a - b);
  if (input.type === 'true_false' && input.options.length !== 2) {
    throw fieldError('options', '判断题应有且只有两个选项（正确/错误）', 'A true/false question has exactly two options');
  }
  if (answer.some((i) => i >= input.options.length))
    throw fieldError('answer', '答案应为已有选项', 'Every answer must be one of the options');
  if (input.type !== 'multiple' && answer.length !== 1)
    throw fieldError('answer', '单选题和判断题只有一个正确答案', 'A single-choice or true/false question has one answer');
  if (input.type === 'multiple' && answer.length < 2)
    throw fieldError('answer', '多选题至少有两个正确答案', 'A multiple-choice question has at least two answers');
  return {
    topic: input.topic,
    roles: [...new Set(input.roles)],
    type: input.type,
    stem: input.stem,
    options: input.options,
    answer,
    active: input.active ?? true,
  };
}

export async function createQuestion(db: Db, ctx: TrainingContext, input: CreateQuestionBody) {
  const cols = checked(input);
  if (!inScope(ctx.actor, { areaCode: input.areaCode }))
    throw fieldError('areaCode', '只能为本辖区建题', 'Add questions only for your own jurisdiction');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(examQuestions)
      .values({ ...cols, areaCode: input.areaCode })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'exam_question.create',
      entityType: 'exam_question',
      entityId: row!.id,
      after: presentQuestion(row!),
    });
    return presentQuestion(row!);
  });
}

export async function updateQuestion(db: Db, ctx: TrainingContext, id: string, input: UpdateQuestionBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate<QuestionRow>({
      load: () => findQuestion(tx, ctx.actor, id, true),
      version: input.version,
      present: presentQuestion,
    });
    const cols = checked(input);
    const [row] = await tx
      .update(examQuestions)
      .set({ ...cols, version: before.version + 1 })
      .where(eq(examQuestions.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'exam_question.update',
      entityType: 'exam_question',
      entityId: id,
      before: presentQuestion(before),
      after: presentQuestion(row!),
    });
    return presentQuestion(row!);
  });
}
