import { describe, expect, it } from 'vitest';
import { dayClock, resetDayClocks } from './day-clock';
import { cstDate } from './time';

describe('day clocks', () => {
  it('start on the China date, can stand on a chosen day, and are all put back by the reset', () => {
    const a = dayClock();
    const b = dayClock();
    expect(a.today()).toBe(cstDate());
    a.today = () => '2025-10-01';
    b.today = () => '2026-02-17';
    expect([a.today(), b.today()]).toEqual(['2025-10-01', '2026-02-17']);
    resetDayClocks();
    expect([a.today(), b.today()]).toEqual([cstDate(), cstDate()]);
  });
});
