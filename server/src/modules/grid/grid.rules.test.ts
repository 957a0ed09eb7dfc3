// Grid patrol frequency (local rule, rules.md "L": configuration with documented defaults) at its boundaries, the
// due state, the haversine distance and the month helpers.
import { describe, expect, it } from 'vitest';
import { defaultGridFrequency, dueState, haversineMetres, monthEnd, nextDueOn, visitIntervalDays } from './grid.rules';

describe('visit interval by risk colour and key flag (defaults)', () => {
  it('gives red 7, orange 15, yellow 30, blue 90 and unassessed 30 days', () => {
    expect(visitIntervalDays({ riskLevel: 'major', isKey: false })).toBe(7);
    expect(visitIntervalDays({ riskLevel: 'significant', isKey: false })).toBe(15);
    expect(visitIntervalDays({ riskLevel: 'general', isKey: false })).toBe(30);
    expect(visitIntervalDays({ riskLevel: 'low', isKey: false })).toBe(90);
    expect(visitIntervalDays({ riskLevel: null, isKey: false })).toBe(30);
    expect(visitIntervalDays({ riskLevel: 'purple', isKey: false })).toBe(30);
  });
  it('caps a key enterprise at 15 days but never lengthens a shorter interval', () => {
    expect(visitIntervalDays({ riskLevel: 'low', isKey: true })).toBe(15);
    expect(visitIntervalDays({ riskLevel: 'significant', isKey: true })).toBe(15);
    expect(visitIntervalDays({ riskLevel: 'major', isKey: true })).toBe(7);
  });
  it('follows a configured frequency', () => {
    const f = { ...defaultGridFrequency, byLevel: { major: 3, significant: 10, general: 20, low: 60 }, keyAtMost: 5 };
    expect(visitIntervalDays({ riskLevel: 'general', isKey: true }, f)).toBe(5);
    expect(nextDueOn('2026-12-01', { riskLevel: 'low', isKey: false }, f)).toBe('2027-01-30');
  });
});

describe('next due date and due state', () => {
  it('is null (due now) for a unit never visited', () => {
    expect(nextDueOn(null, { riskLevel: 'major', isKey: false })).toBeNull();
    expect(dueState(null, '2026-12-03')).toBe('never');
  });
  it('counts calendar days from the last visit, across month and year ends', () => {
    expect(nextDueOn('2026-12-28', { riskLevel: 'major', isKey: false })).toBe('2027-01-04');
    expect(nextDueOn('2026-02-14', { riskLevel: 'significant', isKey: false })).toBe('2026-03-01');
  });
  it('is ok until dueSoonDays before, due soon up to and on the due day, overdue the day after', () => {
    const due = '2026-12-10';
    expect(dueState(due, '2026-12-06')).toBe('ok');
    expect(dueState(due, '2026-12-07')).toBe('due_soon');
    expect(dueState(due, '2026-12-10')).toBe('due_soon');
    expect(dueState(due, '2026-12-11')).toBe('overdue');
  });
});

describe('haversine distance', () => {
  it('is 0 for the same point and about 111.2 km for a degree of latitude', () => {
    expect(haversineMetres({ lon: 114.2, lat: 22.7 }, { lon: 114.2, lat: 22.7 })).toBe(0);
    expect(haversineMetres({ lon: 114, lat: 22 }, { lon: 114, lat: 23 })).toBeCloseTo(111_195, -1);
  });
  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const d = haversineMetres({ lon: 114, lat: 22.7 }, { lon: 115, lat: 22.7 });
    expect(d).toBeGreaterThan(102_500);
    expect(d).toBeLessThan(102_700);
  });
  it('measures a few tens of metres as a phone would see them', () => {
    // 0.0005° of latitude ≈ 55.6 m
    expect(Math.round(haversineMetres({ lon: 114.25, lat: 22.72 }, { lon: 114.25, lat: 22.7205 }))).toBe(56);
  });
});

describe('month helpers', () => {
  it('gives the last day of a month, February of a leap year included', () => {
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-02')).toBe('2026-02-28');
  });
});
