// Server-side sessions: a random id in an HttpOnly cookie, its SHA-256 in the database,
// idle and absolute time-outs, and a CSRF token bound to the session.
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import { organisations, sessions, users } from '../db/schema';
import type { Db, DbOrTx } from './db';
import type { Actor } from './actor';
import { actorOf } from './actor-load';
import { SessionCache } from './session-cache';

export const SESSION_COOKIE = 'anjian_sid';
// Writing last_seen on every request would make each read a write; a minute's slack is enough.
const TOUCH_EVERY_MS = 60_000;

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
  /** How long a lookup is reused by this process (session-cache.ts); 0 reads the database on every request. */
  cacheMs?: number;
}

export const hashSessionId = (sid: string) => createHash('sha256').update(sid).digest('hex');

export async function createSession(
  db: DbOrTx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  t: SessionTimeouts,
): Promise<{ sid: string; csrfToken: string }> {
  const sid = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.insert(sessions).values({
    idHash: hashSessionId(sid),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + t.absoluteHours * 3600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { sid, csrfToken };
}

export interface LoadedSession {
  actor: Actor;
  idHash: string;
  csrfToken: string;
}

/**
 * The lookup every request makes, built once per database handle with the session's hash as a placeholder and sent as
 * a named statement: building a drizzle query of three joined tables took longer than running it (a third of
 * /api/me's CPU), and a named statement is parsed and planned once per connection (prepared.ts).
 */
const lookups = new WeakMap<Db, ReturnType<typeof buildLookup>>();
function buildLookup(db: Db) {
  return db
    .select({
      s: sessions,
      u: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        orgId: users.orgId,
        enterpriseId: users.enterpriseId,
        status: users.status,
        mustChangePassword: users.mustChangePassword,
      },
      o: { name: organisations.name, areaCode: organisations.areaCode, sectors: organisations.sectors, parkId: organisations.parkId },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .limit(1)
    .prepare('aj_load_session');
}

type LookupRow = Awaited<ReturnType<ReturnType<typeof buildLookup>['execute']>>[number];
let cache = new SessionCache<LookupRow>(0);

/** The process's session cache, made anew when the configured lifetime changes. */
function cacheFor(t: SessionTimeouts): SessionCache<LookupRow> {
  const ms = t.cacheMs ?? 0;
  if (cache.ttlMs !== ms) cache = new SessionCache<LookupRow>(ms);
  return cache;
}

export async function loadSession(db: Db, sid: string, t: SessionTimeouts): Promise<LoadedSession | null> {
  const idHash = hashSessionId(sid);
  const cached = cacheFor(t);
  let row = cached.get(db, idHash)?.row;
  if (!row) {
    let lookup = lookups.get(db);
    if (!lookup) lookups.set(db, (lookup = buildLookup(db)));
    const readAt = Date.now();
    [row] = await lookup.execute({ idHash });
    if (!row) return null;
    cached.set(db, idHash, { row, userId: row.u.id }, readAt);
  }
  const now = Date.now();
  const idleDeadline = row.s.lastSeenAt.getTime() + t.idleMinutes * 60_000;
  if (row.u.status !== 'active' || now > idleDeadline || now > row.s.expiresAt.getTime()) {
    cached.revokeSession(idHash);
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const lastSeenAt = new Date(now);
    await db.update(sessions).set({ lastSeenAt }).where(eq(sessions.idHash, idHash));
    row.s.lastSeenAt = lastSeenAt; // a cached row is shared: the next request sees the touch
  }
  return { idHash, csrfToken: row.s.csrfToken, actor: actorOf(row.u, row.o) };
}

export async function destroySession(db: DbOrTx, idHash: string): Promise<void> {
  cache.revokeSession(idHash);
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function destroyUserSessions(db: DbOrTx, userId: string): Promise<void> {
  cache.revokeUser(userId);
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * A change to what a user's sessions carry (role, organisation, enterprise, password flag) that leaves them open: this
 * process's cached lookups of that user are dropped, so the next request reads the change.
 */
export function userChanged(userId: string): void {
  cache.revokeUser(userId);
}

/** Forgets every cached session of this process (tests that write users or sessions with plain SQL). */
export function forgetCachedSessions(): void {
  cache.clear();
}

/** Housekeeping: drop sessions past either time-out. */
export async function purgeExpiredSessions(db: DbOrTx, t: SessionTimeouts): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${t.idleMinutes})`)));
}
