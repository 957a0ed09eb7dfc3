// POST /api/exam/papers: the district bureau sets a paper by rule — n questions per topic and type with their points —
// plus the time limit, the pass mark, the attempts allowed and the training hours a pass credits. The bank must hold
// enough active questions for every rule (role filtering at the draw may still leave a person short: refused then).
import type { CreatePaperBody } from '@anjian/contracts';
import { examPapers } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { presentPaper } from '../training.presenter';
import { countDrawable } from '../training.queries';
import type { TrainingContext } from './context';

export async function createPaper(db: Db, ctx: TrainingContext, input: CreatePaperBody) {
  if (!inScope(ctx.actor, { areaCode: input.areaCode }))
    throw fieldError('areaCode', '只能为本辖区组卷', 'Set papers only for your own jurisdiction');
  const keys = input.rules.map((r) => `${r.topic}\u0000${r.type}`);
  if (new Set(keys).size !== keys.length) throw fieldError('rules', '同一主题和题型只能有一条抽题规则', 'One rule per topic and type');
  const max = input.rules.reduce((n, r) => n + r.count * r.points, 0);
  if (input.passMark > max) throw fieldError('passMark', `及格分不能高于满分 ${max}`, `The pass mark cannot exceed the full score ${max}`);
  return db.transaction(async (tx) => {
    for (const [i, r] of input.rules.entries()) {
      const have = await countDrawable(tx, input.areaCode, r.topic, r.type);
      if (have < r.count) {
        throw fieldError(
          `rules.${i}.count`,
          `题库中「${r.topic}」该题型仅有 ${have} 题`,
          `The bank has only ${have} such questions for rule ${i + 1}`,
        );
      }
    }
    const [row] = await tx
      .insert(examPapers)
      .values({ ...input, createdBy: ctx.actor.id })
      .returning();
    await recordAudit(tx, ctx, { action: 'exam_paper.create', entityType: 'exam_paper', entityId: row!.id, after: input });
    return presentPaper(ctx.actor, row!);
  });
}
