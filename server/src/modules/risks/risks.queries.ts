// All SQL over the risk register (units, events, measures). Every read a caller can reach goes through the scope
// predicate on the table's own denormalised columns, so out-of-scope rows are simply "not found".
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { riskEvents, riskMeasures, riskUnits } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';

export type UnitRow = typeof riskUnits.$inferSelect;
export type EventRow = typeof riskEvents.$inferSelect & { unitName: string };
export type MeasureRow = typeof riskMeasures.$inferSelect;

type ScopedTable = typeof riskUnits | typeof riskEvents | typeof riskMeasures;
const scopeOf = (actor: Actor, t: ScopedTable) =>
  scopeWhere(actor, { areaCode: t.areaCode, sector: t.sector, parkId: t.parkId, enterpriseId: t.enterpriseId });

export interface EnterpriseRef {
  id: string;
  name: string;
  areaCode: string;
  sector: string;
  parkId: string | null;
  hazardTags: string[];
  safetyManagerPhone: string | null;
  principalPhone: string | null;
}

export async function findUnits(db: DbOrTx, actor: Actor, enterpriseId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(riskUnits)
    .where(and(eq(riskUnits.enterpriseId, enterpriseId), isNull(riskUnits.deletedAt), scopeOf(actor, riskUnits)))
    .orderBy(asc(riskUnits.kind), asc(riskUnits.name), asc(riskUnits.id));
}

export async function findUnit(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<UnitRow | null> {
  const base = db
    .select()
    .from(riskUnits)
    .where(and(eq(riskUnits.id, id), isNull(riskUnits.deletedAt), scopeOf(actor, riskUnits)));
  const [row] = forUpdate ? await base.for('update') : await base;
  return row ?? null;
}

export interface UnitCounts {
  unitId: string;
  level: string | null;
  n: number;
}

/** Open events per unit and level, for the unit list's colour and counts. */
export async function countEventsByUnit(db: DbOrTx, unitIds: string[]): Promise<UnitCounts[]> {
  if (unitIds.length === 0) return [];
  return db
    .select({ unitId: riskEvents.unitId, level: riskEvents.level, n: sql<number>`count(*)::int` })
    .from(riskEvents)
    .where(and(inArray(riskEvents.unitId, unitIds), eq(riskEvents.status, 'open'), isNull(riskEvents.deletedAt)))
    .groupBy(riskEvents.unitId, riskEvents.level);
}

const eventColumns = { event: riskEvents, unitName: riskUnits.name };

function withUnit(db: DbOrTx) {
  return db.select(eventColumns).from(riskEvents).innerJoin(riskUnits, eq(riskUnits.id, riskEvents.unitId));
}

const flat = (r: { event: typeof riskEvents.$inferSelect; unitName: string }): EventRow => ({ ...r.event, unitName: r.unitName });

/** Live events of some units (open ones first, most severe first), for the register and the card. */
export async function findEventsOfUnits(db: DbOrTx, unitIds: string[]): Promise<EventRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await withUnit(db)
    .where(and(inArray(riskEvents.unitId, unitIds), isNull(riskEvents.deletedAt)))
    .orderBy(
      asc(riskEvents.status),
      sql`array_position(array['major','significant','general','low']::text[], ${riskEvents.level}) nulls last`,
      asc(riskEvents.createdAt),
      asc(riskEvents.id),
    );
  return rows.map(flat);
}

export async function findEvent(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<EventRow | null> {
  const base = withUnit(db).where(and(eq(riskEvents.id, id), isNull(riskEvents.deletedAt), scopeOf(actor, riskEvents)));
  const [row] = forUpdate ? await base.for('update', { of: riskEvents }) : await base;
  return row ? flat(row) : null;
}

export async function findMeasuresOfEvents(db: DbOrTx, eventIds: string[]): Promise<MeasureRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select()
    .from(riskMeasures)
    .where(and(inArray(riskMeasures.eventId, eventIds), isNull(riskMeasures.deletedAt)))
    .orderBy(asc(riskMeasures.createdAt), asc(riskMeasures.id));
}

export async function findMeasure(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<MeasureRow | null> {
  const base = db
    .select()
    .from(riskMeasures)
    .where(and(eq(riskMeasures.id, id), isNull(riskMeasures.deletedAt), scopeOf(actor, riskMeasures)));
  const [row] = forUpdate ? await base.for('update') : await base;
  return row ?? null;
}
