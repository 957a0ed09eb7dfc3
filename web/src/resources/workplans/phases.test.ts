import { describe, expect, it } from 'vitest';
import { phasePosition } from './phases';

// The Longgang 专项治理行动's three phases, as the demo plan has them.
const phases = [
  { startOn: '2026-09-28', endOn: '2026-10-09' },
  { startOn: '2026-10-12', endOn: '2027-07-25' },
  { startOn: '2027-07-26', endOn: '2027-08-24' },
];

describe('phasePosition', () => {
  it('is the phase the day falls in, its first and last days included', () => {
    expect(phasePosition(phases, '2026-12-07')).toEqual({ current: 1, started: true });
    expect(phasePosition(phases, '2026-09-28')).toEqual({ current: 0, started: true });
    expect(phasePosition(phases, '2027-07-25')).toEqual({ current: 1, started: true });
    expect(phasePosition(phases, '2027-07-26')).toEqual({ current: 2, started: true });
  });

  it('is the next phase in a gap between two', () => {
    expect(phasePosition(phases, '2026-10-10')).toEqual({ current: 1, started: true });
  });

  it('has not started before the first phase, and is past every phase after the last', () => {
    expect(phasePosition(phases, '2026-09-01')).toEqual({ current: 0, started: false });
    expect(phasePosition(phases, '2027-09-01')).toEqual({ current: 3, started: true });
  });
});
