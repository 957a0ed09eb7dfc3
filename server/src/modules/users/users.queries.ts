// All SQL over the users table.
import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { userListQuery } from '@anjian/contracts';
import { organisations, users } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { scopeWhere } from '../../platform/scope';

export type UserRow = typeof users.$inferSelect & { orgName: string | null };

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  role: users.role,
  orgId: users.orgId,
  enterpriseId: users.enterpriseId,
  phone: users.phone,
  enforcementCertNo: users.enforcementCertNo,
  status: users.status,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
  orgName: organisations.name,
};

/** Accounts the caller may administer: those of organisations inside their area (and org-less ones). */
function userScope(actor: Actor): SQL {
  return or(scopeWhere(actor, { areaCode: organisations.areaCode }), isNull(users.orgId))!;
}

export async function findUsers(db: DbOrTx, actor: Actor, q: z.infer<typeof userListQuery>) {
  const filters = [userScope(actor)];
  if (q.q) filters.push(or(ilike(users.username, `%${q.q}%`), ilike(users.displayName, `%${q.q}%`))!);
  if (q.role) filters.push(eq(users.role, q.role));
  const where = and(...filters);
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.orgId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(users).leftJoin(organisations, eq(organisations.id, users.orgId)).where(where),
  ]);
  return { items: items as UserRow[], total: total?.n ?? 0 };
}

export async function findUser(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<UserRow | null> {
  const base = db
    .select(columns)
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.id, id), userScope(actor)));
  const [row] = forUpdate ? await base.for('update', { of: users }) : await base;
  return (row as UserRow | undefined) ?? null;
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return !!row;
}
