import { permissionsOf, type Me } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';

export function presentMe(a: Actor): Me {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    orgId: a.orgId,
    orgName: a.orgName,
    areaCode: a.areaCode,
    enterpriseId: a.enterpriseId,
    permissions: permissionsOf(a.role),
    mustChangePassword: a.mustChangePassword,
  };
}
