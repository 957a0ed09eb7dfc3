// The authenticated caller, as every command and query sees it.
import type { Role, ScopeKind } from '@anjian/contracts';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  orgName: string | null;
  /** Root of the caller's jurisdiction (the organisation's area). */
  areaCode: string | null;
  /** Code prefix of that root: everything whose area code starts with it is in the caller's area. */
  areaPrefix: string | null;
  sectors: string[];
  parkId: string | null;
  enterpriseId: string | null;
  scopeKind: ScopeKind;
  mustChangePassword: boolean;
}
