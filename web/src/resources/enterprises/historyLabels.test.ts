// The enterprise history shows words, not codes: code-table values by their label, yes/no, lists joined, ids summarised.
import { describe, expect, it } from 'vitest';
import type { Bilingual } from '@anjian/contracts';
import { historyValue } from './historyLabels';

const zh = (b: Bilingual) => b.zh;
const en = (b: Bilingual) => b.en;

describe('historyValue', () => {
  it('reads codes through their table and booleans as yes/no, in the caller’s language', () => {
    expect(historyValue('sector', 'metallurgy', zh)).toBe('冶金');
    expect(historyValue('scale', 'below', zh)).toBe('规下');
    expect(historyValue('hazardTags', ['combustible_dust'], zh)).toBe('粉尘涉爆');
    expect(historyValue('isKey', false, zh)).toBe('否');
    expect(historyValue('isKey', true, en)).toBe('yes');
    expect(historyValue('hazardTags', ['combustible_dust', 'confined_space'], zh)).toBe('粉尘涉爆、有限空间');
    expect(historyValue('hazardTags', ['combustible_dust', 'confined_space'], en)).toBe('Combustible dust, Confined spaces');
  });

  it('shows free text as written, empty values as a dash, and ids as what they amount to', () => {
    expect(historyValue('formerNames', ['旧名{1}', '"甲"'], zh)).toBe('旧名{1}、"甲"');
    expect(historyValue('employees', 321, zh)).toBe('321');
    expect(historyValue('landlord', null, zh)).toBe('—');
    expect(historyValue('formerNames', [], zh)).toBe('—');
    expect(historyValue('parkId', '6f1c0f6e-0000-4000-8000-000000000001', zh)).toBe('已指定');
    expect(historyValue('supervisingOrgIds', ['a', 'b'], zh)).toBe('2 个部门');
  });
});
