// 安责险 and 标准化 rules at their boundaries, each citing its source.
import { describe, expect, it } from 'vitest';
import { mustInsure, policyStatus } from './insurance.rules';
import {
  atLeastGradeThree,
  gradeAfterAccident,
  gradeInForce,
  isLower,
  ratePct,
  renewalDue,
  standardizationExpiry,
  standardizationShortfall,
} from './standardization.rules';

describe('mandatory sectors (seed 004 line 56: 矿山、危险化学品、烟花爆竹、交通运输、建筑施工、金属冶炼 …)', () => {
  it('covers the listed sectors and the metal-smelting tag, not machinery without it', () => {
    for (const sector of ['non_coal_mining', 'hazardous_chemicals', 'fireworks', 'transport', 'construction', 'metallurgy'])
      expect(mustInsure({ sector, hazardTags: [] })).toBe(true);
    expect(mustInsure({ sector: 'machinery', hazardTags: [] })).toBe(false);
    expect(mustInsure({ sector: 'machinery', hazardTags: ['metal_smelting'] })).toBe(true);
    // Seed 000 (20.) lists 粉尘涉爆 for its district: a deployment adds the tag, the default does not.
    expect(mustInsure({ sector: 'machinery', hazardTags: ['combustible_dust'] })).toBe(false);
    expect(
      mustInsure(
        { sector: 'machinery', hazardTags: ['combustible_dust'] },
        { mandatorySectors: [], mandatoryTags: ['combustible_dust'], expiryWarningDays: 30 },
      ),
    ).toBe(true);
  });
});

describe('policy standing and the 30-day expiry window (insurance.rules, L)', () => {
  const p = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
  it('is in force on both end days, not the day before or after', () => {
    expect(policyStatus(p, '2025-12-31')).toBe('future');
    expect(policyStatus(p, '2026-01-01')).toBe('valid');
    expect(policyStatus(p, '2026-12-31')).toBe('expiring');
    expect(policyStatus(p, '2027-01-01')).toBe('expired');
  });
  it('is expiring from exactly 30 days before its end, valid the day before that', () => {
    expect(policyStatus(p, '2026-12-01')).toBe('expiring');
    expect(policyStatus(p, '2026-11-30')).toBe('valid');
  });
});

describe('standardization validity: 3 years (rules.md §7; seed 002 4. "达标3年期满延期申报")', () => {
  it('expires 36 months after the grant, 29 February → 28 February', () => {
    expect(standardizationExpiry('2024-06-18')).toBe('2027-06-18');
    expect(standardizationExpiry('2024-02-29')).toBe('2027-02-28');
  });
  it('is in force on the expiry day, gone the day after', () => {
    expect(gradeInForce({ grade: '3', expiresOn: '2027-06-18' }, '2027-06-18')).toBe('3');
    expect(gradeInForce({ grade: '3', expiresOn: '2027-06-18' }, '2027-06-19')).toBeNull();
  });
  it('reminds from 90 days before expiry (L), not 91', () => {
    expect(renewalDue('2027-06-18', '2027-03-20')).toBe(true); // 90 days before
    expect(renewalDue('2027-06-18', '2027-03-19')).toBe(false); // 91 days before
  });
});

describe('shortfall scoring (seed 003 line 28: "未完成70%以上达标任务的，每少10个百分点扣除0.5分")', () => {
  it('deducts nothing at or above 70 %', () => {
    expect(standardizationShortfall(70)).toBe(0);
    expect(standardizationShortfall(100)).toBe(0);
  });
  it('deducts 0.5 per WHOLE 10 points: 60.1 → 0, 60.0 → 0.5, 50.1 → 0.5, 50.0 → 1, 0 → 3.5', () => {
    expect(standardizationShortfall(60.1)).toBe(0);
    expect(standardizationShortfall(60)).toBe(0.5);
    expect(standardizationShortfall(50.1)).toBe(0.5);
    expect(standardizationShortfall(50)).toBe(1);
    expect(standardizationShortfall(0)).toBe(3.5);
  });
  it('never exceeds the indicator weight, and an area without 规上 enterprises loses nothing', () => {
    expect(standardizationShortfall(0, 2)).toBe(2);
    expect(standardizationShortfall(null)).toBe(0);
  });
  it('rates round to one decimal; 7 of 10 is exactly the target', () => {
    expect(ratePct(7, 10)).toBe(70);
    expect(ratePct(2, 3)).toBe(66.7);
    expect(ratePct(0, 0)).toBeNull();
  });
  it('counts 一/二/三级 as "三级以上", not 小微达标 (seed 003: 三级以上标准)', () => {
    expect(['1', '2', '3'].every(atLeastGradeThree)).toBe(true);
    expect(atLeastGradeThree('small')).toBe(false);
    expect(atLeastGradeThree(null)).toBe(false);
  });
});

describe('accidents lower or revoke the grade (rules.md §7 accident eligibility, L: 一级 0 deaths, 二级 ≤ 1, 三级 ≤ 2)', () => {
  it('keeps a grade whose allowance the deaths stay within', () => {
    expect(gradeAfterAccident('1', { deaths: 0, level: 'general' })).toBe('1');
    expect(gradeAfterAccident('2', { deaths: 1, level: 'general' })).toBe('2');
    expect(gradeAfterAccident('3', { deaths: 2, level: 'general' })).toBe('3');
  });
  it('lowers to the best grade still allowed, revokes beyond every allowance', () => {
    expect(gradeAfterAccident('1', { deaths: 1, level: 'general' })).toBe('2');
    expect(gradeAfterAccident('1', { deaths: 2, level: 'general' })).toBe('3');
    expect(gradeAfterAccident('2', { deaths: 2, level: 'general' })).toBe('3');
    expect(gradeAfterAccident('3', { deaths: 3, level: 'general' })).toBeNull();
    expect(gradeAfterAccident('small', { deaths: 3, level: 'general' })).toBeNull();
  });
  it('revokes any grade on an accident of level 较大 or worse (493号 第三条)', () => {
    expect(gradeAfterAccident('1', { deaths: 0, level: 'larger' })).toBeNull();
    expect(gradeAfterAccident('3', { deaths: 0, level: 'major' })).toBeNull();
  });
  it('orders grades: 3 is lower than 1, 小微达标 is not on the ladder', () => {
    expect(isLower('1', '3')).toBe(true);
    expect(isLower('3', '1')).toBe(false);
    expect(isLower('2', 'small')).toBe(false);
  });
});
