// The menus of the roles whose record scope is not an area: a park station (park_id) and an industry department (its
// sectors in its area). Each sees the office pages its scope can hold records on, and none whose records only an area
// scope can hold, whatever their permissions say. Read from the permission table, as GET /api/me serves it.
import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '@anjian/contracts';
import { visibleEntries } from './menu';

const menuOf = (role: Role) => visibleEntries({ role, enterpriseId: null, permissions: permissionsOf(role) }).map((m) => m.path);

// Pages their work uses, even where the demo holds nothing for them (an accident, a case, a drill in the park).
const officeCommon = [
  '/',
  '/enterprises',
  '/hazards',
  '/hazard-stats',
  '/checks',
  '/accidents',
  '/risks',
  '/enforcement',
  '/enforcement-draws',
  '/inspection-plan',
  '/penalties',
  '/enforcement-stats',
  '/certificates',
  '/training',
  '/occupational-health',
  '/insurance',
  '/standardization',
  '/duties',
  '/credit',
  '/credit-listings',
  '/reports',
  '/rewards',
  '/emergency/plans',
  '/emergency/drills',
  '/workplans',
  '/work-tasks',
  '/work-interviews',
  '/work-bulletins',
  '/assessment',
  '/warnings',
];
// Area-scoped records (campaigns, the grid, rental premises, the emergency register and roster, incidents) and pages of
// other stations (the district's question bank, spot checks, administration).
const neverForThem = [
  '/publicity',
  '/grid',
  '/grid-coverage',
  '/grid-registrations',
  '/rental',
  '/emergency/resources',
  '/emergency/duty',
  '/emergency/incidents',
  '/emergency/readiness',
  '/spot-checks',
  '/exam-bank',
  '/users',
  '/audit',
];

describe('menus by record scope', () => {
  it.each<Role>(['park_officer', 'industry_officer'])('%s: the office pages its scope can hold, no area-only page', (role) => {
    const paths = menuOf(role);
    expect(paths).toEqual(expect.arrayContaining(officeCommon));
    for (const path of neverForThem) expect(paths, path).not.toContain(path);
  });

  it('keeps 宣传覆盖 for the area scopes that run and deliver campaigns', () => {
    for (const role of ['district_leader', 'district_officer', 'street_officer', 'grid_inspector'] as const) {
      expect(menuOf(role), role).toContain('/publicity');
    }
  });
});
