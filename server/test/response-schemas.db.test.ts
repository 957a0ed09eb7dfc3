// Every JSON route declares the schema of its success answer, so what leaves the server is whitelisted by the
// serializer, documented in /api/docs and typed for the web client. A route that sends a file instead declares its
// media type (schema.produces). Walks the routes the app actually registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from './app';
import { buildOrg, buildUser } from '../src/seed/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('response schemas', () => {
  it('every JSON route declares a 2xx response schema; file routes declare what they produce', () => {
    const missing = t.routes
      .filter((r) => r.produces.length === 0 && !r.responses.some((code) => /^2/.test(code)))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(t.routes.length).toBeGreaterThan(100);
  });

  it('serialises the reference answers through their schemas (a mismatch would be a 500)', async () => {
    const org = await buildOrg(t.database.db);
    const u = await buildUser(t.database.db, { role: 'district_officer', org });
    const c = await loginAs(t.app, u.username, u.password);
    const weights = await c.get('/api/enforcement/draws/weights');
    expect(weights.statusCode, weights.body).toBe(200);
    expect(weights.json().labels.base).toEqual({ zh: '基础权重', en: 'Base weight' });
    const bases = await c.get('/api/enforcement/penalty-bases');
    expect(bases.statusCode, bases.body).toBe(200);
    expect(bases.json()[0]).toMatchObject({ id: 'AQSCF2021-94', first: { min: 20_000, max: 50_000 } });
  });
});
