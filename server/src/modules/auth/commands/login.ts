// Password login with lock-out. Returns an outcome instead of throwing so that the failure
// counter and the audit entry commit even when the login is refused.
import { eq, sql } from 'drizzle-orm';
import { users } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import type { Config } from '../../../platform/config';
import { recordAudit } from '../../../platform/audit';
import { hashPassword, verifyPassword } from '../../../platform/passwords';
import { createSession, destroySession } from '../../../platform/session';

export type LoginOutcome =
  { kind: 'ok'; userId: string; sid: string; csrfToken: string } | { kind: 'bad_credentials' | 'locked' | 'disabled' };

export interface LoginOptions {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The session the browser already had, replaced so that a fixed id never survives login. */
  previousSessionHash: string | null;
}

let dummyHash: Promise<string> | null = null;

export async function login(db: Db, cfg: Config, o: LoginOptions): Promise<LoginOutcome> {
  // Unknown users still pay for one argon2 verification, so timing does not reveal which names exist.
  dummyHash ??= hashPassword('dummy-password-for-timing', cfg.argon2);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${o.username})`)
      .for('update')
      .limit(1);
    const audit = (result: 'ok' | 'failed' | 'denied', reason: string | null, actor = u) =>
      recordAudit(
        tx,
        { actor: actor ? { id: actor.id, displayName: actor.displayName, role: actor.role as never } : null, ip: o.ip },
        { action: 'auth.login', entityType: 'user', entityId: actor?.id ?? o.username, after: reason ? { reason } : null, result },
      );
    if (!u) {
      await verifyPassword(o.password, await dummyHash!);
      await audit('failed', 'unknown_user');
      return { kind: 'bad_credentials' as const };
    }
    const now = new Date();
    if (u.lockedUntil && u.lockedUntil > now) {
      await audit('denied', 'locked');
      return { kind: 'locked' as const };
    }
    const ok = await verifyPassword(o.password, u.passwordHash);
    if (!ok) {
      // A lock that has run out starts a fresh count.
      const failures = (u.lockedUntil ? 0 : u.failedLogins) + 1;
      const lock = failures >= cfg.lockout.maxFailures;
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + cfg.lockout.lockMinutes * 60_000) : null,
        })
        .where(eq(users.id, u.id));
      await audit('failed', lock ? 'bad_password_locked' : 'bad_password');
      return { kind: lock ? ('locked' as const) : ('bad_credentials' as const) };
    }
    if (u.status !== 'active') {
      await audit('denied', 'disabled');
      return { kind: 'disabled' as const };
    }
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id));
    if (o.previousSessionHash) await destroySession(tx, o.previousSessionHash);
    const s = await createSession(tx, u.id, { ip: o.ip, userAgent: o.userAgent }, cfg.session);
    await audit('ok', null);
    return { kind: 'ok' as const, userId: u.id, ...s };
  });
}
