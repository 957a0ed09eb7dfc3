// The input primitives: which text is storable as given, which dates exist, which instants are in range.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarDate, isRealDate, isSafeText, safeString, timestamp } from './input';

describe('isSafeText', () => {
  it('refuses NUL and unpaired surrogates, accepts pairs and ordinary text', () => {
    for (const bad of ['\u0000', 'a\u0000', '\ud800', 'x\ud800y', '\udc00', 'a\udc00', '\ud800\ud800\udc00', '\ud83d\ude00\ude00'])
      expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['', '安全生产', '\ud83d\ude00', 'a\ud83d\ude00b', '\u202e\u200f', '%_\\\'"', 'x'.repeat(10_000)])
      expect(isSafeText(good), JSON.stringify(good)).toBe(true);
  });

  it('agrees with String.prototype.isWellFormed on any string (when the runtime has it)', () => {
    const wellFormed = (s: string) => (s as unknown as { isWellFormed?: () => boolean }).isWellFormed?.();
    if (wellFormed('') === undefined) return;
    fc.assert(
      // An alphabet dense in surrogates, so pairs, lone halves and their neighbours all come up.
      fc.property(fc.string({ unit: fc.constantFrom('a', '\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '中'), maxLength: 8 }), (s) => {
        expect(isSafeText(s)).toBe(wellFormed(s) === true && !s.includes('\u0000'));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the bilingual key as the schema error', () => {
    expect(safeString().safeParse('a\u0000').error?.issues[0]?.message).toBe('text.unsafe');
  });
});

describe('calendarDate', () => {
  const d = calendarDate();
  it('accepts real days in 1900–2100, leap days included', () => {
    for (const ok of ['1900-01-01', '2024-02-29', '2000-02-29', '2100-12-31']) expect(d.safeParse(ok).success, ok).toBe(true);
  });
  it('refuses days that do not exist, years out of range, and other shapes', () => {
    const msg = (s: string) => d.safeParse(s).error?.issues[0]?.message;
    expect(msg('2026-02-30')).toBe('date.invalid');
    expect(msg('2100-02-29')).toBe('date.invalid');
    expect(msg('2026-13-01')).toBe('date.invalid');
    expect(msg('0000-01-01')).toBe('date.range');
    expect(msg('9999-12-31')).toBe('date.range');
    expect(msg('2026-1-1')).toBe('date.format');
  });
  it('takes a field’s own years', () => {
    expect(calendarDate({ min: 1949, max: 2100 }).safeParse('1949-10-01').success).toBe(true);
  });
  it('knows the Gregorian calendar', () => {
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
  });
});

describe('timestamp', () => {
  const t = timestamp();
  it('accepts instants with an offset in range', () => {
    expect(t.safeParse('2026-03-01T08:30:00+08:00').success).toBe(true);
    expect(t.safeParse('2026-03-01T00:30:00.123Z').success).toBe(true);
  });
  it('refuses year 0, impossible days and instants without an offset', () => {
    expect(t.safeParse('0000-01-01T00:00:00Z').error?.issues[0]?.message).toBe('date.range');
    expect(t.safeParse('2026-02-30T08:00:00+08:00').success).toBe(false);
    expect(t.safeParse('2026-03-01T08:00:00').error?.issues[0]?.message).toBe('timestamp.format');
  });
});
