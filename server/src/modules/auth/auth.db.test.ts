import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { buildTestApp, loginAs, type TestApp } from '../../../test/app';
import { buildUser } from '../../seed/factories';
import { forgetCachedSessions } from '../../platform/session';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('health', () => {
  it('reports the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: t.database.engine });
  });
});

describe('login', () => {
  it('returns the user and a CSRF token, sets an HttpOnly SameSite=Lax cookie', async () => {
    const u = await buildUser(t.database.db, { role: 'district_officer' });
    const res = await login(u.username, u.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe(u.username);
    expect(body.user.permissions).toContain('enterprise.read');
    expect(typeof body.csrfToken).toBe('string');
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const u = await buildUser(t.database.db, { role: 'district_officer' });
    const res = await login(u.username, u.password, {}); // plain http in tests
    expect(String([res.headers['set-cookie']].flat()[0])).not.toMatch(/Secure/);
    const secureApp = await buildTestApp({ secureCookies: true });
    try {
      const u2 = await buildUser(secureApp.database.db, { role: 'district_officer' });
      const r2 = await secureApp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u2.username, password: u2.password },
      });
      expect(String([r2.headers['set-cookie']].flat()[0])).toMatch(/Secure/);
    } finally {
      await secureApp.close();
    }
  });

  it('answers 401 with a bilingual message for a wrong password or unknown user', async () => {
    const u = await buildUser(t.database.db, { role: 'street_officer' });
    const zh = await login(u.username, 'wrong-Password1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    const en = await login('nobody-here', 'whatever', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('locks after 5 failures with 423, even for the right password, and the lock expires by itself', async () => {
    const u = await buildUser(t.database.db, { role: 'street_officer' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await login(u.username, 'bad-Password9')).statusCode);
      // The growing wait after each failure (login-throttle.db.test.ts) is over.
      await t.database.db
        .update(users)
        .set({ lastFailedLoginAt: new Date(Date.now() - 120_000) })
        .where(eq(users.id, u.id));
    }
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await login(u.username, u.password);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('LOCKED');
    // 30 minutes later (simulated by moving the lock into the past) the right password works again.
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, u.id));
    expect((await login(u.username, u.password)).statusCode).toBe(200);
  });

  it('issues a new session id at each login and drops the one the browser brought', async () => {
    const u = await buildUser(t.database.db, { role: 'street_officer' });
    const a = await loginAs(t.app, u.username, u.password);
    const res = await login(u.username, u.password, { cookie: a.cookie });
    const newCookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0];
    expect(newCookie).not.toBe(a.cookie);
    expect((await a.get('/api/me')).statusCode).toBe(401);
  });

  it('rejects disabled accounts', async () => {
    const u = await buildUser(t.database.db, { role: 'street_officer', status: 'disabled' });
    const res = await login(u.username, u.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('DISABLED');
  });
});

describe('sessions', () => {
  it('logout kills the session server-side', async () => {
    const u = await buildUser(t.database.db, { role: 'grid_inspector' });
    const c = await loginAs(t.app, u.username, u.password);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('expires after 30 idle minutes and after 12 hours in all', async () => {
    const u = await buildUser(t.database.db, { role: 'grid_inspector' });
    const idle = await loginAs(t.app, u.username, u.password);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, u.id));
    forgetCachedSessions(); // the rows were changed behind the commands' back
    expect((await idle.get('/api/me')).statusCode).toBe(401);
    const old = await loginAs(t.app, u.username, u.password);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, u.id));
    forgetCachedSessions();
    expect((await old.get('/api/me')).statusCode).toBe(401);
  });

  it('reuses a lookup for a moment (ANJIAN_SESSION_CACHE_MS) and reads the database again after it', async () => {
    expect(t.config.session.cacheMs).toBe(2000);
    const u = await buildUser(t.database.db, { role: 'grid_inspector' });
    const c = await loginAs(t.app, u.username, u.password);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    // Ended by plain SQL, as another instance would: this process answers from its lookup until that is 2 s old.
    await t.database.db.delete(sessions).where(eq(sessions.userId, u.id));
    expect((await c.get('/api/me')).statusCode).toBe(200);
    forgetCachedSessions();
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const u = await buildUser(t.database.db, { role: 'grid_inspector' });
    const c = await loginAs(t.app, u.username, u.password);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': 'nope' } });
    expect(wrong.statusCode).toBe(403);
    expect((await c.get('/api/me')).statusCode).toBe(200);
  });

  it("changing one's password ends the other sessions and enforces the policy", async () => {
    const u = await buildUser(t.database.db, { role: 'grid_inspector' });
    const a = await loginAs(t.app, u.username, u.password);
    const b = await loginAs(t.app, u.username, u.password);
    const weak = await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    const ok = await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'N3w-Strong-Pass' });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });
});

describe('input validation', () => {
  it('rejects unknown keys, __proto__ and malformed JSON with the error format', async () => {
    const extra = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b', admin: true } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('VALIDATION');
    expect(extra.json().error.details[0].field).toBe('admin');
    const proto = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"a","password":"b","__proto__":{"isAdmin":true}}',
    });
    expect(proto.statusCode).toBe(400);
    expect(proto.json().error.code).toMatch(/BAD_JSON|VALIDATION/);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_JSON');
  });

  it('explains missing fields in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } });
    expect(zh.json().error.message).toBe('输入有误，请检查标注的字段');
    expect(zh.json().error.details[0]).toMatchObject({ field: 'password' });
    expect(zh.json().error.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toBe('Required');
  });

  it('serves OpenAPI generated from the schemas', async () => {
    const u = await buildUser(t.database.db, { role: 'street_officer' });
    const res = await (await loginAs(t.app, u.username, u.password)).get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
  });
});
