// Edits an analysis unit under optimistic locking, or retires it (soft delete) together with its events and
// measures; the enterprise's summary is refreshed in the same transaction.
import { and, eq, isNull } from 'drizzle-orm';
import type { UpdateRiskUnitBody } from '@anjian/contracts';
import { riskEvents, riskMeasures, riskUnits } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { countEventsByUnit, findUnit } from '../risks.queries';
import { auditRow, presentUnit } from '../risks.presenter';
import { lockEnterpriseRisks, refreshRiskSummary } from '../risks.summary';

export async function updateRiskUnit(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateRiskUnitBody) {
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await findUnit(tx, actor, id, true);
    if (!before) throw notFound();
    if (before.version !== version) {
      throw new AppError('CONFLICT', [], { current: presentUnit(actor, before, await countEventsByUnit(tx, [id])) });
    }
    const [after] = await tx
      .update(riskUnits)
      .set({ ...changes, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(riskUnits.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'risk.unit.update', entityType: 'risk_unit', entityId: id, before: auditRow(before), after: auditRow(after!) },
    );
    return after!;
  });
}

export async function deleteRiskUnit(db: Db, actor: Actor, ip: string | null, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await findUnit(tx, actor, id);
    if (!before) throw notFound();
    await lockEnterpriseRisks(tx, before.enterpriseId);
    const locked = await findUnit(tx, actor, id, true);
    if (!locked) throw notFound();
    if (locked.version !== version) {
      throw new AppError('CONFLICT', [], { current: presentUnit(actor, locked, await countEventsByUnit(tx, [id])) });
    }
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
