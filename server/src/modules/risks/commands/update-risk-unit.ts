// Edits an analysis unit (name, kind, location, emergency phone) under optimistic locking.
import { eq } from 'drizzle-orm';
import type { UpdateRiskUnitBody } from '@anjian/contracts';
import { riskUnits } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { countEventsByUnit, findUnit } from '../risks.queries';
import { auditRow, presentUnit } from '../risks.presenter';

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
