// POST /api/training/lecturers: the district bureau adds a lecturer to the pool (讲师团, seed 000 五(五)17).
import type { CreateLecturerBody } from '@anjian/contracts';
import { trainingLecturers } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { presentLecturer } from '../training.presenter';
import type { TrainingContext } from './context';

export async function createLecturer(db: Db, ctx: TrainingContext, input: CreateLecturerBody) {
  if (!inScope(ctx.actor, { areaCode: input.areaCode })) {
    throw fieldError('areaCode', '只能为本辖区添加讲师', 'Add lecturers only for your own jurisdiction');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingLecturers)
      .values({
        name: input.name,
        title: input.title ?? null,
        specialty: input.specialty,
        organisation: input.organisation ?? null,
        areaCode: input.areaCode,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'training_lecturer.create',
      entityType: 'training_lecturer',
      entityId: row!.id,
      after: presentLecturer(row!, 0),
    });
    return presentLecturer(row!, 0);
  });
}
