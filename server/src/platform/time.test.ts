import { describe, expect, it } from 'vitest';
import { addDays, addMonths, cstDate, cstIso, daysBetween } from './time';

describe('China Standard Time', () => {
  it('takes "today" in Asia/Shanghai whatever the server zone: 16:30 UTC is already the next day', () => {
    expect(cstDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(cstDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
  });
  it('writes instants with the +08:00 offset', () => {
    expect(cstIso(new Date('2026-11-22T16:30:00.000Z'))).toBe('2026-11-23T00:30:00.000+08:00');
  });
  it('adds calendar days and months across month ends and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-22', 3)).toBe('2027-02-22');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });
});
