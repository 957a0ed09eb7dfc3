import { describe, expect, it } from 'vitest';
import { chineseDate, textDate } from './chinese-date';

describe('document dates', () => {
  it('writes the signing date in Chinese numerals: year digit by digit with 〇, month and day counted', () => {
    expect(chineseDate('2026-12-03')).toBe('二〇二六年十二月三日');
    expect(chineseDate('2030-01-10')).toBe('二〇三〇年一月十日');
    expect(chineseDate('2027-10-31')).toBe('二〇二七年十月三十一日');
    expect(chineseDate('2028-02-29')).toBe('二〇二八年二月二十九日');
    expect(chineseDate('2026-11-20')).toBe('二〇二六年十一月二十日');
  });

  it('writes dates inside the text with Arabic numerals and no leading zeros', () => {
    expect(textDate('2026-12-03')).toBe('2026年12月3日');
    expect(textDate('2027-01-10')).toBe('2027年1月10日');
    expect(textDate(null)).toBe('');
  });

  it('refuses what is not a calendar date instead of printing nonsense', () => {
    expect(() => chineseDate('2026-02-30')).toThrow(RangeError);
    expect(() => chineseDate('2026-12-3')).toThrow(RangeError);
    expect(() => textDate('2026-13-01')).toThrow(RangeError);
  });
});
