// PUT …/grade: the supervising officers classify the enterprise (分类分级监管: 职业病危害严重 / 较重 / 一般).
import type { GradeBody } from '@anjian/contracts';
import type { Db } from '../../../platform/db';
import { onProfile, type OhContext } from './context';

export function setGrade(db: Db, ctx: OhContext, enterpriseId: string, input: GradeBody) {
  return onProfile(db, ctx, enterpriseId, input.version, 'oh_profile.grade', async (_tx, _p, today) => ({
    patch: { grade: input.grade, gradedOn: today },
    detail: { grade: input.grade },
  }));
}
