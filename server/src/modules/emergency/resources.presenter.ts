// Resource and stock → response whitelist. The contact phone is a natural person's (a depot keeper, a team leader, an
// expert): shown in full to those who take emergency calls, masked for everyone else (platform/masking.ts).
import { can, type DepotStock, type ResourceKind, type ResourceView, type TeamType } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { phoneFor } from '../../platform/masking';
import { inScope } from '../../platform/scope';
import { cstDate } from '../../platform/time';
import { areaNames, findStock, shortageCounts, type ResourceRow } from './resources.queries';

export function resourceAbilities(actor: Actor, row: ResourceRow): string[] {
  if (!can(actor.role, 'emergency.manage') || !inScope(actor, row)) return [];
  return row.kind === 'depot' ? ['update', 'move', 'setMinimum'] : ['update'];
}

export function presentResource(actor: Actor, row: ResourceRow, names: Map<string, string>, shortages: Map<string, number>): ResourceView {
  return {
    id: row.id,
    kind: row.kind as ResourceKind,
    name: row.name,
    areaCode: row.areaCode,
    areaName: names.get(row.areaCode) ?? null,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    contactName: row.contactName,
    contactPhone: phoneFor(actor, { kind: 'emergencyContact' }, row.contactPhone),
    teamType: row.teamType as TeamType | null,
    members: row.members,
    equipment: row.equipment,
    speciality: row.speciality,
    organisation: row.organisation,
    available: row.available,
    capacity: row.capacity,
    facilities: row.facilities,
    contactUserId: row.contactUserId,
    notes: row.notes,
    shortages: shortages.get(row.id) ?? 0,
    version: row.version,
    abilities: resourceAbilities(actor, row),
  };
}

export async function presentResources(db: DbOrTx, actor: Actor, rows: ResourceRow[], today = cstDate()) {
  const [names, shortages] = await Promise.all([
    areaNames(
      db,
      rows.map((r) => r.areaCode),
    ),
    shortageCounts(
      db,
      rows.filter((r) => r.kind === 'depot').map((r) => r.id),
      today,
    ),
  ]);
  return rows.map((r) => presentResource(actor, r, names, shortages));
}

export async function presentResourceOne(db: DbOrTx, actor: Actor, row: ResourceRow) {
  return (await presentResources(db, actor, [row]))[0]!;
}

export async function presentStock(db: DbOrTx, actor: Actor, depot: ResourceRow, today = cstDate()): Promise<DepotStock> {
  const { batches, minimums } = await findStock(db, depot.id);
  const codes = [...new Set([...batches.map((b) => b.itemCode), ...minimums.keys()])].sort();
  const items = codes.map((itemCode) => {
    const mine = batches.filter((b) => b.itemCode === itemCode);
    const onHand = mine.reduce((s, b) => s + b.onHand, 0);
    const usable = mine.filter((b) => !b.expiresOn || b.expiresOn >= today).reduce((s, b) => s + b.onHand, 0);
    const minimum = minimums.get(itemCode) ?? 0;
    return {
      itemCode,
      onHand,
      usable,
      minimum,
      shortage: Math.max(0, minimum - usable),
      batches: mine.map((b) => ({
        itemCode: b.itemCode,
        batchNo: b.batchNo,
        expiresOn: b.expiresOn,
        onHand: b.onHand,
        expired: !!b.expiresOn && b.expiresOn < today,
      })),
    };
  });
  const abilities = resourceAbilities(actor, depot).filter((a) => a !== 'update');
  return { depotId: depot.id, version: depot.version, items, abilities };
}

/** The audit entry's picture of a resource (the contact phone masked like any audit entry's personal data). */
export function auditResource(row: ResourceRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
