// The training rules at their boundaries: required hours per post and sector (rules.md §5.3, 生产经营单位安全培训规定
// 第九、十三条), the monthly training day (seed 000 五(五)17: last Friday of the month) moved to the working day before
// it across official holidays, and server-side scoring (exact option sets).
import { describe, expect, it } from 'vitest';
import { lastFriday, requiredHours, scoreAttempt, trainingCalendarOf, trainingDay } from './training.rules';

describe('required hours (rules.md §5.3)', () => {
  it('principals and safety managers: 32 initial / 12 refresher in general sectors', () => {
    expect(requiredHours('principal', 'machinery', '2026-03-01', 2026)).toEqual({ hours: 32, stage: 'initial' });
    expect(requiredHours('safety_manager', 'machinery', '2025-12-31', 2026)).toEqual({ hours: 12, stage: 'refresher' });
  });
  it('principals and safety managers: 48 initial / 16 refresher in high-risk sectors', () => {
    expect(requiredHours('principal', 'hazardous_chemicals', '2026-01-01', 2026)).toEqual({ hours: 48, stage: 'initial' });
    expect(requiredHours('principal', 'non_coal_mining', '2020-01-01', 2026)).toEqual({ hours: 16, stage: 'refresher' });
    expect(requiredHours('safety_manager', 'fireworks', '2019-05-01', 2026).hours).toBe(16);
  });
  it('other staff: 24 岗前 in general sectors (no annual minimum after), 72 / 20 in high-risk sectors', () => {
    expect(requiredHours('special_operator', 'machinery', '2026-02-01', 2026).hours).toBe(24);
    expect(requiredHours('special_operator', 'machinery', '2024-02-01', 2026).hours).toBe(0);
    expect(requiredHours('other', 'hazardous_chemicals', '2026-02-01', 2026).hours).toBe(72);
    expect(requiredHours('other', 'hazardous_chemicals', '2024-02-01', 2026).hours).toBe(20);
  });
});

describe('monthly training day (seed 000 五(五)17)', () => {
  it('is the last Friday of the month', () => {
    expect(lastFriday(2026, 1)).toBe('2026-01-30');
    expect(lastFriday(2026, 12)).toBe('2026-12-25');
    expect(lastFriday(2024, 5)).toBe('2024-05-31');
    expect(trainingDay(2026, 1)).toEqual({ lastFriday: '2026-01-30', date: '2026-01-30', moved: false });
  });
  it('moves to the working day before when the Friday is a holiday: 春节 2025 (01-31 → 01-27, over the 28th–30th)', () => {
    expect(trainingDay(2025, 1)).toEqual({ lastFriday: '2025-01-31', date: '2025-01-27', moved: true });
  });
  it('中秋 2026 (09-25 → 09-24) and 国庆/中秋 2023 (09-29 → 09-28)', () => {
    expect(trainingDay(2026, 9)).toEqual({ lastFriday: '2026-09-25', date: '2026-09-24', moved: true });
    expect(trainingDay(2023, 9)).toEqual({ lastFriday: '2023-09-29', date: '2023-09-28', moved: true });
  });
  it('端午 2020 (06-26 → 06-24: the 25th is the holiday itself) and a year without a calendar shows the Fridays unmoved', () => {
    expect(trainingDay(2020, 6).date).toBe('2020-06-24');
    const far = trainingCalendarOf(2099);
    expect(far.calendarMissing).toBe(true);
    expect(far.days.every((d) => !d.moved && d.date === d.lastFriday)).toBe(true);
    expect(trainingCalendarOf(2026).days).toHaveLength(12);
  });
});

describe('scoring', () => {
  const qs = [
    { id: 'a', points: 2 },
    { id: 'b', points: 3 },
    { id: 'c', points: 5 },
  ];
  const key = { a: [1], b: [0, 2], c: [0] };
  it('scores a question only for the exact set of correct options', () => {
    expect(scoreAttempt(qs, key, { a: [1], b: [2, 0], c: [0] })).toBe(10);
    expect(scoreAttempt(qs, key, { a: [1], b: [0], c: [0, 1] })).toBe(2);
    expect(scoreAttempt(qs, key, {})).toBe(0);
    expect(scoreAttempt(qs, key, { a: [1, 1] })).toBe(2);
  });
});
