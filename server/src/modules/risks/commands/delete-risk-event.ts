// Retires a risk event (soft delete) with its measures; the enterprise's summary is refreshed in the same
// transaction. Closing is for a risk that is gone; deleting is for an entry made in error.
import { and, eq, isNull } from 'drizzle-orm';
import { riskEvents, riskMeasures } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { auditRow } from '../risks.presenter';
import { refreshRiskSummary } from '../risks.summary';
import { lockedEvent } from './close-risk-event';

export async function deleteRiskEvent(db: Db, actor: Actor, ip: string | null, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await lockedEvent(tx, actor, id, version);
    const now = new Date();
    await tx
      .update(riskMeasures)
      .set({ deletedAt: now })
      .where(and(eq(riskMeasures.eventId, id), isNull(riskMeasures.deletedAt)));
    await tx
      .update(riskEvents)
      .set({ deletedAt: now, version: before.version + 1 })
      .where(eq(riskEvents.id, id));
    await refreshRiskSummary(tx, before.enterpriseId);
    await recordAudit(tx, { actor, ip }, { action: 'risk.event.delete', entityType: 'risk_event', entityId: id, before: auditRow(before) });
  });
}
