// Retires an analysis unit (soft delete) together with its events and measures; the enterprise's summary is
// refreshed in the same transaction, so its colour drops at once if the unit held its highest risk.
import { and, eq, isNull } from 'drizzle-orm';
import { riskEvents, riskMeasures, riskUnits } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { loadForUpdate } from '../../../platform/load-for-update';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { countEventsByUnit, findUnit } from '../risks.queries';
import { auditRow, presentUnit } from '../risks.presenter';
import { lockEnterpriseRisks, refreshRiskSummary } from '../risks.summary';

export async function deleteRiskUnit(db: Db, actor: Actor, ip: string | null, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await findUnit(tx, actor, id);
    if (!before) throw notFound();
    await lockEnterpriseRisks(tx, before.enterpriseId);
    const locked = await loadForUpdate({
      load: () => findUnit(tx, actor, id, true),
      version,
      present: async (row) => presentUnit(actor, row, await countEventsByUnit(tx, [id])),
    });
    const now = new Date();
    await tx
      .update(riskMeasures)
      .set({ deletedAt: now })
      .where(and(eq(riskMeasures.unitId, id), isNull(riskMeasures.deletedAt)));
    await tx
      .update(riskEvents)
      .set({ deletedAt: now })
      .where(and(eq(riskEvents.unitId, id), isNull(riskEvents.deletedAt)));
    await tx
      .update(riskUnits)
      .set({ deletedAt: now, version: locked.version + 1 })
      .where(eq(riskUnits.id, id));
    await refreshRiskSummary(tx, locked.enterpriseId);
    await recordAudit(tx, { actor, ip }, { action: 'risk.unit.delete', entityType: 'risk_unit', entityId: id, before: auditRow(locked) });
  });
}
