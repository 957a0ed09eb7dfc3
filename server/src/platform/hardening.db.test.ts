// Security headers on API answers: the strict policy everywhere; HSTS only when the request came over HTTPS
// (here through a trusted proxy's X-Forwarded-Proto), never on plain HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app';
import { helmetHeaders, helmetOptions } from './hardening';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ trustProxy: true });
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends the policy and the usual headers on success and error answers alike', async () => {
    for (const url of ['/api/health', '/api/users', '/api/no-such-route']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self';.*script-src 'self';/);
      expect(res.headers['content-security-policy'], url).toMatch(/frame-ancestors 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      for (const [name, value] of helmetHeaders(helmetOptions()).set) expect(res.headers[name.toLowerCase()], name).toBe(value);
    }
  });

  it('pins HTTPS with HSTS only over HTTPS', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('never takes the forwarded scheme from an untrusted client', async () => {
    const direct = await buildTestApp({ trustProxy: false });
    try {
      const res = await direct.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    } finally {
      await direct.close();
    }
  });
});
