// The platform itself as an actor: a daily job or an event consumer that moves a record (a reward's claim period
// ran out, a fine was read from a decision) acts as `systemActor`, through the record's one writer and its machine,
// and is audited like any caller — actor_id SYSTEM_ACTOR_ID, actor_name 'system', actor_role 'system'.
//
// Why a role outside the role list: no account can hold it (accounts are created with a role from the list, and no
// session is ever built from this object), the permissions table grants it nothing, and its scope kind 'none' makes every
// scope predicate false — so it can do exactly the machine actions that name it (`system: true` in
// platform/state-machine.ts) and read only what the job or consumer selects itself.
import type { Role } from '@anjian/contracts';
import type { Actor } from './actor';
import type { AuditContext } from './audit';

/** Fixed, never a users row: audit and history rows carry it, so "done by the platform" is one equality. */
export const SYSTEM_ACTOR_ID = '00000000-0000-4000-8000-000000000001';
export const SYSTEM_ROLE = 'system' as Role;

export const systemActor: Actor = Object.freeze({
  id: SYSTEM_ACTOR_ID,
  username: 'system',
  displayName: 'system',
  role: SYSTEM_ROLE,
  orgId: null,
  orgName: null,
  areaCode: null,
  areaPrefix: null,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'none',
  mustChangePassword: false,
});

/** The audit context of an automatic step (no client address: nobody sent a request). */
export const systemAudit: AuditContext = { actor: systemActor, ip: null };

export function isSystemActor(actor: { role: Role; id?: string }): boolean {
  return actor.role === SYSTEM_ROLE;
}
