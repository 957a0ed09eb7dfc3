// The authorization table: every role against every route. A route missing from the table fails
// the suite, so a new endpoint cannot ship without someone deciding who may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@anjian/contracts';
import { buildTestApp, loginAs, type Client, type TestApp } from './app';
import { buildOrg, buildPark, buildStreet, buildUser } from '../src/seed/factories';
import { routeTable } from './route-table';

let t: TestApp;
const clients = new Map<Role, Client>();

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const street = await buildStreet(db);
  const district = (await db.query.areas.findFirst({ where: (a, { eq }) => eq(a.code, street.parentCode!) }))!;
  const park = await buildPark(db, { street });
  const orgFor: Record<Role, Awaited<ReturnType<typeof buildOrg>> | null> = {
    sys_admin: await buildOrg(db, { area: district }),
    audit_admin: await buildOrg(db, { area: district }),
    district_leader: await buildOrg(db, { area: district }),
    district_officer: await buildOrg(db, { area: district }),
    street_officer: await buildOrg(db, { area: street, kind: 'street_office' }),
    grid_inspector: await buildOrg(db, { area: street, kind: 'grid_station' }),
    industry_officer: await buildOrg(db, { area: district, kind: 'industry_department', sectors: ['construction'] }),
    park_officer: await buildOrg(db, { area: street, kind: 'park_station', parkId: park.id }),
    enterprise_principal: null,
    enterprise_safety_manager: null,
    public: null,
  };
  for (const role of roles) {
    const isEnterprise = role.startsWith('enterprise_');
    const u = await buildUser(db, { role, org: orgFor[role], enterpriseId: isEnterprise ? crypto.randomUUID() : null });
    clients.set(role, await loginAs(t.app, u.username, u.password));
  }
});
afterAll(() => t.close());

const key = (method: string, url: string) => `${method} ${url}`;

describe('authorization table', () => {
  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const registered = t.routes.map((r) => key(r.method, r.url)).sort();
    const listed = Object.keys(routeTable).sort();
    expect(
      registered.filter((r) => !listed.includes(r)),
      'routes missing from route-table.ts',
    ).toEqual([]);
    expect(
      listed.filter((r) => !registered.includes(r)),
      'rows for routes that do not exist',
    ).toEqual([]);
  });

  it('declares on each route exactly the access the table expects', () => {
    for (const r of t.routes) expect(r.access, key(r.method, r.url)).toBe(routeTable[key(r.method, r.url)]!.access);
  });

  for (const role of roles) {
    it(`lets ${role} call exactly its routes`, async () => {
      const c = clients.get(role)!;
      for (const [k, row] of Object.entries(routeTable)) {
        if (row.probe === false) continue;
        const [method, url] = k.split(' ') as [string, string];
        const path = url.replace(/:id/g, '00000000-0000-4000-8000-000000000000').replace(/:code/g, '440307');
        const res = await c.request({ method: method as 'GET', url: path, payload: method === 'GET' ? undefined : (row.payload ?? {}) });
        const allowed = row.access === 'public' || row.access === 'authenticated' || (row.roles as readonly Role[]).includes(role);
        if (allowed) expect([401, 403], `${role} ${k} → ${res.statusCode}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${role} ${k}`).toBe(403);
      }
    });
  }

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const [k, row] of Object.entries(routeTable)) {
      if (row.access === 'public' || row.probe === false) continue;
      const [method, url] = k.split(' ') as [string, string];
      const res = await t.app.inject({ method: method as 'GET', url: url.replace(/:id/g, '00000000-0000-4000-8000-000000000000') });
      expect(res.statusCode, k).toBe(401);
    }
  });
});
