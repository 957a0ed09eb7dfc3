// The role groups the route table's rows are written with, and the shape of a row (route-table.ts).
import type { Role } from '@anjian/contracts';
import type { RouteAccess } from '../src/platform/http';

export interface Row {
  access: RouteAccess;
  roles: readonly Role[] | 'any';
  /** A body for write routes, only needed so validation does not fail first. */
  payload?: unknown;
  /** Routes whose own tests cover them and that a probe would disturb (logout ends the session). */
  probe?: false;
}

export const staff = [
  'district_leader',
  'district_officer',
  'street_officer',
  'grid_inspector',
  'industry_officer',
  'park_officer',
] as const;
export const enterpriseUsers = ['enterprise_principal', 'enterprise_safety_manager'] as const;
export const riskManagers = ['district_officer', 'street_officer', ...enterpriseUsers] as const;
export const accidentOfficers = ['district_officer', 'street_officer', 'industry_officer'] as const;
export const indicatorReaders = ['district_leader', 'district_officer', 'street_officer', 'industry_officer'] as const;

export const emergencyReaders = ['district_leader', 'district_officer', 'street_officer', 'grid_inspector'] as const;
export const emergencyKeepers = ['district_officer', 'street_officer'] as const;
export const dutyReaders = ['district_leader', 'district_officer', 'street_officer'] as const;
export const workplanReaders = ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'] as const;

export const gridReaders = ['grid_inspector', 'street_officer', 'district_officer', 'district_leader'] as const;
export const reportReaders = ['district_leader', 'district_officer', 'street_officer', 'industry_officer', 'park_officer'] as const;
export const reportHandlers = ['district_officer', 'street_officer', 'industry_officer', 'park_officer'] as const;
export const enforcers = ['district_officer', 'street_officer', 'industry_officer', 'park_officer'] as const;
