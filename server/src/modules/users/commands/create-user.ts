// Creates an account after checking the password policy, the unique name and the organisation.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { roleScopeKind, validationMessages, type createUserBody } from '@anjian/contracts';
import { enterprises, organisations, users } from '../../../db/schema';
import type { Db, DbOrTx } from '../../../platform/db';
import type { Config } from '../../../platform/config';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError, fieldError } from '../../../platform/errors';
import { checkPassword, hashPassword } from '../../../platform/passwords';
import { inScope } from '../../../platform/scope';
import { findUser, usernameTaken } from '../users.queries';
import { auditUser } from '../users.presenter';

export async function createUser(db: Db, cfg: Config, actor: Actor, ip: string | null, input: z.infer<typeof createUserBody>) {
  const broken = checkPassword(input.password, input.username);
  if (broken) {
    const m = validationMessages[broken];
    throw new AppError('WEAK_PASSWORD', [{ field: 'password', zh: m.zh, en: m.en }]);
  }
  await assertOrgFits(db, actor, input.role, input.orgId ?? null, input.enterpriseId ?? null);
  const passwordHash = await hashPassword(input.password, cfg.argon2);
  return db.transaction(async (tx) => {
    if (await usernameTaken(tx, input.username)) {
      throw fieldError('username', '用户名已被使用', 'This username is taken', 'DUPLICATE');
    }
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        orgId: input.orgId ?? null,
        enterpriseId: input.enterpriseId ?? null,
        phone: input.phone ?? null,
        enforcementCertNo: input.enforcementCertNo ?? null,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    const row = (await findUser(tx, actor, created!.id))!;
    await recordAudit(tx, { actor, ip }, { action: 'user.create', entityType: 'user', entityId: row.id, after: auditUser(row) });
    return row;
  });
}

/** Staff need an organisation inside the caller's area; enterprise accounts need an enterprise. */
export async function assertOrgFits(db: DbOrTx, actor: Actor, role: string, orgId: string | null, enterpriseId: string | null) {
  const kind = roleScopeKind[role as keyof typeof roleScopeKind];
  const staff = kind === 'area' || kind === 'sector' || kind === 'park';
  if (kind === 'enterprise' && !enterpriseId) {
    throw fieldError('enterpriseId', '企业账号必须关联企业', 'Enterprise accounts need an enterprise');
  }
  if (staff && !orgId) throw fieldError('orgId', '该角色必须属于一个机构', 'This role needs an organisation');
  // Whatever the role, a linked enterprise or organisation must exist within the caller's area (else the foreign key
  // would answer with a server error).
  if (enterpriseId) {
    const [e] = await db.select({ areaCode: enterprises.areaCode }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!e || !inScope(actor, { areaCode: e.areaCode })) {
      throw fieldError('enterpriseId', '企业不存在或不在管辖范围内', 'Unknown enterprise or outside your jurisdiction');
    }
  }
  if (!orgId) return;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org || !inScope(actor, { areaCode: org.areaCode })) {
    throw fieldError('orgId', '机构不存在或不在管辖范围内', 'Unknown organisation or outside your jurisdiction');
  }
  if (kind === 'park' && !org.parkId) throw fieldError('orgId', '园区人员必须属于园区安监站', 'Park officers belong to a park station');
  if (kind === 'sector' && org.sectors.length === 0) {
    throw fieldError('orgId', '行业部门人员必须属于负责行业的部门', 'Industry officers belong to a department owning sectors');
  }
}
