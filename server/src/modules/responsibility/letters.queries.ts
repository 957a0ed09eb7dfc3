// SQL of the target-responsibility letters: every read through the scope predicate on the recipient's columns (the
// issuer, one level up, covers them by prefix; an enterprise reads its own), paged with a total.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { LetterListQuery } from '@anjian/contracts';
import { areas, assessmentSchemes, enterprises, responsibilityLetters, stateTransitions } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { LetterRow } from './letters.workflow';

const scope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: responsibilityLetters.areaCode,
    sector: responsibilityLetters.sector,
    parkId: responsibilityLetters.parkId,
    enterpriseId: responsibilityLetters.enterpriseId,
  });

export async function findLetter(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<LetterRow | null> {
  const q = db
    .select()
    .from(responsibilityLetters)
    .where(and(eq(responsibilityLetters.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findLetters(db: DbOrTx, actor: Actor, q: LetterListQuery) {
  const parts: SQL[] = [scope(actor)];
  if (q.status) parts.push(eq(responsibilityLetters.status, q.status));
  if (q.year) parts.push(eq(responsibilityLetters.year, q.year));
  if (q.side === 'issued' && actor.areaCode) parts.push(eq(responsibilityLetters.issuerAreaCode, actor.areaCode));
  if (q.side === 'mine')
    parts.push(
      actor.enterpriseId
        ? eq(responsibilityLetters.enterpriseId, actor.enterpriseId)
        : sql`${responsibilityLetters.areaCode} = ${actor.areaCode ?? ''} and ${responsibilityLetters.recipientKind} = 'street'`,
    );
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(responsibilityLetters)
      .where(where)
      .orderBy(desc(responsibilityLetters.year), desc(responsibilityLetters.createdAt), asc(responsibilityLetters.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(responsibilityLetters).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findLetterHistory(db: DbOrTx, id: string) {
  return db
    .select({
      action: stateTransitions.action,
      from: stateTransitions.fromState,
      to: stateTransitions.toState,
      actorName: stateTransitions.actorName,
      at: stateTransitions.at,
    })
    .from(stateTransitions)
    .where(and(eq(stateTransitions.recordType, 'responsibility_letter'), eq(stateTransitions.recordId, id)))
    .orderBy(asc(stateTransitions.at), asc(stateTransitions.id));
}

/** The letters passed on from this one, in the caller's scope. */
export async function findChildLetters(db: DbOrTx, actor: Actor, id: string) {
  return db
    .select({ id: responsibilityLetters.id, recipientName: responsibilityLetters.recipientName, status: responsibilityLetters.status })
    .from(responsibilityLetters)
    .where(and(eq(responsibilityLetters.parentId, id), scope(actor)))
    .orderBy(asc(responsibilityLetters.recipientName))
    .limit(500);
}

/** An area one level below the caller's own (a district's street, a street's community). */
export async function findChildArea(db: DbOrTx, actor: Actor, code: string) {
  const [row] = await db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(and(eq(areas.code, code), eq(areas.parentCode, actor.areaCode ?? '')));
  return row ?? null;
}

export async function findChildAreas(db: DbOrTx, actor: Actor) {
  return db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(eq(areas.parentCode, actor.areaCode ?? ''))
    .orderBy(asc(areas.code))
    .limit(500);
}

export async function findRecipientEnterprise(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(
      and(
        eq(enterprises.id, id),
        scopeWhere(actor, {
          areaCode: enterprises.areaCode,
          sector: enterprises.sector,
          parkId: enterprises.parkId,
          enterpriseId: enterprises.id,
        }),
      ),
    );
  return row ?? null;
}

/** The assessment scheme a letter's targets count towards: one issued for the caller's area or one above it. */
export async function findCoveringScheme(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: assessmentSchemes.id, year: assessmentSchemes.year, indicators: assessmentSchemes.indicators })
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.id, id), sql`${actor.areaCode ?? ''} like ${assessmentSchemes.areaCode} || '%'`));
  return row ?? null;
}

export async function findSchemeIndicators(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, Map<string, string>>();
  const rows = await db
    .select({ id: assessmentSchemes.id, indicators: assessmentSchemes.indicators })
    .from(assessmentSchemes)
    .where(
      sql`${assessmentSchemes.id} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.id, new Map(r.indicators.map((i) => [i.key, i.name]))]));
}
