// 部令第11号 (rules.md §9) timing and criteria at their boundaries: the objection period across the 2026 National Day
// holiday (working days, platform/calendar.ts), the 3-year period (a leap day), 12 months before early removal and
// its three conditions, "12个月内累计发生2起以上较大" at the 12-month edge, a 重大 accident.
import { describe, expect, it } from 'vitest';
import {
  earlyRemovalFromOf,
  earlyRemovalRefusals,
  evaluateCriteria,
  objectionDueOf,
  periodEndOf,
  type CriteriaEntry,
} from './listing.rules';

const acc = (severity: string, occurredOn: string, o: Partial<CriteriaEntry> = {}): CriteriaEntry => ({
  kind: 'accident',
  severity,
  occurredOn,
  status: 'active',
  sourceType: 'accident',
  sourceId: `${severity}-${occurredOn}`,
  ...o,
});

describe('objection period (rules.md §9; L: 5 working days from the notice)', () => {
  it('counts working days only: an ordinary week', () => {
    expect(objectionDueOf('2026-11-02')).toBe('2026-11-09'); // Mon → next Mon
  });
  it('skips the National Day holiday and counts the make-up Saturday', () => {
    // 2026: 10月1日–7日 off, 9月20日(日) and 10月10日(六) worked.
    expect(objectionDueOf('2026-09-30')).toBe('2026-10-13');
  });
});

describe('management period (rules.md §9: 3 years, early removal after 12 months)', () => {
  it('ends 3 years after the start, the first day off the list', () => {
    expect(periodEndOf('2026-03-15')).toBe('2029-03-15');
    expect(periodEndOf('2028-02-29')).toBe('2031-02-28');
  });
  it('allows early removal from 12 months on, not a day earlier', () => {
    const from = earlyRemovalFromOf('2026-03-15');
    expect(from).toBe('2027-03-15');
    const ok = { appliedOn: '2027-03-15', penaltyExecuted: true, harmRemoved: true, noNewConduct: true };
    expect(earlyRemovalRefusals(from, ok)).toEqual([]);
    expect(earlyRemovalRefusals(from, { ...ok, appliedOn: '2027-03-14' }).map((r) => r.field)).toEqual(['appliedOn']);
  });
  it('needs all three conditions: penalty executed, harm removed, no new conduct', () => {
    const r = earlyRemovalRefusals('2027-03-15', {
      appliedOn: '2027-06-01',
      penaltyExecuted: false,
      harmRemoved: false,
      noNewConduct: false,
    });
    expect(r.map((x) => x.field)).toEqual(['penaltyExecuted', 'harmRemoved', 'noNewConduct']);
  });
});

describe('criteria (rules.md §9 cases 1 and 2)', () => {
  it('a 重大 or 特别重大 accident meets case 1; a 一般 one does not', () => {
    expect(evaluateCriteria([acc('major', '2026-05-01')], '2026-12-01').map((c) => c.criterion)).toEqual(['major_accident']);
    expect(evaluateCriteria([acc('especially_major', '2026-05-01')], '2026-12-01').map((c) => c.criterion)).toEqual(['major_accident']);
    expect(evaluateCriteria([acc('general', '2026-05-01'), acc('general', '2026-06-01')], '2026-12-01')).toEqual([]);
  });
  it('two 较大 accidents within 12 months meet case 2; exactly 12 months apart do not; one does not', () => {
    const met = evaluateCriteria([acc('larger', '2026-01-10'), acc('larger', '2027-01-09')], '2027-02-01');
    expect(met.map((c) => c.criterion)).toEqual(['two_larger_accidents_12m']);
    expect(met[0]!.sources).toHaveLength(2);
    expect(evaluateCriteria([acc('larger', '2026-01-10'), acc('larger', '2027-01-10')], '2027-02-01')).toEqual([]);
    expect(evaluateCriteria([acc('larger', '2026-01-10')], '2026-02-01')).toEqual([]);
  });
  it('ignores withdrawn entries and conduct older than the 3-year period', () => {
    expect(evaluateCriteria([acc('major', '2026-05-01', { status: 'withdrawn' })], '2026-12-01')).toEqual([]);
    expect(evaluateCriteria([acc('major', '2023-11-30')], '2026-12-01')).toEqual([]);
    expect(evaluateCriteria([acc('major', '2023-12-01')], '2026-12-01')).toHaveLength(1);
  });
});
