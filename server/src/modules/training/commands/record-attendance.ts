// POST /api/training/sessions/:id/attendance: the people who attended a planned session. An enterprise's session takes
// its own people only; an area session people of enterprises in that area (and in the caller's scope). Adding someone
// twice is a no-op. Hours are credited when the session is marked held (complete-session.ts).
import type { AttendanceBody } from '@anjian/contracts';
import { trainingAttendance } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { presentSessionDetail } from '../training.presenter';
import { findSession, peopleInScope, type SessionRow } from '../training.queries';
import { trainingSessions } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import type { TrainingContext } from './context';

export async function recordAttendance(db: Db, ctx: TrainingContext, id: string, input: AttendanceBody) {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await loadForUpdate<SessionRow>({
      load: () => findSession(tx, actor, id, true),
      version: input.version,
      present: (row) => presentSessionDetail(tx, actor, row),
    });
    if (before.status !== 'planned')
      throw fieldError('status', '只有计划中的培训可以登记出席', 'Attendance is recorded for a planned session only');
    const ids = [...new Set(input.personIds)];
    const found = await peopleInScope(tx, actor, ids);
    const fits = found.filter((p) =>
      before.enterpriseId ? p.enterpriseId === before.enterpriseId : p.areaCode.startsWith(before.areaCode),
    );
    if (fits.length !== ids.length) {
      throw fieldError('personIds', '有人员不存在或不属于本次培训的范围', 'Some people do not exist or are outside this session’s scope');
    }
    await tx
      .insert(trainingAttendance)
      .values(
        fits.map((p) => ({
          sessionId: id,
          personId: p.id,
          enterpriseId: p.enterpriseId,
          areaCode: p.areaCode,
          sector: p.sector,
          parkId: p.parkId,
        })),
      )
      .onConflictDoNothing();
    const [row] = await tx
      .update(trainingSessions)
      .set({ version: before.version + 1 })
      .where(eq(trainingSessions.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'training_session.attendance',
      entityType: 'training_session',
      entityId: id,
      after: { personIds: ids, version: row!.version },
    });
    return presentSessionDetail(tx, actor, row!);
  });
}
