import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { areaPrefixOf, likePrefix, prefixRange } from './scope';
import { canonical } from './audit-chain';

describe('area prefixes (GB/T 2260 nesting)', () => {
  it('drops the trailing zero pairs of province and city codes', () => {
    expect(areaPrefixOf('440000')).toBe('44');
    expect(areaPrefixOf('440300')).toBe('4403');
    expect(areaPrefixOf('440307')).toBe('440307');
    expect(areaPrefixOf('440307015')).toBe('440307015');
  });
  it('escapes LIKE metacharacters', () => {
    expect(likePrefix('44_%')).toBe('44\\_\\%%');
  });
  it('turns a prefix into the byte range LIKE means: from the prefix up to its successor', () => {
    const q = (p: string) => new PgDialect().sqlToQuery(prefixRange(sql`area_code`, p));
    expect(q('440307')).toMatchObject({ sql: '(area_code ~>=~ $1 and area_code ~<~ $2)', params: ['440307', '440308'] });
    expect(q('44030').params).toEqual(['44030', '44031']);
    expect(q('4409').params).toEqual(['4409', '440:']); // '9' + 1 is ':', still above every '4409…' code
    expect(q('').sql).toBe('true');
  });
});

describe('canonical JSON for the audit chain', () => {
  it('does not depend on key order', () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonical({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonical({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
