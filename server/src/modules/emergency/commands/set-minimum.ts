// Sets the minimum stock of an item in a depot (the shortage threshold); the depot through the caller's scope, audited.
import type { MinimumBody } from '@anjian/contracts';
import { emergencyDepotItems } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { findResource } from '../resources.queries';

export async function setMinimum(db: Db, actor: Actor, ip: string | null, depotId: string, input: MinimumBody) {
  return db.transaction(async (tx) => {
    const depot = await findResource(tx, actor, depotId, true);
    if (!depot || depot.kind !== 'depot') throw notFound();
    await tx
      .insert(emergencyDepotItems)
      .values({ depotId, itemCode: input.itemCode, areaCode: depot.areaCode, minimum: input.minimum })
      .onConflictDoUpdate({
        target: [emergencyDepotItems.depotId, emergencyDepotItems.itemCode],
        set: { minimum: input.minimum, updatedAt: new Date() },
      });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'emergency.stock.minimum', entityType: 'emergency_depot', entityId: depotId, after: input },
    );
    return depot;
  });
}
