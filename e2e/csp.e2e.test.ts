// The server's strict Content-Security-Policy (scripts only from this origin, no inline script) on the app shell
// and the API. That the built app runs under it, every page of every role, is walk.e2e.test.ts's check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './src/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('Content-Security-Policy', () => {
  it('is sent with the app shell and with API answers, strict on scripts', async () => {
    const html = await fetch(`${server.url}/`);
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/object-src 'none'/);
    const api = await fetch(`${server.url}/api/health`);
    expect(api.headers.get('content-security-policy')).toBe(csp);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    // Plain HTTP here: no HSTS (a browser would pin a LAN address that has no TLS).
    expect(api.headers.get('strict-transport-security')).toBeNull();
  });
});
