// Edits an analysis unit (name, kind, location, emergency phone) under optimistic locking.
import { eq } from 'drizzle-orm';
import type { UpdateRiskUnitBody } from '@anjian/contracts';
import { riskUnits } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { loadForUpdate } from '../../../platform/load-for-update';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { countEventsByUnit, findUnit } from '../risks.queries';
import { auditRow, presentUnit } from '../risks.presenter';

export async function updateRiskUnit(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateRiskUnitBody) {
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findUnit(tx, actor, id, true),
      version,
      present: async (row) => presentUnit(actor, row, await countEventsByUnit(tx, [id])),
    });
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
