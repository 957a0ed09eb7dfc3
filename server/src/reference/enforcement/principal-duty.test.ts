// Source: 汕尾市落实企业安全生产主体责任实施方案 (seeds/001): "原则上市级部门每半年不少于一次、县（市、区）级部门每季度
// 不少于一次、乡镇（街道）部门每月不少于一次" — configuration with these defaults.
import { describe, expect, it } from 'vitest';
import { periodOf, periodRange, periodsBegun, periodsPerYear, principalDutyLevelOf } from './principal-duty';

describe('principal-duty inspection frequency', () => {
  it('maps organisation area levels to the three frequency levels', () => {
    expect(principalDutyLevelOf('street')).toBe('street');
    expect(principalDutyLevelOf('district')).toBe('district');
    expect(principalDutyLevelOf('city')).toBe('city');
    expect(principalDutyLevelOf('province')).toBeNull();
    expect(principalDutyLevelOf('community')).toBeNull();
  });

  it('street monthly, district quarterly, city half-yearly', () => {
    expect([periodsPerYear('street'), periodsPerYear('district'), periodsPerYear('city')]).toEqual([12, 4, 2]);
    expect(periodOf('street', '2026-12-31')).toBe(12);
    expect(periodOf('district', '2026-03-31')).toBe(1);
    expect(periodOf('district', '2026-04-01')).toBe(2);
    expect(periodOf('city', '2026-06-30')).toBe(1);
    expect(periodOf('city', '2026-07-01')).toBe(2);
  });

  it('gives each period its calendar range, leap February included', () => {
    expect(periodRange('street', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('street', 2026, 2)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('district', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('city', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodRange('district', 2026, 2, { street: 1, district: 6, city: 12 })).toEqual({ from: '2026-07-01', to: '2026-12-31' });
  });

  it('counts the periods begun by a day, the running one included', () => {
    expect(periodsBegun('street', 2026, '2026-05-01')).toBe(5);
    expect(periodsBegun('district', 2026, '2026-05-01')).toBe(2);
    expect(periodsBegun('city', 2026, '2025-12-31')).toBe(0);
    expect(periodsBegun('city', 2026, '2027-01-01')).toBe(2);
  });
});
