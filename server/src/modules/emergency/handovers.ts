// 交接班: SQL and presentation of duty handovers. A handover belongs to the outgoing shift's area (scope predicate on
// its own area code) and is also seen by the people on its incoming shift, who may keep a post above their own area
// (a street officer on the district's roster); its post and the names come from the shifts and users it links.
import { and, asc, eq, gte, inArray, like, lt, ne, or, sql } from 'drizzle-orm';
import type { HandoverView } from '@anjian/contracts';
import { dutyHandovers, dutyShifts, emergencyIncidents } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';
import { userNames, type ShiftRow } from './duty.queries';

export type HandoverRow = typeof dutyHandovers.$inferSelect;

const scope = (actor: Actor) =>
  or(
    scopeWhere(actor, { areaCode: dutyHandovers.areaCode }),
    sql`exists (select 1 from duty_shifts s where s.id = ${dutyHandovers.toShiftId} and ${actor.id}::uuid in (s.officer_id, s.leader_id))`,
  )!;

/** A shift the caller may hand over or take over: one in scope, or one the caller keeps (officer or leader). */
export async function findKeptShift(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<ShiftRow | null> {
  const q = db
    .select()
    .from(dutyShifts)
    .where(
      and(
        eq(dutyShifts.id, id),
        or(scopeWhere(actor, { areaCode: dutyShifts.areaCode }), eq(dutyShifts.officerId, actor.id), eq(dutyShifts.leaderId, actor.id)),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findHandover(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<HandoverRow | null> {
  const q = db
    .select()
    .from(dutyHandovers)
    .where(and(eq(dutyHandovers.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findHandovers(db: DbOrTx, actor: Actor, from: Date, to: Date) {
  return db
    .select()
    .from(dutyHandovers)
    .where(and(scope(actor), gte(dutyHandovers.handedAt, from), lt(dutyHandovers.handedAt, to)))
    .orderBy(asc(dutyHandovers.handedAt), asc(dutyHandovers.id))
    .limit(500);
}

export async function findHandoverOf(db: DbOrTx, fromShiftId: string) {
  const [row] = await db.select().from(dutyHandovers).where(eq(dutyHandovers.fromShiftId, fromShiftId));
  return row ?? null;
}

/** The next shift of the same post: the earliest starting when (or after) the outgoing one ends. */
export async function findNextShift(db: DbOrTx, from: ShiftRow): Promise<ShiftRow | null> {
  const [row] = await db
    .select()
    .from(dutyShifts)
    .where(
      and(
        eq(dutyShifts.areaCode, from.areaCode),
        eq(dutyShifts.post, from.post),
        gte(dutyShifts.startsAt, from.endsAt),
        ne(dutyShifts.id, from.id),
      ),
    )
    .orderBy(asc(dutyShifts.startsAt), asc(dutyShifts.id))
    .limit(1);
  return row ?? null;
}

/** Incidents of the shift's area not yet closed: what the incoming shift takes over. */
export async function findOpenIncidents(db: DbOrTx, areaCode: string) {
  const rows = await db
    .select({
      id: emergencyIncidents.id,
      receivedAt: emergencyIncidents.receivedAt,
      address: emergencyIncidents.address,
      status: emergencyIncidents.status,
    })
    .from(emergencyIncidents)
    .where(and(like(emergencyIncidents.areaCode, likePrefix(areaPrefixOf(areaCode))), ne(emergencyIncidents.status, 'closed')))
    .orderBy(asc(emergencyIncidents.receivedAt), asc(emergencyIncidents.id))
    .limit(200);
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}

async function shiftsById(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, ShiftRow>();
  const rows = await db.select().from(dutyShifts).where(inArray(dutyShifts.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export const onShift = (actor: Actor, s: ShiftRow | undefined) => !!s && (actor.id === s.officerId || actor.id === s.leaderId);

export async function presentHandovers(db: DbOrTx, actor: Actor, rows: HandoverRow[]): Promise<HandoverView[]> {
  const shifts = await shiftsById(db, [...new Set(rows.flatMap((r) => [r.fromShiftId, r.toShiftId]))]);
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.handedBy, r.acknowledgedBy, shifts.get(r.toShiftId)?.officerId ?? null]),
  );
  return rows.map((r) => {
    const to = shifts.get(r.toShiftId);
    return {
      id: r.id,
      areaCode: r.areaCode,
      fromShiftId: r.fromShiftId,
      toShiftId: r.toShiftId,
      post: shifts.get(r.fromShiftId)?.post ?? '',
      handedByName: names.get(r.handedBy) ?? null,
      incomingName: to ? (names.get(to.officerId) ?? null) : null,
      notes: r.notes,
      openIncidents: r.openIncidents,
      handedAt: r.handedAt.toISOString(),
      acknowledgedByName: r.acknowledgedBy ? (names.get(r.acknowledgedBy) ?? null) : null,
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      version: r.version,
      abilities: !r.acknowledgedAt && onShift(actor, to) ? ['acknowledge'] : [],
    };
  });
}

export function auditHandover(r: HandoverRow) {
  return {
    fromShiftId: r.fromShiftId,
    toShiftId: r.toShiftId,
    openIncidents: r.openIncidents.length,
    acknowledgedBy: r.acknowledgedBy,
    version: r.version,
  };
}
