import { describe, expect, it } from 'vitest';
import { unitRiskLevel } from './riskLevel';

describe('unitRiskLevel', () => {
  it('reads the risk summary level key as it is', () => {
    expect(unitRiskLevel('major')).toBe('major');
    expect(unitRiskLevel('general')).toBe('general');
  });

  it('shows nothing for no value or an unknown one, never the raw code', () => {
    expect(unitRiskLevel(null)).toBeNull();
    expect(unitRiskLevel('purple')).toBeNull();
    expect(unitRiskLevel('red')).toBeNull();
  });
});
