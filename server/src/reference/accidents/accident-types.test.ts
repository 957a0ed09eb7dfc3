// Sources: GB 6441-86 事故类别 (docs/rules.md §1.1, H); GB 6441-2025 §4 27 types (docs/rules.md §1.2, M names /
// L codes); cut-over date (docs/rules.md §1.3, L: configuration, default 2026-07-01).
import { describe, expect, it } from 'vitest';
import {
  accidentTypesFor,
  DEFAULT_ACCIDENT_TYPE_CONFIG,
  findAccidentType,
  GB1986_TYPES,
  GB2025_TYPES,
  isGb1986Code,
  schemeFor,
} from './accident-types';

describe('GB 6441-86 accident types (docs/rules.md §1.1)', () => {
  it('has the 20 types with codes printed as the standard prints them, leading zero kept on 010–020', () => {
    expect(GB1986_TYPES).toHaveLength(20);
    expect(GB1986_TYPES.map((t) => t.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '010',
      '011',
      '012',
      '013',
      '014',
      '015',
      '016',
      '017',
      '018',
      '019',
      '020',
    ]);
    expect(GB1986_TYPES.every((t) => t.scheme === 'GB6441-1986')).toBe(true);
  });
  it('keeps the published order of names', () => {
    expect(findAccidentType({ scheme: 'GB6441-1986', code: '010' }).label.zh).toBe('坍塌');
    expect(findAccidentType({ scheme: 'GB6441-1986', code: '015' }).label.zh).toBe('瓦斯爆炸');
    expect(findAccidentType({ scheme: 'GB6441-1986', code: '019' }).label.zh).toBe('中毒和窒息');
    expect(findAccidentType({ scheme: 'GB6441-1986', code: '020' }).label).toEqual({ zh: '其他伤害', en: 'Other injury' });
  });
  it('does not accept the normalised integer spelling as a code', () => {
    expect(isGb1986Code('10')).toBe(false);
    expect(isGb1986Code('010')).toBe(true);
  });
});

describe('GB 6441-2025 accident types (docs/rules.md §1.2)', () => {
  it('has 27 types in the published order, each tagged with its scheme', () => {
    expect(GB2025_TYPES).toHaveLength(27);
    expect(GB2025_TYPES.every((t) => t.scheme === 'GB6441-2025')).toBe(true);
    expect(GB2025_TYPES.map((t) => t.label.zh).slice(0, 3)).toEqual(['物体打击', '厂（场）内车辆致害', '道路（轨道）车辆致害']);
    expect(GB2025_TYPES[12]?.label.zh).toBe('水害');
    expect(GB2025_TYPES[26]?.label.zh).toBe('其他');
  });
  it('uses provisional keys only and never an invented official code', () => {
    expect(GB2025_TYPES.every((t) => t.officialCode === null && /^P\d{2}$/.test(t.key))).toBe(true);
    expect(GB2025_TYPES.map((t) => t.ordinal)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });
  it('gives every label in both languages', () => {
    for (const t of [...GB1986_TYPES, ...GB2025_TYPES]) {
      expect(t.label.zh.length).toBeGreaterThan(0);
      expect(t.label.en.length).toBeGreaterThan(0);
    }
  });
});

describe('schemeFor: cut-over date as configuration (docs/rules.md §1.3)', () => {
  it('defaults to 2026-07-01', () => {
    expect(DEFAULT_ACCIDENT_TYPE_CONFIG.gb2025EffectiveDate).toBe('2026-07-01');
    expect(schemeFor('2026-06-30')).toBe('GB6441-1986');
    expect(schemeFor('2026-07-01')).toBe('GB6441-2025');
  });
  it('reads an instant as its China calendar day', () => {
    expect(schemeFor(new Date('2026-06-30T15:59:59Z'))).toBe('GB6441-1986'); // 23:59:59 on 30 June in China
    expect(schemeFor(new Date('2026-06-30T16:00:00Z'))).toBe('GB6441-2025'); // 00:00 on 1 July in China
  });
  it('follows a configured date (codeofchina reads 2027-01-01)', () => {
    const config = { gb2025EffectiveDate: '2027-01-01' };
    expect(schemeFor('2026-12-31', config)).toBe('GB6441-1986');
    expect(schemeFor('2027-01-01', config)).toBe('GB6441-2025');
    expect(accidentTypesFor('2026-12-31', config)).toHaveLength(20);
    expect(accidentTypesFor('2027-01-01', config)).toHaveLength(27);
  });
  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => schemeFor('2026/07/01')).toThrow(RangeError);
  });
});
