// Periods of the 八个一次 (seed 001 line 34: 每月 / 每季度 / 每年) on the China calendar, the enterprise-year mask and
// the recording window.
import { describe, expect, it } from 'vitest';
import { dutyKinds } from '@anjian/contracts';
import {
  commitmentTextFor,
  dueOf,
  dutyBit,
  dutyRules,
  missingOf,
  obligationsOf,
  periodAt,
  periodOf,
  periodRange,
  periodState,
  recordRefusal,
} from './commitments.rules';

describe('八个一次 as data (seed 001 line 34)', () => {
  it('has the eight duties: one monthly, one quarterly, six yearly — 22 obligations a year', () => {
    expect(dutyRules.map((d) => d.kind)).toEqual([...dutyKinds]);
    expect(dutyRules.map((d) => d.cadence)).toEqual(['month', 'quarter', 'year', 'year', 'year', 'year', 'year', 'year']);
    expect(obligationsOf(2026)).toHaveLength(22);
    const bits = obligationsOf(2026).map((o) => o.bit);
    expect(new Set(bits).size).toBe(22);
    expect(bits.reduce((a, b) => a | b, 0)).toBe((1 << 22) - 1);
  });
});

describe('periods in China time', () => {
  it('puts month, quarter and year boundaries on the Beijing date', () => {
    // 2026-03-31 15:59:59 UTC is 23:59:59 on 31 March in Beijing; one second later it is 1 April.
    expect(periodAt('month', new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
    expect(periodAt('month', new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
    expect(periodAt('quarter', new Date('2026-03-31T16:00:00Z'))).toBe('2026-Q2');
    expect(periodAt('quarter', new Date('2026-03-31T15:59:59Z'))).toBe('2026-Q1');
    expect(periodAt('year', new Date('2026-12-31T16:00:00Z'))).toBe('2027');
    expect(periodAt('year', new Date('2026-12-31T15:59:59Z'))).toBe('2026');
  });

  it('knows each period’s first and last day, leap Februaries included', () => {
    expect(periodRange('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodRange('2026-02')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodRange('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodRange('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodOf('quarter', '2026-06-30')).toBe('2026-Q2');
    expect(periodOf('quarter', '2026-07-01')).toBe('2026-Q3');
  });

  it('ends a period the day after its last day', () => {
    expect(periodState('2026-03', '2026-03-31')).toBe('open');
    expect(periodState('2026-03', '2026-04-01')).toBe('ended');
    expect(periodState('2026-03', '2026-02-28')).toBe('future');
    expect(periodState('2026-Q1', '2026-04-01')).toBe('ended');
    expect(periodState('2026', '2026-12-31')).toBe('open');
  });
});

describe('what is due', () => {
  it('counts only ended periods: on 1 April, three months and one quarter', () => {
    const { obligations, mask } = dueOf(2026, '2026-04-01');
    expect(obligations.map((o) => o.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-Q1']);
    expect(mask).toBe(0b111 | (1 << 12));
    expect(dueOf(2026, '2026-03-31').obligations).toHaveLength(2);
    expect(dueOf(2026, '2027-01-01').obligations).toHaveLength(22);
  });

  it('lists the missing obligations from the accepted mask', () => {
    const accepted = dutyBit('monthly_inspection', '2026-01') | dutyBit('monthly_inspection', '2026-03');
    expect(missingOf(2026, '2026-04-01', accepted)).toEqual(['monthly_inspection:2026-02', 'quarterly_study:2026-Q1']);
  });
});

describe('recording window', () => {
  it('takes the duty’s own cadence, a begun period and a held day inside it and not in the future', () => {
    expect(recordRefusal('monthly_inspection', '2026-03', '2026-03-10', '2026-03-20')).toBeNull();
    expect(recordRefusal('monthly_inspection', '2026-Q1', '2026-03-10', '2026-03-20')?.field).toBe('period');
    expect(recordRefusal('emergency_drill', '2026', '2026-03-10', '2026-03-20')).toBeNull();
    expect(recordRefusal('monthly_inspection', '2026-04', '2026-04-01', '2026-03-20')?.field).toBe('period');
    expect(recordRefusal('monthly_inspection', '2026-03', '2026-02-28', '2026-03-20')?.field).toBe('heldOn');
    expect(recordRefusal('monthly_inspection', '2026-03', '2026-03-21', '2026-03-20')?.field).toBe('heldOn');
    // A late record of an ended period is still taken (the street decides on its evidence).
    expect(recordRefusal('quarterly_study', '2026-Q1', '2026-03-30', '2026-05-02')).toBeNull();
  });
});

describe('commitment text (L: configuration with a default)', () => {
  it('uses the sector’s own text when there is one, else the default, each with a version', () => {
    expect(commitmentTextFor('hazardous_chemicals').version).toBe('hazardous_chemicals-1');
    expect(commitmentTextFor('construction').version).toBe('default-1');
    expect(commitmentTextFor('construction').body).toContain('八个一次');
  });
});
