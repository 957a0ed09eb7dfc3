// POST /api/occupational-health/workers/:id/checks: a health check (上岗前 / 在岗期间 / 离岗时) with its result. A
// leaving check ends the worker's exposure on that day. The enterprise's profile is locked and refreshed in the same
// transaction (the check-up rate counts periodic checks of the year before).
import type { CheckBody } from '@anjian/contracts';
import { eq } from 'drizzle-orm';
import { ohHealthChecks, ohProfiles, ohWorkers } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { presentWorkers } from '../occupational-health.presenter';
import { findWorker, refreshProfile, type WorkerRow } from '../occupational-health.queries';
import type { OhContext } from './context';

export async function recordCheck(db: Db, ctx: OhContext, id: string, input: CheckBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const before = await loadForUpdate<WorkerRow>({
      load: () => findWorker(tx, actor, id, true),
      version: input.version,
      present: async (row) => (await presentWorkers(tx, actor, [row], ctx.vaultKey, today))[0],
    });
    if (input.checkedOn > today) throw fieldError('checkedOn', '体检日期不能晚于今天', 'The check date is in the future');
    if (before.leftOn !== null) throw fieldError('kind', '该员工已离岗', 'This employee has left');
    await tx.select().from(ohProfiles).where(eq(ohProfiles.enterpriseId, before.enterpriseId)).for('update');
    await tx.insert(ohHealthChecks).values({
      workerId: id,
      enterpriseId: before.enterpriseId,
      areaCode: before.areaCode,
      sector: before.sector,
      parkId: before.parkId,
      kind: input.kind,
      checkedOn: input.checkedOn,
      result: input.result,
      institution: input.institution,
    });
    const [row] = await tx
      .update(ohWorkers)
      .set({ version: before.version + 1, ...(input.kind === 'leaving' ? { leftOn: input.checkedOn } : {}) })
      .where(eq(ohWorkers.id, id))
      .returning();
    await refreshProfile(tx, before.enterpriseId, today);
    // The result is health data: the audit keeps the kind and date only.
    await recordAudit(tx, ctx, {
      action: 'oh_worker.check',
      entityType: 'oh_worker',
      entityId: id,
      before: { version: before.version, leftOn: before.leftOn },
      after: { kind: input.kind, checkedOn: input.checkedOn, version: row!.version, leftOn: row!.leftOn },
    });
    return (await presentWorkers(tx, actor, [row!], ctx.vaultKey, today))[0]!;
  });
}
