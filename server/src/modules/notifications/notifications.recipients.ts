// Recipients of a notice about a record: the users of the rule's groups whose own scope contains the record.
// Candidates come from one query (by role, enterprise and the organisations on the record's area path); each is
// then checked with the same scope predicate every read uses (platform/scope.ts `inScope`), so a notice never
// reaches anyone who could not open the record it links to.
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { roleScopeKind, type Role } from '@anjian/contracts';
import { organisations, users } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf, inScope } from '../../platform/scope';
import type { EventScope } from '../../platform/outbox';
import type { RecipientGroup } from './notifications.rules';

const groupRoles: Record<RecipientGroup, readonly Role[]> = {
  enterprise: ['enterprise_principal', 'enterprise_safety_manager'],
  street: ['street_officer'],
  district: ['district_officer', 'district_leader'],
  leader: ['district_leader'],
  department: ['industry_officer'],
  park: ['park_officer'],
};

/** The codes of the areas above and at `code` (national 2/4/6 digits padded, then 9/12/15-digit codes). */
export function areaPath(code: string): string[] {
  const out = new Set<string>([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code.slice(0, 6)]);
  for (const n of [9, 12, 15]) if (code.length >= n) out.add(code.slice(0, n));
  return [...out];
}

export async function recipientsFor(
  db: DbOrTx,
  record: EventScope,
  groups: readonly RecipientGroup[],
  extraUserIds: readonly string[] = [],
): Promise<string[]> {
  const staffRoles = groups.filter((g) => g !== 'enterprise').flatMap((g) => groupRoles[g]);
  const clauses: SQL[] = [];
  if (groups.includes('enterprise') && record.enterpriseId) {
    clauses.push(and(eq(users.enterpriseId, record.enterpriseId), inArray(users.role, [...groupRoles.enterprise]))!);
  }
  if (staffRoles.length > 0)
    clauses.push(and(inArray(users.role, staffRoles), inArray(organisations.areaCode, areaPath(record.areaCode)))!);
  if (extraUserIds.length > 0) clauses.push(inArray(users.id, [...extraUserIds]));
  if (clauses.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      role: users.role,
      enterpriseId: users.enterpriseId,
      areaCode: organisations.areaCode,
      sectors: organisations.sectors,
      parkId: organisations.parkId,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.status, 'active'), or(...clauses)))
    .orderBy(sql`${users.id}`);
  const row = { areaCode: record.areaCode, sector: record.sector, parkId: record.parkId, enterpriseId: record.enterpriseId };
  return rows.filter((u) => inScope(actorOf(u), row)).map((u) => u.id);
}

function actorOf(u: {
  id: string;
  role: string;
  enterpriseId: string | null;
  areaCode: string | null;
  sectors: string[] | null;
  parkId: string | null;
}): Actor {
  const role = u.role as Role;
  return {
    id: u.id,
    username: '',
    displayName: '',
    role,
    orgId: null,
    orgName: null,
    areaCode: u.areaCode,
    areaPrefix: u.areaCode ? areaPrefixOf(u.areaCode) : null,
    sectors: u.sectors ?? [],
    parkId: u.parkId,
    enterpriseId: u.enterpriseId,
    scopeKind: roleScopeKind[role],
    mustChangePassword: false,
  };
}
