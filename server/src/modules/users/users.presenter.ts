// users row → API shape (whitelist) with the caller's abilities on it.
import { can, type User } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { phoneFor } from '../../platform/masking';
import { cstIso } from '../../platform/time';
import type { UserRow } from './users.queries';

export function userAbilities(actor: Actor, row: UserRow): string[] {
  if (!can(actor.role, 'user.manage')) return [];
  const out = ['update', 'resetPassword'];
  out.push(row.status === 'active' ? 'disable' : 'enable');
  if (row.lockedUntil && row.lockedUntil > new Date()) out.push('unlock');
  return row.id === actor.id ? out.filter((a) => a !== 'disable') : out;
}

export function presentUser(actor: Actor, row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as User['role'],
    orgId: row.orgId,
    orgName: row.orgName,
    enterpriseId: row.enterpriseId,
    phone: phoneFor(actor, { kind: 'account' }, row.phone),
    enforcementCertNo: row.enforcementCertNo,
    status: row.status as User['status'],
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? cstIso(row.lockedUntil) : null,
    createdAt: cstIso(row.createdAt),
    version: row.version,
    abilities: userAbilities(actor, row),
  };
}

/** What the audit log keeps of a user: never the password hash. */
export function auditUser(row: Partial<UserRow>) {
  const { passwordHash: _ignored, ...rest } = row;
  return rest;
}
