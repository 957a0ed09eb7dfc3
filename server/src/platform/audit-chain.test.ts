// The chainer's gap bookkeeping: which ids below the frontier are still to be looked for after a pass.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonical, entryHash, gapsAfter, type EntryRow, type Gap } from './audit-chain';

const NOW = '2026-12-05T04:00:00.000Z';
const OLD = '2026-12-05T03:00:00.000Z';
const gap = (fromId: number, toId: number, seenAt = OLD): Gap => ({ fromId, toId, seenAt });

describe('gapsAfter', () => {
  it('records the ids skipped above the frontier, and none when the ids read are consecutive', () => {
    expect(gapsAfter([], [], Infinity, 10, [11, 12, 13], NOW)).toEqual([]);
    expect(gapsAfter([], [], Infinity, 10, [12, 13, 17], NOW)).toEqual([gap(11, 11, NOW), gap(14, 16, NOW)]);
  });

  it('splits a gap around the entries found in it and keeps when it was first seen', () => {
    expect(gapsAfter([gap(5, 9)], [5], Infinity, 20, [], NOW)).toEqual([gap(6, 9)]);
    expect(gapsAfter([gap(5, 9)], [7], Infinity, 20, [], NOW)).toEqual([gap(5, 6), gap(8, 9)]);
    expect(gapsAfter([gap(5, 9)], [5, 6, 7, 8, 9], Infinity, 20, [], NOW)).toEqual([]);
    expect(gapsAfter([gap(3, 3), gap(5, 9)], [3, 9], Infinity, 20, [21], NOW)).toEqual([gap(5, 8)]);
  });

  it('leaves the part of the gaps past what was read untouched when the batch was full', () => {
    // Read up to id 6 only: 8 was not looked for yet, so it stays a gap although it was not found.
    expect(gapsAfter([gap(5, 9), gap(12, 12)], [6], 6, 20, [], NOW)).toEqual([gap(5, 5), gap(7, 9), gap(12, 12)]);
  });

  it('handles a gap of millions of ids (a rolled-back bulk import) without walking it', () => {
    expect(gapsAfter([gap(1, 5_000_000)], [4_000_000], Infinity, 6_000_000, [], NOW)).toEqual([
      gap(1, 3_999_999),
      gap(4_000_001, 5_000_000),
    ]);
  });
});

// The definition the chain's hashes were made with (2026-12-04): entries, sorted by key, undefined left out.
function reference(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonical', () => {
  it('writes every value exactly as the definition the existing hashes were made with', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { maxDepth: 4 },
        fc.constant(null),
        fc.constant(undefined),
        fc.boolean(),
        fc.double({ noNaN: true }),
        fc.integer(),
        fc.string({ unit: 'binary' }),
        fc.date({ noInvalidDate: true }),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('any'), { maxKeys: 5 }),
      ),
    })).any;
    fc.assert(fc.property(value, (v) => canonical(v) === reference(v)));
  });
});

describe('entryHash', () => {
  // How the chain's hashes were made (2026-12-04): the entry as an object with these keys, through the definition above.
  const referenceHash = (prev: string, r: EntryRow) =>
    createHash('sha256')
      .update(prev)
      .update('\n')
      .update(
        reference({
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRole: r.actor_role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before ?? null,
          after: r.after ?? null,
          ip: r.ip,
          result: r.result,
        }),
      )
      .digest('hex');

  it('hashes every entry exactly as the existing links were made, with `at` as a Date or as its ISO text', () => {
    const text = fc.option(fc.string({ unit: 'binary' }), { nil: null });
    const json = fc.option(fc.jsonValue(), { nil: null });
    const row = fc.record({
      id: fc.nat(),
      at: fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('9999-12-31') }),
      actor_id: fc.option(fc.uuid(), { nil: null }),
      actor_name: text,
      actor_role: text,
      action: fc.string({ unit: 'binary' }),
      entity_type: text,
      entity_id: text,
      before: json,
      after: json,
      ip: text,
      result: fc.constantFrom('ok', 'denied'),
    });
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), row, (prev, r) => {
        const want = referenceHash(prev, r);
        return entryHash(prev, r) === want && entryHash(prev, { ...r, at: (r.at as Date).toISOString() }) === want;
      }),
    );
  });
});
