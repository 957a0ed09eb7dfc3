// POST /api/training/sessions/:id/complete: the session took place. Its attendees' hours for the year are rewritten
// (training_person_years, then their enterprises' summaries) and the event training_session.complete carries the
// attendees and the kind, so the people module can mark a retraining duty done (people/retraining-done.ts) without
// this module calling into it. Not before the session's date.
import type { SessionActionBody } from '@anjian/contracts';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { auditSession, presentSessionDetail } from '../training.presenter';
import { attendanceOf, findSession, refreshHours, type SessionRow } from '../training.queries';
import { writeSession } from '../training.workflow';
import type { TrainingContext } from './context';

export async function completeSession(db: Db, ctx: TrainingContext, id: string, input: SessionActionBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const before = await loadForUpdate<SessionRow>({
      load: () => findSession(tx, actor, id, true),
      version: input.version,
      present: (row) => presentSessionDetail(tx, actor, row),
    });
    if (before.date > today) throw fieldError('date', '培训日期未到，不能确认已举办', 'The session’s date has not come yet');
    const attendees = (await attendanceOf(tx, id)).map((a) => a.personId);
    const row = await writeSession(tx, actor, before, 'complete', {
      kind: before.kind,
      date: before.date,
      hours: before.hours,
      personIds: attendees,
    });
    await refreshHours(tx, attendees, Number(before.date.slice(0, 4)), today);
    await recordAudit(tx, ctx, {
      action: 'training_session.complete',
      entityType: 'training_session',
      entityId: id,
      before: auditSession(before),
      after: auditSession(row),
    });
    return presentSessionDetail(tx, actor, row);
  });
}
