import { describe, expect, it } from 'vitest';
import { hazardDescriptionMinLength, reportHazardBody } from '@anjian/contracts';
import { findingTooShort } from './findings';

describe('findingTooShort', () => {
  it('flags a blank or one-character description, counted after trimming', () => {
    expect(findingTooShort('')).toBe(true);
    expect(findingTooShort('   ')).toBe(true);
    expect(findingTooShort('a')).toBe(true);
    expect(findingTooShort(' 漏 ')).toBe(true);
  });

  it('accepts a description of the minimum length', () => {
    expect(findingTooShort('漏电')).toBe(false);
    expect(findingTooShort('  灭火器过期  ')).toBe(false);
  });

  it('agrees with the hazards route on the boundary', () => {
    const body = (description: string) =>
      reportHazardBody.safeParse({
        enterpriseId: '00000000-0000-4000-8000-000000000000',
        source: 'grid_patrol',
        description,
        category: 'unsafe_condition',
        grade: 'general',
      }).success;
    for (const d of ['x'.repeat(hazardDescriptionMinLength - 1), 'x'.repeat(hazardDescriptionMinLength), ' x ']) {
      expect(findingTooShort(d)).toBe(!body(d));
    }
  });
});
