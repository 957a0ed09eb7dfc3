// Targets as plans state them: a value (表4 "市指标") or "下降 p%" from a base year (高明 plan 二(二)
// and 表8: 亿元GDP死亡率 −20 %, 工矿商贸十万人死亡率 −10 %, 万车死亡率 −10 % against 2015).
import { describe, expect, it } from 'vitest';
import { evaluateTarget, reducedValue, reductionPercent, targetValue } from './targets';

describe('reduction targets', () => {
  it('reproduces 高明 表8 exactly: 0.082 −20 % = 0.0656, 0.95 −10 % = 0.855, 4.84 −10 % = 4.356', () => {
    expect(reducedValue(0.082, 20)).toBe(0.0656);
    expect(reducedValue(0.95, 10)).toBe(0.855);
    expect(reducedValue(4.84, 10)).toBe(4.356);
  });
  it('resolves both kinds of target to a ceiling', () => {
    expect(targetValue({ kind: 'absolute', value: 0.105 })).toBe(0.105);
    expect(targetValue({ kind: 'reduction', baseYear: 2015, baseValue: 0.082, reductionPercent: 20 })).toBe(0.0656);
  });
  it('rejects a reduction outside 0..100 %', () => {
    expect(() => reducedValue(1, 101)).toThrow(RangeError);
    expect(() => reducedValue(1, -5)).toThrow(RangeError);
  });
  it('measures a fall as a positive percentage: 0.15 → 0.082 is 45.33…%', () => {
    expect(reductionPercent(0.15, 0.082)).toBeCloseTo(45.3333, 4);
    expect(reductionPercent(4.9, 4.84)).toBeCloseTo(1.2245, 4);
    expect(reductionPercent(2, 3)).toBe(-50);
  });
});

describe('evaluateTarget (lower is better)', () => {
  it('counts an actual at or below the ceiling as met', () => {
    expect(evaluateTarget(0.082, { kind: 'absolute', value: 0.105 })).toEqual({
      target: 0.105,
      actual: 0.082,
      status: 'met',
      margin: -0.023,
    });
    expect(evaluateTarget(0.117, { kind: 'absolute', value: 0.117 }).status).toBe('met');
  });
  it('counts an actual above the ceiling as missed, with the overshoot', () => {
    expect(evaluateTarget(5.0, { kind: 'reduction', baseYear: 2015, baseValue: 4.84, reductionPercent: 10 })).toEqual({
      target: 4.356,
      actual: 5,
      status: 'missed',
      margin: 0.644,
    });
  });
});
