// An account as an Actor, read from the database: for work done on a user's behalf outside a request (an event
// consumer acting as the user whose command raised the event, a seed). The same fields as the session's actor.
import { eq } from 'drizzle-orm';
import { roleScopeKind, type Role } from '@anjian/contracts';
import { organisations, users } from '../db/schema';
import type { Actor } from './actor';
import type { DbOrTx } from './db';
import { areaPrefixOf } from './scope';

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ u: users, o: organisations })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId));
  if (!row || row.u.status !== 'active') return null;
  const role = row.u.role as Role;
  const areaCode = row.o?.areaCode ?? null;
  return {
    id: row.u.id,
    username: row.u.username,
    displayName: row.u.displayName,
    role,
    orgId: row.u.orgId,
    orgName: row.o?.name ?? null,
    areaCode,
    areaPrefix: areaCode ? areaPrefixOf(areaCode) : null,
    sectors: row.o?.sectors ?? [],
    parkId: row.o?.parkId ?? null,
    enterpriseId: row.u.enterpriseId,
    scopeKind: roleScopeKind[role],
    mustChangePassword: false,
  };
}
