// Edits an account with optimistic locking; disabling it or resetting its password ends its sessions.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { validationMessages, type updateUserBody } from '@anjian/contracts';
import { users } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import type { Config } from '../../../platform/config';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { checkPassword, hashPassword } from '../../../platform/passwords';
import { destroyUserSessions, userChanged } from '../../../platform/session';
import { findUser } from '../users.queries';
import { auditUser, presentUser } from '../users.presenter';
import { assertOrgFits } from './create-user';

export async function updateUser(db: Db, cfg: Config, actor: Actor, ip: string | null, id: string, input: z.infer<typeof updateUserBody>) {
  const { version, password, ...changes } = input;
  let passwordHash: string | undefined;
  if (password !== undefined) {
    const current = await findUser(db, actor, id);
    if (!current) throw notFound();
    const broken = checkPassword(password, current.username);
    if (broken) {
      const m = validationMessages[broken];
      throw new AppError('WEAK_PASSWORD', [{ field: 'password', zh: m.zh, en: m.en }]);
    }
    passwordHash = await hashPassword(password, cfg.argon2);
  }
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findUser(tx, actor, id, true),
      version,
      present: (row) => presentUser(actor, row),
    });
    if (id === actor.id && changes.status === 'disabled') {
      throw new AppError('VALIDATION', [{ field: 'status', zh: '不能停用自己的账号', en: 'You cannot disable your own account' }]);
    }
    if (changes.role !== undefined || changes.orgId !== undefined) {
      await assertOrgFits(tx, actor, changes.role ?? before.role, changes.orgId ?? before.orgId, before.enterpriseId);
    }
    await tx
      .update(users)
      .set({
        ...changes,
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true } : {}),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(users.id, id));
    if (changes.status === 'disabled' || passwordHash) await destroyUserSessions(tx, id);
    else userChanged(id); // a new role or organisation reaches the open sessions' next request
    const after = (await findUser(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: passwordHash ? 'user.resetPassword' : 'user.update',
        entityType: 'user',
        entityId: id,
        before: auditUser(before),
        after: auditUser(after),
      },
    );
    return after;
  });
}

export async function unlockUser(db: Db, actor: Actor, ip: string | null, id: string) {
  return db.transaction(async (tx) => {
    const before = await findUser(tx, actor, id, true);
    if (!before) throw notFound();
    await tx
      .update(users)
      .set({ lockedUntil: null, failedLogins: 0, version: before.version + 1 })
      .where(eq(users.id, id));
    const after = (await findUser(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'user.unlock', entityType: 'user', entityId: id, before: auditUser(before), after: auditUser(after) },
    );
    return after;
  });
}
