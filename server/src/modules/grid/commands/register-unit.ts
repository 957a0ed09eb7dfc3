// POST /api/grid/registrations: 网格登记 — a unit found on patrol becomes a provisional record (pending) in a community
// or grid of the inspector's scope; the street is notified through the event and confirms, merges or rejects it.
import type { RegisterUnitBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { findFilingArea } from '../grid.queries';
import { presentRegistration, registrationAudit } from '../grid.presenter';
import { writeRegistration } from '../grid.workflow';

export async function registerUnit(db: Db, actor: Actor, ip: string | null, input: RegisterUnitBody) {
  return db.transaction(async (tx) => {
    const code = input.areaCode ?? actor.areaCode;
    const area = code ? await findFilingArea(tx, actor, code) : null;
    if (!area) throw fieldError('areaCode', '请选择您网格内的社区或网格', 'Choose a community or grid within your grid');
    if ((input.lon === undefined) !== (input.lat === undefined)) {
      throw fieldError(input.lon === undefined ? 'lon' : 'lat', '经度和纬度须同时提供', 'Give both longitude and latitude');
    }
    const row = await writeRegistration(tx, actor, null, 'register', {
      create: {
        areaCode: area.code,
        name: input.name,
        address: input.address,
        creditCode: input.creditCode?.toUpperCase() ?? null,
        sector: input.sector ?? null,
        principalName: input.principalName ?? null,
        principalPhone: input.principalPhone ?? null,
        businessDescription: input.businessDescription ?? null,
        lon: input.lon ?? null,
        lat: input.lat ?? null,
        registeredBy: actor.id,
      },
    });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'grid_registration.register', entityType: 'grid_registration', entityId: row.id, after: registrationAudit(row) },
    );
    return presentRegistration(tx, actor, row);
  });
}
