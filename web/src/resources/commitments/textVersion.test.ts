import { describe, expect, it } from 'vitest';
import { versionNumber } from './textVersion';

describe('versionNumber', () => {
  it('reads the number of a sector text version', () => {
    expect(versionNumber('default-1')).toBe(1);
    expect(versionNumber('default-2')).toBe(2);
    expect(versionNumber('hazardous_chemicals-12')).toBe(12);
  });

  it('gives null for an id without a number, never a part of the raw id', () => {
    expect(versionNumber('default')).toBeNull();
    expect(versionNumber('')).toBeNull();
    expect(versionNumber('default-x')).toBeNull();
  });
});
