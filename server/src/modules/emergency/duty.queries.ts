// SQL of the duty roster (值班表): shifts by the caller's scope on their own area code; the shift on duty at an
// instant for a place (the most local post whose area contains it); the people a roster may name.
import { and, asc, eq, gt, inArray, like, lt, lte, ne, sql } from 'drizzle-orm';
import { dutyShifts, organisations, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';

export type ShiftRow = typeof dutyShifts.$inferSelect;

const scope = (actor: Actor) => scopeWhere(actor, { areaCode: dutyShifts.areaCode });

export async function findShift(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<ShiftRow | null> {
  const q = db
    .select()
    .from(dutyShifts)
    .where(and(eq(dutyShifts.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Shifts overlapping [from, to) in the caller's scope, in time order (capped: a roster page is weeks, not years). */
export async function findShifts(db: DbOrTx, actor: Actor, from: Date, to: Date) {
  return db
    .select()
    .from(dutyShifts)
    .where(and(scope(actor), lt(dutyShifts.startsAt, to), gt(dutyShifts.endsAt, from)))
    .orderBy(asc(dutyShifts.startsAt), asc(dutyShifts.post), asc(dutyShifts.id))
    .limit(1000);
}

/** Another shift of the same post overlapping [startsAt, endsAt) (half-open: one may end when the next starts). */
export async function findOverlap(db: DbOrTx, areaCode: string, post: string, startsAt: Date, endsAt: Date, exceptId: string | null) {
  const [row] = await db
    .select()
    .from(dutyShifts)
    .where(
      and(
        eq(dutyShifts.areaCode, areaCode),
        eq(dutyShifts.post, post),
        lt(dutyShifts.startsAt, endsAt),
        gt(dutyShifts.endsAt, startsAt),
        exceptId ? ne(dutyShifts.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * The shift on duty at `at` for a place in `areaCode`: among shifts running then whose area contains the place, the
 * most local one (a street's own duty before the district's).
 */
export async function findOnDuty(db: DbOrTx, areaCode: string, at: Date): Promise<ShiftRow | null> {
  const running = await db
    .select()
    .from(dutyShifts)
    .where(and(lte(dutyShifts.startsAt, at), gt(dutyShifts.endsAt, at)))
    .orderBy(asc(dutyShifts.startsAt), asc(dutyShifts.id))
    .limit(500);
  const covering = running.filter((s) => areaCode.startsWith(areaPrefixOf(s.areaCode)));
  covering.sort((a, b) => areaPrefixOf(b.areaCode).length - areaPrefixOf(a.areaCode).length);
  return covering[0] ?? null;
}

export const dutyRoles = ['district_leader', 'district_officer', 'street_officer'] as const;

/** Staff of the caller's area who may keep a duty post (officers and leaders). */
export async function findDutyPeople(db: DbOrTx, actor: Actor, ids?: string[]) {
  if (actor.scopeKind !== 'area' || !actor.areaPrefix) return [];
  return db
    .select({ id: users.id, name: users.displayName, role: users.role, areaCode: organisations.areaCode })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(
      and(
        eq(users.status, 'active'),
        inArray(users.role, [...dutyRoles]),
        like(organisations.areaCode, likePrefix(actor.areaPrefix)),
        ids ? inArray(users.id, ids) : undefined,
      ),
    )
    .orderBy(asc(users.role), asc(users.displayName))
    .limit(500);
}

export async function userNames(db: DbOrTx, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A transaction-scoped lock on one duty post, so two shifts of it are never written at once. */
export async function lockPost(db: DbOrTx, areaCode: string, post: string) {
  let h = 0n;
  for (const ch of `${areaCode}|${post}`) h = (h * 131n + BigInt(ch.codePointAt(0)!)) % 9_007_199_254_740_881n;
  await db.execute(sql`select pg_advisory_xact_lock(${(h + 4_242_100n).toString()}::bigint)`);
}

/** An active account whose organisation lies in the caller's area: the one a team's call-outs may be sent to. */
export async function isAreaAccount(db: DbOrTx, actor: Actor, userId: string) {
  if (actor.scopeKind !== 'area' || !actor.areaPrefix) return false;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.id, userId), eq(users.status, 'active'), like(organisations.areaCode, likePrefix(actor.areaPrefix))));
  return !!row;
}
