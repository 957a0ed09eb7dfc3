// Publicity rules against the seeds: the "四个一" (seed 001 line 39), the quarterly theme film (seed 000 line 77), the
// grid inspectors as the last mile of publicity (seed 000 line 84).
import { describe, expect, it } from 'vitest';
import { deliverableBy, isReached, itemsFor, runsOn } from './publicity.rules';

describe('publicity rules', () => {
  it('the 四个一 campaign asks for a poster, a handbook, a tip and a lecture (seed 001 line 39)', () => {
    expect(itemsFor('four_ones')).toEqual(['poster', 'handbook', 'tip', 'lecture']);
    expect(itemsFor('quarterly_theme')).toEqual(['film', 'tip']);
    expect(itemsFor('other', ['tip', 'tip', 'poster'])).toEqual(['tip', 'poster']);
  });
  it('a visit hands over the printed items, a confirmation the tip, a lecture the lecture and the film', () => {
    const items = itemsFor('four_ones');
    expect(deliverableBy(items, 'visit')).toEqual(['poster', 'handbook']);
    expect(deliverableBy(items, 'confirm')).toEqual(['tip']);
    expect(deliverableBy(items, 'lecture')).toEqual(['lecture']);
    expect(deliverableBy(['film', 'tip'], 'lecture')).toEqual(['film']);
    expect(deliverableBy(items, 'manual')).toEqual(items);
  });
  it('reached only when every item arrived; a delivery counts on both end days', () => {
    expect(isReached(['poster', 'tip'], ['tip'])).toBe(false);
    expect(isReached(['poster', 'tip'], ['tip', 'poster'])).toBe(true);
    const c = { startsOn: '2026-06-01', endsOn: '2026-06-30' };
    expect([runsOn(c, '2026-05-31'), runsOn(c, '2026-06-01'), runsOn(c, '2026-06-30'), runsOn(c, '2026-07-01')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
