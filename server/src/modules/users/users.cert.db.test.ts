// 执法证号 on accounts: set at creation, changed and cleared by an edit, refused when malformed (nothing stored),
// and shown unmasked — it is printed on every document the officer signs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client, type TestApp } from '../../../test/app';
import { buildOrg, buildUser } from '../../seed/factories';

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

describe('enforcement certificate numbers on accounts', () => {
  it('stores, changes and clears the number; a malformed one is refused with a bilingual field error', async () => {
    const body = { username: 'cert_officer', displayName: '执法员 甲', password: 'Qm7vxr2kt!', role: 'district_officer', orgId };
    const bad = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { ...body, enforcementCertNo: '4403 0001' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: 'enforcementCertNo', message: expect.stringMatching(/letters, digits or hyphens/) },
    ]);
    expect((await admin.get('/api/users?q=cert_officer')).json().total).toBe(0);

    const created = await admin.post('/api/users', { ...body, enforcementCertNo: ' 44030720190012 ' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().enforcementCertNo).toBe('44030720190012');

    const changed = await admin.patch(`/api/users/${created.json().id}`, {
      version: created.json().version,
      enforcementCertNo: '粤A-0012',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await admin.get(`/api/users/${created.json().id}`)).json().enforcementCertNo).toBe('粤A-0012');

    const cleared = await admin.patch(`/api/users/${created.json().id}`, { version: changed.json().version, enforcementCertNo: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().enforcementCertNo).toBeNull();
  });
});
