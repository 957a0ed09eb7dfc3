// An account as an Actor, read from the database: for work done on a user's behalf outside a request (an event
// consumer acting as the user whose command raised the event, a seed). The same fields as the session's actor.
import { eq } from 'drizzle-orm';
import { roleScopeKind, type Role } from '@anjian/contracts';
import { organisations, users } from '../db/schema';
import type { Actor } from './actor';
import type { DbOrTx } from './db';
import { areaPrefixOf } from './scope';

type UserRow = Pick<
  typeof users.$inferSelect,
  'id' | 'username' | 'displayName' | 'role' | 'orgId' | 'enterpriseId' | 'mustChangePassword'
>;
type OrgRow = Pick<typeof organisations.$inferSelect, 'name' | 'areaCode' | 'sectors' | 'parkId'>;

/** The Actor of a user row and its organisation: the one place a caller's scope is derived from the account. */
export function actorOf(u: UserRow, o: OrgRow | null): Actor {
  const role = u.role as Role;
  const areaCode = o?.areaCode ?? null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role,
    orgId: u.orgId,
    orgName: o?.name ?? null,
    areaCode,
    areaPrefix: areaCode ? areaPrefixOf(areaCode) : null,
    sectors: o?.sectors ?? [],
    parkId: o?.parkId ?? null,
    enterpriseId: u.enterpriseId,
    scopeKind: roleScopeKind[role],
    mustChangePassword: u.mustChangePassword,
  };
}

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ u: users, o: organisations })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId));
  if (!row || row.u.status !== 'active') return null;
  // Work done on the user's behalf is not held back by a pending password change.
  return { ...actorOf(row.u, row.o), mustChangePassword: false };
}
