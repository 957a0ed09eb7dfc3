// Password login with throttling and lock-out. Returns an outcome instead of throwing so that the failure
// counters and the audit entry commit even when the login is refused.
//
// A name that is no account goes through the same steps as a real one — the same wait after a wrong password, the
// same lock after maxFailures, one argon2 verification — so status, body and timing do not tell which names exist.
import { eq, sql } from 'drizzle-orm';
import { loginThrottle, users } from '../../../db/schema';
import type { Db, Tx } from '../../../platform/db';
import type { Config } from '../../../platform/config';
import { recordAudit } from '../../../platform/audit';
import { hashPassword, verifyPassword } from '../../../platform/passwords';
import { createSession, destroySession } from '../../../platform/session';
import { accountRule, addressRule, afterFailure, gate, type ThrottleState } from '../login-throttle';

export type LoginOutcome =
  | { kind: 'ok'; userId: string; sid: string; csrfToken: string }
  | { kind: 'bad_credentials' | 'disabled' }
  | { kind: 'locked' | 'throttled'; retryAfterSeconds: number };

export interface LoginOptions {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The session the browser already had, replaced so that a fixed id never survives login. */
  previousSessionHash: string | null;
}

let dummyHash: Promise<string> | null = null;

/** A throttle row, created empty if missing and locked for this transaction. */
async function lockThrottleRow(tx: Tx, key: string, now: Date): Promise<ThrottleState> {
  const inserted = await tx
    .insert(loginThrottle)
    .values({ key, failures: 0, lastFailureAt: now })
    .onConflictDoNothing()
    .returning({ key: loginThrottle.key });
  // Rows of names and addresses not seen for a day go when a new one comes, so the table stays small.
  if (inserted.length)
    await tx.delete(loginThrottle).where(sql`${loginThrottle.lastFailureAt} < ${new Date(now.getTime() - 86_400_000)}
    and (${loginThrottle.blockedUntil} is null or ${loginThrottle.blockedUntil} < ${now})`);
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
  return row
    ? { failures: row.failures, lastFailureAt: inserted.length ? null : row.lastFailureAt, blockedUntil: row.blockedUntil }
    : { failures: 0, lastFailureAt: null, blockedUntil: null };
}

async function saveThrottleRow(tx: Tx, key: string, s: ThrottleState, now: Date) {
  await tx
    .update(loginThrottle)
    .set({ failures: s.failures, lastFailureAt: s.lastFailureAt ?? now, blockedUntil: s.blockedUntil })
    .where(eq(loginThrottle.key, key));
}

export async function login(db: Db, cfg: Config, o: LoginOptions): Promise<LoginOutcome> {
  dummyHash ??= hashPassword('dummy-password-for-timing', cfg.argon2);
  const accountKey = `account:${o.username.toLowerCase()}`;
  const addressKey = o.ip ? `ip:${o.ip}` : null;
  return db.transaction(async (tx) => {
    const now = new Date();
    const [u] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${o.username})`)
      .for('update')
      .limit(1);
    const audit = (result: 'ok' | 'failed' | 'denied', reason: string | null) =>
      recordAudit(
        tx,
        { actor: u ? { id: u.id, displayName: u.displayName, role: u.role as never } : null, ip: o.ip },
        { action: 'auth.login', entityType: 'user', entityId: u?.id ?? o.username, after: reason ? { reason } : null, result },
      );

    // The address first: a client spraying passwords over many names is stopped whichever name it tries next.
    const [address] = addressKey ? await tx.select().from(loginThrottle).where(eq(loginThrottle.key, addressKey)) : [];
    const addressGate = address ? gate(address, now, addressRule(cfg)) : { kind: 'open' as const };
    if (addressGate.kind !== 'open') {
      await audit('denied', 'address_blocked');
      return { kind: 'throttled' as const, retryAfterSeconds: addressGate.retryAfterSeconds };
    }

    const account: ThrottleState = u
      ? { failures: u.failedLogins, lastFailureAt: u.lastFailedLoginAt, blockedUntil: u.lockedUntil }
      : await lockThrottleRow(tx, accountKey, now);
    const accountGate = gate(account, now, accountRule(cfg));
    if (accountGate.kind === 'blocked') {
      await audit('denied', 'locked');
      return { kind: 'locked' as const, retryAfterSeconds: accountGate.retryAfterSeconds };
    }
    if (accountGate.kind === 'wait') {
      await audit('denied', 'throttled');
      return { kind: 'throttled' as const, retryAfterSeconds: accountGate.retryAfterSeconds };
    }

    const ok = await verifyPassword(o.password, u ? u.passwordHash : await dummyHash!);
    if (!u || !ok) {
      const next = afterFailure(account, now, accountRule(cfg));
      if (u) {
        await tx
          .update(users)
          .set({ failedLogins: next.failures, lastFailedLoginAt: next.lastFailureAt, lockedUntil: next.blockedUntil })
          .where(eq(users.id, u.id));
      } else {
        await saveThrottleRow(tx, accountKey, next, now);
      }
      if (addressKey) {
        const before = await lockThrottleRow(tx, addressKey, now);
        await saveThrottleRow(tx, addressKey, afterFailure(before, now, addressRule(cfg)), now);
      }
      await audit(
        'failed',
        u ? (next.blockedNow ? 'bad_password_locked' : 'bad_password') : next.blockedNow ? 'unknown_user_locked' : 'unknown_user',
      );
      if (next.blockedNow) return { kind: 'locked' as const, retryAfterSeconds: Math.ceil(accountRule(cfg).blockMs / 1000) };
      return { kind: 'bad_credentials' as const };
    }
    if (u.status !== 'active') {
      await audit('denied', 'disabled');
      return { kind: 'disabled' as const };
    }
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastFailedLoginAt: null }).where(eq(users.id, u.id));
    if (o.previousSessionHash) await destroySession(tx, o.previousSessionHash);
    const s = await createSession(tx, u.id, { ip: o.ip, userAgent: o.userAgent }, cfg.session);
    await audit('ok', null);
    return { kind: 'ok' as const, userId: u.id, ...s };
  });
}
