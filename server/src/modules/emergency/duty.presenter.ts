// Shift → response whitelist, with abilities (edit: the roster keeper within scope).
import { can, type ShiftView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { userNames, type ShiftRow } from './duty.queries';

export async function presentShifts(db: DbOrTx, actor: Actor, rows: ShiftRow[]): Promise<ShiftView[]> {
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.officerId, r.leaderId]),
  );
  return rows.map((r) => ({
    id: r.id,
    post: r.post,
    areaCode: r.areaCode,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    officerId: r.officerId,
    officerName: names.get(r.officerId) ?? null,
    leaderId: r.leaderId,
    leaderName: names.get(r.leaderId) ?? null,
    notes: r.notes,
    version: r.version,
    abilities: can(actor.role, 'duty.manage') ? ['update'] : [],
  }));
}

export async function presentShift(db: DbOrTx, actor: Actor, row: ShiftRow) {
  return (await presentShifts(db, actor, [row]))[0]!;
}

export function auditShift(r: ShiftRow) {
  return {
    post: r.post,
    areaCode: r.areaCode,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    officerId: r.officerId,
    leaderId: r.leaderId,
    version: r.version,
  };
}
