// Every JSON route declares the schema of its success answer, so what leaves the server is whitelisted by the
// serializer, documented in /api/docs and typed for the web client. A route that sends a file instead declares its
// media type (schema.produces). Walks the routes the app actually registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './app';

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
});
