import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildDistrict, buildOrg, buildUser } from '../../seed/factories';

let t: TestApp;
let admin: Client;
let orgId: string;
beforeAll(async () => {
  t = await buildTestApp();
  const org = await buildOrg(t.database.db);
  orgId = org.id;
  const a = await buildUser(t.database.db, { role: 'sys_admin', org });
  admin = await loginAs(t.app, a.username, a.password);
});
afterAll(() => t.close());

describe('user administration', () => {
  it('rejects a weak password with a field-level bilingual error and creates nothing', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'weakling', displayName: 'W', password: 'password1', role: 'district_officer', orgId },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('WEAK_PASSWORD');
    expect(res.json().error.details).toEqual([{ field: 'password', message: expect.stringMatching(/3 of/) }]);
    expect((await admin.get('/api/users?q=weakling')).json().total).toBe(0);
  });

  it('refuses an enterprise account for an enterprise or organisation that does not exist, as a field error', async () => {
    // Found by the fuzz suite: the foreign key used to answer 500.
    const nil = '00000000-0000-4000-8000-000000000000';
    const body = { username: 'ghost_ent', displayName: 'G', password: 'Qm7vxr2kt!', role: 'enterprise_safety_manager' };
    const noEnterprise = await admin.post('/api/users', { ...body, enterpriseId: nil });
    expect(noEnterprise.statusCode).toBe(400);
    expect(noEnterprise.json().error.details[0].field).toBe('enterpriseId');
    const noOrg = await admin.post('/api/users', { ...body, username: 'ghost_org', role: 'public', orgId: nil });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().error.details[0].field).toBe('orgId');
    expect((await admin.get('/api/users?q=ghost')).json().total).toBe(0);
  });

  it('refuses a duplicate username (case-insensitive) with 409', async () => {
    const body = { username: 'Dup_User', displayName: 'D', password: 'Qm7vxr2kt!', role: 'district_officer', orgId };
    expect((await admin.post('/api/users', body)).statusCode).toBe(201);
    const again = await admin.post('/api/users', { ...body, username: 'dup_user' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].field).toBe('username');
  });

  it('uses optimistic locking: a stale version gets 409 with the current record', async () => {
    const created = (
      await admin.post('/api/users', { username: 'lockme', displayName: 'L', password: 'Qm7vxr2kt!', role: 'district_officer', orgId })
    ).json();
    const first = await admin.patch(`/api/users/${created.id}`, { version: created.version, displayName: 'L2' });
    expect(first.statusCode).toBe(200);
    const stale = await admin.patch(`/api/users/${created.id}`, { version: created.version, displayName: 'L3' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.displayName).toBe('L2');
  });

  it('edits role and organisation together, as the web form sends them, and the database keeps answering', async () => {
    const created = (
      await admin.post('/api/users', { username: 'rolechange', displayName: 'R', password: 'Qm7vxr2kt!', role: 'district_officer', orgId })
    ).json();
    const res = await admin.patch(`/api/users/${created.id}`, {
      version: created.version,
      displayName: 'R2',
      role: 'district_leader',
      orgId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'district_leader', orgId, version: created.version + 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it("a new role reaches the user's open session at its next request", async () => {
    const org = (await t.database.db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.id, orgId) }))!;
    const u = await buildUser(t.database.db, { role: 'district_officer', org });
    const user = await loginAs(t.app, u.username, u.password);
    expect((await user.get('/api/me')).json().user.role).toBe('district_officer');
    expect((await user.get('/api/users')).statusCode).toBe(403);
    const cur = (await admin.get(`/api/users/${u.id}`)).json();
    expect((await admin.patch(`/api/users/${u.id}`, { version: cur.version, role: 'sys_admin' })).statusCode).toBe(200);
    expect((await user.get('/api/me')).json().user.role).toBe('sys_admin');
    expect((await user.get('/api/users')).statusCode).toBe(200);
  });

  it('disabling an account ends its sessions at once', async () => {
    const org = (await t.database.db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.id, orgId) }))!;
    const u = await buildUser(t.database.db, { role: 'district_officer', org });
    const victim = await loginAs(t.app, u.username, u.password);
    expect((await victim.get('/api/me')).statusCode).toBe(200);
    const cur = (await admin.get(`/api/users/${u.id}`)).json();
    const res = await admin.patch(`/api/users/${u.id}`, { version: cur.version, status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect((await victim.get('/api/me')).statusCode).toBe(401);
  });

  it('never shows accounts of another district: not in the list, not in the count, 404 by id', async () => {
    const other = await buildOrg(t.database.db, { area: await buildDistrict(t.database.db, '别的区') });
    const stranger = await buildUser(t.database.db, { role: 'district_officer', org: other, username: 'stranger_x' });
    const list = await admin.get('/api/users?q=stranger_x');
    expect(list.json()).toMatchObject({ items: [], total: 0 });
    expect((await admin.get(`/api/users/${stranger.id}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/users/${stranger.id}`, { version: 1, status: 'disabled' })).statusCode).toBe(404);
  });
});
