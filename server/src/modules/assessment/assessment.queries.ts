// SQL of 年度考核. Scope: the issuing authority (its area, through the one scope predicate on the rows' own
// area_code) sees every scheme and sheet it issued; an assessed unit sees its own sheet (org_id = its organisation)
// and the schemes holding one. Industry-department and park officers reach nothing by area here (the tables have no
// sector or park column), only their own organisation's sheets. Out of scope is 404.
import { and, asc, count, desc, eq, exists, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import type { SchemeListQuery, SheetListQuery } from '@anjian/contracts';
import { assessmentSchemes, assessmentSheets, organisations, stateTransitions } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { SchemeRow, SheetRow } from './assessment.workflow';

const ownSheet = (actor: Actor): SQL => (actor.orgId ? eq(assessmentSheets.orgId, actor.orgId) : sql`false`);
export const issuerSchemes = (actor: Actor) => scopeWhere(actor, { areaCode: assessmentSchemes.areaCode });
export const sheetScope = (actor: Actor): SQL => or(scopeWhere(actor, { areaCode: assessmentSheets.areaCode }), ownSheet(actor))!;
const schemeScope = (actor: Actor): SQL =>
  or(
    issuerSchemes(actor),
    exists(sql`(select 1 from ${assessmentSheets} where ${assessmentSheets.schemeId} = ${assessmentSchemes.id} and ${ownSheet(actor)})`),
  )!;

export async function findScheme(db: DbOrTx, actor: Actor, id: string): Promise<SchemeRow | null> {
  const [row] = await db
    .select()
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.id, id), schemeScope(actor)));
  return row ?? null;
}

/** The scheme only if the caller is on its issuer side (every write). */
export async function findIssuedScheme(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<SchemeRow | null> {
  const q = db
    .select()
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.id, id), issuerSchemes(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findSchemes(db: DbOrTx, actor: Actor, q: SchemeListQuery) {
  const where = and(schemeScope(actor), q.year ? eq(assessmentSchemes.year, q.year) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(assessmentSchemes)
      .where(where)
      .orderBy(desc(assessmentSchemes.year), desc(assessmentSchemes.revision), asc(assessmentSchemes.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(assessmentSchemes).where(where),
  ]);
  return { items, total: total!.n };
}

export async function nextRevision(db: DbOrTx, areaCode: string, year: number) {
  const [row] = await db
    .select({ n: max(assessmentSchemes.revision) })
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.areaCode, areaCode), eq(assessmentSchemes.year, year)));
  return (row?.n ?? 0) + 1;
}

export async function countSheets(db: DbOrTx, actor: Actor, schemeIds: string[]) {
  if (schemeIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: assessmentSheets.schemeId, n: count() })
    .from(assessmentSheets)
    .where(and(inArray(assessmentSheets.schemeId, schemeIds), sheetScope(actor)))
    .groupBy(assessmentSheets.schemeId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function findSheet(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<SheetRow | null> {
  const q = db
    .select()
    .from(assessmentSheets)
    .where(and(eq(assessmentSheets.id, id), sheetScope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The ranking's order (index assessment_sheets_rank_idx): not vetoed first, total descending. */
const rankOrder = [asc(assessmentSheets.vetoed), desc(assessmentSheets.total), asc(assessmentSheets.id)];

export async function findSheets(db: DbOrTx, actor: Actor, q: SheetListQuery) {
  const where = and(
    sheetScope(actor),
    q.schemeId ? eq(assessmentSheets.schemeId, q.schemeId) : undefined,
    q.year ? eq(assessmentSheets.year, q.year) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(assessmentSheets)
      .where(where)
      .orderBy(desc(assessmentSheets.year), ...rankOrder)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(assessmentSheets).where(where),
  ]);
  return { items, total: total!.n };
}

/** Every sheet of a scheme in ranking order, for the issuer's ranking and export (a scheme holds at most 500). */
export async function schemeSheets(db: DbOrTx, schemeId: string) {
  return db
    .select()
    .from(assessmentSheets)
    .where(eq(assessmentSheets.schemeId, schemeId))
    .orderBy(...rankOrder)
    .limit(500);
}

/** Totals of every sheet of the schemes (rank of one sheet among its scheme's). */
export async function schemeTotals(db: DbOrTx, schemeIds: string[]) {
  if (schemeIds.length === 0) return [];
  return db
    .select({
      id: assessmentSheets.id,
      schemeId: assessmentSheets.schemeId,
      total: assessmentSheets.total,
      vetoed: assessmentSheets.vetoed,
    })
    .from(assessmentSheets)
    .where(inArray(assessmentSheets.schemeId, [...new Set(schemeIds)]));
}

export async function unitsOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      areaCode: organisations.areaCode,
      sectors: organisations.sectors,
      parkId: organisations.parkId,
    })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
}

export async function sheetHistory(db: DbOrTx, id: string) {
  return db
    .select({
      action: stateTransitions.action,
      from: stateTransitions.fromState,
      to: stateTransitions.toState,
      actorName: stateTransitions.actorName,
      at: stateTransitions.at,
    })
    .from(stateTransitions)
    .where(and(eq(stateTransitions.recordType, 'assessment_sheet'), eq(stateTransitions.recordId, id)))
    .orderBy(asc(stateTransitions.at), asc(stateTransitions.id));
}
