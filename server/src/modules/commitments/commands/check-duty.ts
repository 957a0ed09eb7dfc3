// POST /api/duty-records/:id/accept | return: the street (or the district bureau, industry department or park station
// holding the enterprise) checks a submitted record's evidence; accepted, the duty counts as kept for its period.
import type { CheckDutyBody } from '@anjian/contracts';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import { presentDutyRecord } from '../commitments.presenter';
import { findDutyRecord } from '../commitments.queries';
import { writeDutyRecord } from '../duties.workflow';
import type { CommitmentContext } from './context';

export async function checkDuty(db: Db, ctx: CommitmentContext, id: string, action: 'accept' | 'return', input: CheckDutyBody) {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findDutyRecord(tx, actor, id, true),
      version: input.version,
      present: (r) => presentDutyRecord(tx, actor, r),
    });
    const row = await writeDutyRecord(
      tx,
      actor,
      before,
      action,
      { reviewNote: input.note ?? null, reviewedBy: actor.id, reviewedAt: new Date() },
      { note: input.note },
    );
    await recordAudit(tx, ctx, {
      action: `duty_record.${action}`,
      entityType: 'duty_record',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: row.status, note: input.note ?? null, version: row.version },
    });
    return presentDutyRecord(tx, actor, { ...row, enterpriseName: before.enterpriseName });
  });
}
