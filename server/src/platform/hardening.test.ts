// The policy's image source for a configured tile server: templated subdomains become CSP's leading wildcard.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, helmetHeaders, helmetOptions, tileSource } from './hardening';

describe('tile server in the Content-Security-Policy', () => {
  it('allows the tile server the map is configured with, and nothing else', () => {
    expect(tileSource('https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY')).toBe('https://*.tianditu.gov.cn');
    expect(tileSource('http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png')).toBe('http://10.1.2.3:8080');
    expect(tileSource('https://tiles.{region}.example.cn/{z}/{x}/{y}.png')).toBe('https:');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
    expect(tileSource(undefined)).toBeNull();
    expect(contentSecurityPolicy({ ANJIAN_MAP_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' })['img-src']).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://*.tile.example.org',
    ]);
    expect(contentSecurityPolicy({})['script-src']).toEqual(["'self'"]);
  });
});

describe('the headers worked out once from helmet', () => {
  it("are helmet's full set for our options, the policy included", () => {
    const { set, remove } = helmetHeaders(helmetOptions({}));
    const h = Object.fromEntries(set.map(([k, v]) => [k.toLowerCase(), v]));
    expect(Object.keys(h).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'referrer-policy',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ]);
    expect(h['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;" +
        "connect-src 'self';worker-src 'self' blob:;object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'self'",
    );
    expect(h['referrer-policy']).toBe('same-origin');
    expect(remove).toEqual(['X-Powered-By']);
  });
});
