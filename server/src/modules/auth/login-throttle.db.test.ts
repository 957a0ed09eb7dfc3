// Login throttling: a growing wait after each wrong password and the lock, the same for a name that is no account
// as for a real one (no account enumeration); failures from one address across names block that address; a flood
// of login requests from one address is cut off; and the OpenAPI description is for logged-in users outside demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { loginThrottle, users } from '../../db/schema';
import { buildApp } from '../../app';
import { buildTestApp, loginAs, type TestApp } from '../../../test/app';
import { buildUser } from '../../seed/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const login = (app: TestApp, username: string, password: string, remoteAddress: string) =>
  app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

/** What a client can observe of an answer. */
const seen = (r: Awaited<ReturnType<typeof login>>) => ({
  status: r.statusCode,
  body: r.json(),
  retryAfter: r.headers['retry-after'] ?? null,
});

/** Lets the wait after the last failure run out for one name, real or not (as if two minutes had passed). */
async function waitOut(name: string) {
  await t.database.db
    .update(users)
    .set({ lastFailedLoginAt: sql`${users.lastFailedLoginAt} - interval '2 minutes'` })
    .where(sql`lower(${users.username}) = ${name.toLowerCase()}`);
  await t.database.db
    .update(loginThrottle)
    .set({ lastFailureAt: sql`${loginThrottle.lastFailureAt} - interval '2 minutes'` })
    .where(eq(loginThrottle.key, `account:${name.toLowerCase()}`));
}

/** Five wrong passwords, each followed by an immediate retry, then the right (or any) password. */
async function attackRun(name: string, password: string, address: string) {
  const out: ReturnType<typeof seen>[] = [];
  for (let i = 0; i < 5; i++) {
    out.push(seen(await login(t, name, `Wrong-Pass-${i}`, address)));
    out.push(seen(await login(t, name, `Wrong-Pass-again-${i}`, address)));
    await waitOut(name);
  }
  out.push(seen(await login(t, name, password, address)));
  return out;
}

describe('per account', () => {
  it('answers a name that is no account exactly as a real account: the wait, the lock and their bodies', async () => {
    const real = await buildUser(t.database.db, { role: 'street_officer' });
    const known = await attackRun(real.username, real.password, '10.0.0.1');
    const unknown = await attackRun(`${real.username}-nobody`, real.password, '10.0.0.2');
    expect(unknown).toEqual(known);
    // wrong → 401; an immediate retry → 429 with Retry-After (the wait grows: 1, 2, 4, 8 s); the fifth → 423.
    expect(known.map((a) => a.status)).toEqual([401, 429, 401, 429, 401, 429, 401, 429, 423, 423, 423]);
    expect(known.filter((a) => a.status === 429).map((a) => a.retryAfter)).toEqual(['1', '2', '4', '8']);
    expect(known[1]!.body.error.code).toBe('RATE_LIMITED');
    expect(known[8]!.body.error).toMatchObject({ code: 'LOCKED', message: '连续登录失败次数过多，账号已锁定，请稍后再试' });
    expect(known[8]!.retryAfter).toBe(String(30 * 60));
  });

  it('counts in the database, so another instance sharing it answers with the same lock, for real and unknown names', async () => {
    const second = await buildApp(t.database, t.config, { webDir: null });
    try {
      const u = await buildUser(t.database.db, { role: 'street_officer' });
      for (const name of [u.username, `${u.username}-nobody`]) {
        for (let i = 0; i < 5; i++) {
          await login(t, name, `Wrong-Pass-${i}`, '10.0.1.1');
          await waitOut(name);
        }
        const there = await second.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: name, password: u.password },
        });
        expect(there.statusCode).toBe(423);
      }
    } finally {
      await second.app.close();
    }
  });
});

describe('per address', () => {
  it('blocks an address after 20 failures across names, for any name and even the right password; others still log in', async () => {
    const u = await buildUser(t.database.db, { role: 'street_officer' });
    for (let i = 0; i < 20; i++) expect((await login(t, `spray-${i}`, 'Summer2026!', '10.0.2.1')).statusCode).toBe(401);
    const blocked = await login(t, u.username, u.password, '10.0.2.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await login(t, u.username, u.password, '10.0.2.2')).statusCode).toBe(200);
  });

  it('cuts off a flood of login requests from one address with the one error shape', async () => {
    const small = await buildTestApp({ loginIp: { ...t.config.loginIp, perMinute: 3 } });
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await login(small, `flood-${i}`, 'x', '10.0.3.1');
        codes.push(last.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      expect(last!.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '请求过于频繁', details: [] } });
      expect(last!.headers['retry-after']).toBeDefined();
      expect((await login(small, 'flood-x', 'x', '10.0.3.2')).statusCode).toBe(401);
    } finally {
      await small.close();
    }
  });
});

describe('API description', () => {
  it('needs a login outside demo mode, and is public when configured', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).json().error.code).toBe('UNAUTHENTICATED');
    const u = await buildUser(t.database.db, { role: 'street_officer' });
    expect((await (await loginAs(t.app, u.username, u.password)).get('/api/docs/json')).statusCode).toBe(200);
    const open = await buildTestApp({ apiDocs: 'public' });
    try {
      expect((await open.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});
