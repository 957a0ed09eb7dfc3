// The joint-punishment configuration against its sources: seed 003 七 (line 84) and 004 §14 (line 54) restrict a
// listed unit "在投融资、保险税收、政府采购、招标投标、土地出让等方面"; 003 七 bans the criminally liable
// 生产经营者 from the profession; the disclosure period is configuration (12 months by default).
import { describe, expect, it } from 'vitest';
import { punishmentMeasureKinds } from '@anjian/contracts';
import { defaultJointPunishment, measureKindsOf, measuresFor } from './measures';
import { disclosedSince, shownUntil } from './disclosure.rules';

describe('joint punishment measures', () => {
  it('cover the five fields of 003 七, market access, and the principal ban', () => {
    expect(new Set(measureKindsOf())).toEqual(new Set(punishmentMeasureKinds));
    const ban = measuresFor(true).filter((m) => m.kind === 'principal_professional_ban');
    expect(ban.map((m) => m.appliesTo)).toEqual(['principal']);
    expect(measuresFor(true).filter((m) => m.appliesTo === 'unit').length).toBeGreaterThanOrEqual(7);
  });
  it('apply only while listed, each measure named by its agency', () => {
    expect(measuresFor(false)).toEqual([]);
    for (const m of measuresFor(true)) expect(defaultJointPunishment.partners.map((p) => p.id)).toContain(m.partnerId);
  });
});

describe('disclosure period', () => {
  it('shows an entry for 12 months from the day it happened', () => {
    expect(shownUntil('2026-10-20')).toBe('2027-10-19');
    expect(disclosedSince('2027-10-20')).toBe('2026-10-20');
    expect(shownUntil('2026-10-20', { months: 3 })).toBe('2027-01-19');
  });
});
