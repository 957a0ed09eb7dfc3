// POST /api/rental/premises: a premises and its landlord, recorded in a community or grid of the caller's scope.
import type { CreatePremisesBody } from '@anjian/contracts';
import { rentalPremises } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { findRentalArea } from '../rental.queries';
import { presentPremises } from '../rental.presenter';

export async function createPremises(db: Db, actor: Actor, ip: string | null, input: CreatePremisesBody) {
  return db.transaction(async (tx) => {
    const code = input.areaCode ?? actor.areaCode;
    const area = code ? await findRentalArea(tx, actor, code) : null;
    if (!area) throw fieldError('areaCode', '请选择您辖区内的社区或网格', 'Choose a community or grid within your jurisdiction');
    const [row] = await tx
      .insert(rentalPremises)
      .values({
        areaCode: area.code,
        address: input.address,
        landlordKind: input.landlordKind,
        landlordName: input.landlordName,
        landlordPhone: input.landlordPhone ?? null,
        occupancy: input.occupancy,
        occupantName: input.occupantName ?? null,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'rental_premises.create',
        entityType: 'rental_premises',
        entityId: row!.id,
        after: { areaCode: row!.areaCode, address: row!.address, landlordKind: row!.landlordKind, occupancy: row!.occupancy },
      },
    );
    return (await presentPremises(tx, actor, [row!], cstDate()))[0]!;
  });
}
