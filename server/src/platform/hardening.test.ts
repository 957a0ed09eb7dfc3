// The policy's image source for a configured tile server: templated subdomains become CSP's leading wildcard.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tileSource } from './hardening';

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
