// Indicator targets (控制指标/控制目标). Plans state them either as a value ("市指标 0.105") or as a
// reduction from a base year ("亿元GDP死亡率下降20%" against 2015); both resolve to a ceiling,
// because every indicator here is lower-is-better.
import type { Label } from '../accidents/label';
import type { RateId } from './rates';
import { clean } from './rates';

export type TargetSpec =
  | { kind: 'absolute'; value: number }
  | {
      kind: 'reduction';
      baseYear: number;
      baseValue: number;
      /** Percentage points of reduction, e.g. 20 for "下降20%". */
      reductionPercent: number;
    };

export interface IndicatorTarget {
  rate: RateId;
  year: number;
  spec: TargetSpec;
  /** Who set it, e.g. { zh: '市政府下达', en: 'Set by the city government' }. */
  setBy?: Label;
}

/** The value "下降 p%" from a base value leads to: base × (1 − p/100). */
export function reducedValue(baseValue: number, reductionPercent: number): number {
  if (!Number.isFinite(baseValue) || baseValue < 0) throw new RangeError(`base value must be non-negative, got ${baseValue}`);
  if (!Number.isFinite(reductionPercent) || reductionPercent < 0 || reductionPercent > 100) {
    throw new RangeError(`reduction must be 0..100 %, got ${reductionPercent}`);
  }
  // Multiply by the remaining percentage before dividing so 0.082 × 80 / 100 stays exact after clean().
  return clean((baseValue * (100 - reductionPercent)) / 100);
}

/** The ceiling a target sets. */
export function targetValue(spec: TargetSpec): number {
  return spec.kind === 'absolute' ? spec.value : reducedValue(spec.baseValue, spec.reductionPercent);
}

/** Percentage reduction from `from` to `to` (positive when it fell), as plans quote "下降45.3%". */
export function reductionPercent(from: number, to: number): number {
  if (!(from > 0)) throw new RangeError(`base value must be positive, got ${from}`);
  return clean(((from - to) / from) * 100);
}

export type TargetStatus = 'met' | 'missed';

export interface TargetEvaluation {
  target: number;
  actual: number;
  status: TargetStatus;
  /** actual − target: negative means headroom, positive means overshoot. */
  margin: number;
}

/** Met when the actual is at or below the ceiling ("控制在…指标内"). */
export function evaluateTarget(actual: number, spec: TargetSpec): TargetEvaluation {
  const target = targetValue(spec);
  return { target, actual, status: actual <= target ? 'met' : 'missed', margin: clean(actual - target) };
}
