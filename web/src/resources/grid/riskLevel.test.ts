import { describe, expect, it } from 'vitest';
import { unitRiskLevel } from './riskLevel';

describe('unitRiskLevel', () => {
  it('reads the risk summary level key as it is', () => {
    expect(unitRiskLevel('major')).toBe('major');
    expect(unitRiskLevel('general')).toBe('general');
  });

  it('reads a colour as its level', () => {
    expect(unitRiskLevel('red')).toBe('major');
    expect(unitRiskLevel('orange')).toBe('significant');
    expect(unitRiskLevel('yellow')).toBe('general');
    expect(unitRiskLevel('blue')).toBe('low');
  });

  it('shows nothing for no value or an unknown one, never the raw code', () => {
    expect(unitRiskLevel(null)).toBeNull();
    expect(unitRiskLevel('purple')).toBeNull();
  });
});
