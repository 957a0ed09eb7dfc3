// A user changes their own password; every other session of theirs is ended.
import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import type { Config } from '../../../platform/config';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { userChanged } from '../../../platform/session';
import { AppError } from '../../../platform/errors';
import { checkPassword, hashPassword, verifyPassword } from '../../../platform/passwords';
import { validationMessages } from '@anjian/contracts';

export interface ChangePasswordOptions {
  actor: Actor;
  sessionHash: string;
  currentPassword: string;
  newPassword: string;
  ip: string | null;
}

export async function changePassword(db: Db, cfg: Config, o: ChangePasswordOptions): Promise<void> {
  const broken = checkPassword(o.newPassword, o.actor.username);
  if (broken) {
    const m = validationMessages[broken];
    throw new AppError('WEAK_PASSWORD', [{ field: 'newPassword', zh: m.zh, en: m.en }]);
  }
  const [u] = await db.select().from(users).where(eq(users.id, o.actor.id));
  if (!u || !(await verifyPassword(o.currentPassword, u.passwordHash))) {
    throw new AppError('VALIDATION', [{ field: 'currentPassword', zh: '当前密码不正确', en: 'The current password is wrong' }]);
  }
  const passwordHash = await hashPassword(o.newPassword, cfg.argon2);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, u.id));
    userChanged(u.id); // the other sessions end, and this one no longer must change its password
    await tx.delete(sessions).where(and(eq(sessions.userId, u.id), ne(sessions.idHash, o.sessionHash)));
    await recordAudit(tx, { actor: o.actor, ip: o.ip }, { action: 'auth.changePassword', entityType: 'user', entityId: u.id });
  });
}
