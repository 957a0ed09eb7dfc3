// The chainer's gap bookkeeping: which ids below the frontier are still to be looked for after a pass.
import { describe, expect, it } from 'vitest';
import { gapsAfter, type Gap } from './audit-chain';

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
