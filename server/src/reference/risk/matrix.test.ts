// Source: docs/rules.md §4.3, LS risk matrix R = L × S (5 × 5); Shandong-style (DB37/T 2882 family) bands and the
// zgmkw.com and mtoou.info variants. Confidence L: bands are configuration.
import { describe, expect, it } from 'vitest';
import {
  assessMatrix,
  defaultMatrixBands,
  MatrixError,
  matrixBandPresets,
  mtoouMatrixBands,
  reachableMatrixProducts,
  shandongMatrixBands,
  validateMatrixBands,
  zgmkwMatrixBands,
  type MatrixBandConfig,
} from './matrix';

describe('LS matrix bands (docs/rules.md §4.3)', () => {
  it('knows which products of 1–5 × 1–5 exist', () => {
    expect(reachableMatrixProducts()).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25]);
  });

  it('validates every preset: each reachable product in exactly one band, monotonic', () => {
    for (const preset of matrixBandPresets) expect(validateMatrixBands(preset)).toEqual([]);
  });

  it('defaults to the Shandong-style bands 1–8 低, 9–12 一般, 15–16 较大, 20–25 重大', () => {
    expect(defaultMatrixBands).toBe(shandongMatrixBands);
    const at = (l: number, s: number) => assessMatrix({ l, s }).level;
    expect(at(2, 4)).toBe('low'); // 8
    expect(at(3, 3)).toBe('general'); // 9
    expect(at(3, 4)).toBe('general'); // 12
    expect(at(3, 5)).toBe('significant'); // 15
    expect(at(4, 4)).toBe('significant'); // 16
    expect(at(4, 5)).toBe('major'); // 20
    expect(at(5, 5)).toBe('major'); // 25
    expect(assessMatrix({ l: 1, s: 1 })).toEqual({ r: 1, level: 'low' });
  });

  it('applies the zgmkw.com variant: 1–3 低, 4–8 一般, 9–16 较大, 20–25 重大', () => {
    const at = (l: number, s: number) => assessMatrix({ l, s }, zgmkwMatrixBands).level;
    expect([at(1, 3), at(2, 2), at(2, 4), at(3, 3), at(4, 4), at(4, 5)]).toEqual([
      'low',
      'general',
      'general',
      'significant',
      'significant',
      'major',
    ]);
  });

  it('applies the mtoou.info variant: 1–3 / 4–9 / 10–16 / 20–25', () => {
    const at = (l: number, s: number) => assessMatrix({ l, s }, mtoouMatrixBands).level;
    expect([at(3, 1), at(2, 2), at(3, 3), at(2, 5), at(4, 4), at(5, 4)]).toEqual([
      'low',
      'general',
      'general',
      'significant',
      'significant',
      'major',
    ]);
  });

  it('rejects a configuration with a gap, an overlap or an inversion', () => {
    const gap: MatrixBandConfig = { ...shandongMatrixBands, bands: shandongMatrixBands.bands.filter((b) => b.level !== 'general') };
    expect(validateMatrixBands(gap).map((i) => i.message.en)).toEqual([
      'R=9 is not covered by any band',
      'R=10 is not covered by any band',
      'R=12 is not covered by any band',
    ]);
    const overlap: MatrixBandConfig = {
      ...shandongMatrixBands,
      bands: [...shandongMatrixBands.bands, { level: 'major', min: 16, max: 16 }],
    };
    expect(validateMatrixBands(overlap).map((i) => i.message.zh)).toEqual(['R=16 被多个区间覆盖']);
    const inverted: MatrixBandConfig = {
      ...shandongMatrixBands,
      bands: [
        { level: 'general', min: 1, max: 8 },
        { level: 'low', min: 9, max: 12 },
        { level: 'significant', min: 13, max: 16 },
        { level: 'major', min: 17, max: 25 },
      ],
    };
    expect(validateMatrixBands(inverted)).toHaveLength(1);
    expect(() => assessMatrix({ l: 1, s: 1 }, gap)).toThrow(MatrixError);
  });

  it('accepts a gap only where no product can fall (13, 14, 17–19)', () => {
    expect(shandongMatrixBands.bands.some((b) => b.min <= 13 && b.max >= 13)).toBe(false);
    expect(validateMatrixBands(shandongMatrixBands)).toEqual([]);
  });

  it('rejects scores outside the integers 1–5 with a bilingual message', () => {
    expect(() => assessMatrix({ l: 0, s: 3 })).toThrow(MatrixError);
    expect(() => assessMatrix({ l: 2.5, s: 3 })).toThrow(MatrixError);
    const error = catchError(() => assessMatrix({ l: 3, s: 6 }));
    expect(error).toBeInstanceOf(MatrixError);
    expect((error as MatrixError).issues).toEqual([
      {
        field: 's',
        message: { zh: 'S（严重性）取值 6 无效，应为 1～5 的整数', en: 'S (severity): 6 is invalid; use an integer from 1 to 5' },
      },
    ]);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}
