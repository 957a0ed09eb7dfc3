// 隐患等级调整: the supervising side re-grades an open hidden danger (一般 → 重大 when the 令10号 standard is met,
// 重大 → 一般 when it is not), with its reason on the timeline. Who accepts it follows the new grade
// (workflow.acceptorOf), and the statistics move with it through the rollup trigger.
import type { z } from 'zod';
import type { regradeHazardBody, Sector } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { DbOrTx } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { hazardClock } from '../hazards.clock';
import { checkMajorItem, regradeRefusal } from '../hazards.policy';
import { auditHazard } from '../hazards.presenter';
import { findHazard, type HazardRow } from '../hazards.queries';
import { lockHazard } from './lock-hazard';
import { writeHazard } from '../hazards.workflow';

export async function regradeHazard(
  db: DbOrTx,
  actor: Actor,
  ip: string | null,
  id: string,
  body: z.infer<typeof regradeHazardBody>,
): Promise<HazardRow> {
  const today = hazardClock.today();
  return db.transaction(async (tx) => {
    const before = await lockHazard(tx, actor, id, body.version, today);
    const refusal = regradeRefusal(before);
    if (refusal) throw new AppError('VALIDATION', [{ field: 'grade', ...refusal }]);
    if (body.grade === before.grade) {
      throw fieldError('grade', '新等级与当前等级相同', 'The new grade is the grade it already has');
    }
    if (body.majorItemId) checkMajorItem(body.majorItemId, body.grade, before.sector as Sector);
    const majorItemId = body.grade === 'major' ? (body.majorItemId ?? null) : null;
    await writeHazard(tx, actor, before, 'regrade', {
      patch: { grade: body.grade, majorItemId },
      event: { evidence: { fromGrade: before.grade, toGrade: body.grade, majorItemId, reason: body.reason } },
    });
    const after = (await findHazard(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'hazard.regrade', entityType: 'hazard', entityId: id, before: auditHazard(before), after: auditHazard(after) },
    );
    return after;
  });
}
