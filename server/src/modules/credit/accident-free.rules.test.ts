// The 无事故 record's day arithmetic (accident-free.rules.ts; N is the scheme's accidentFreeYears, L, credit.scheme.ts
// 2026.3): full years complete on the anniversary, 29 February anchors, the record due once after the previous run, the
// anchor range a run reads, and which accidents break the record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/time';
import { accidentFreeDue, anchorRange, anniversary, breaksRecord, fullYears } from './accident-free.rules';

describe('full years', () => {
  it('completes a year on its anniversary, not the day before', () => {
    expect(fullYears('2023-03-10', '2026-03-09')).toBe(2);
    expect(fullYears('2023-03-10', '2026-03-10')).toBe(3);
    expect(fullYears('2023-03-10', '2023-03-10')).toBe(0);
    expect(fullYears('2026-03-10', '2023-03-10')).toBe(0);
  });
  it('puts a 29 February anniversary on 28 February in a common year', () => {
    expect(anniversary('2024-02-29', 3)).toBe('2027-02-28');
    expect(fullYears('2024-02-29', '2027-02-27')).toBe(2);
    expect(fullYears('2024-02-29', '2027-02-28')).toBe(3);
    expect(fullYears('2024-02-29', '2028-02-28')).toBe(3);
    expect(fullYears('2024-02-29', '2028-02-29')).toBe(4);
  });
});

describe('due on a run', () => {
  it('is due on the N-th anniversary, once: not again on a later run', () => {
    expect(accidentFreeDue('2023-03-10', '2026-03-09', '2026-03-08', 3)).toBeNull();
    expect(accidentFreeDue('2023-03-10', '2026-03-10', '2026-03-09', 3)).toEqual({ years: 3, reachedOn: '2026-03-10' });
    expect(accidentFreeDue('2023-03-10', '2026-03-11', '2026-03-10', 3)).toBeNull();
    // a run missed on the day catches it up the next day
    expect(accidentFreeDue('2023-03-10', '2026-03-11', '2026-03-09', 3)).toEqual({ years: 3, reachedOn: '2026-03-10' });
  });
  it('announces every standing record on a first run, with its years', () => {
    expect(accidentFreeDue('2016-05-01', '2026-12-01', null, 3)).toEqual({ years: 10, reachedOn: '2019-05-01' });
    expect(accidentFreeDue('2024-05-01', '2026-12-01', null, 3)).toBeNull();
  });
  it('reads a range that holds every due anchor (property: any anchor, run day and previous run)', () => {
    const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2018-01-01', n));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 5 }), (anchorOn, today, gap, n) => {
        const since = gap === 0 ? null : addDays(today, -gap);
        const r = anchorRange(today, since, n);
        if (accidentFreeDue(anchorOn, today, since, n) === null) return;
        expect(r).not.toBeNull();
        expect(anchorOn <= r!.to && (r!.from === null || anchorOn >= r!.from)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // and the range is narrow: a daily run reads at most three days of anchors
    const r = anchorRange('2026-03-10', '2026-03-09', 3)!;
    expect(r).toEqual({ from: '2023-03-09', to: '2023-03-11' });
    expect(anchorRange('2024-02-29', '2024-02-28', 3)).toEqual({ from: '2021-02-28', to: '2021-03-01' });
    expect(anchorRange('2026-03-10', '2026-03-10', 3)).toBeNull();
  });
});

describe('an accident breaks the record', () => {
  it('within the last N years, not before them', () => {
    expect(breaksRecord('2026-12-01', '2026-12-01', 3)).toBe(true);
    expect(breaksRecord('2023-12-02', '2026-12-01', 3)).toBe(true);
    expect(breaksRecord('2023-12-01', '2026-12-01', 3)).toBe(false);
  });
});
