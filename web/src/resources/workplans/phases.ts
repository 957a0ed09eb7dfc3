// Where a work plan stands among its phases (动员部署 → 集中整治 → 总结提高) on a China calendar day.

export interface PhaseSpan {
  startOn: string;
  endOn: string;
}

/**
 * The Steps position of `today`: the phase it falls in, or in a gap the phase that comes next; the count of phases
 * once the last has ended (every step done). `started` is false before the first phase.
 */
export function phasePosition(phases: readonly PhaseSpan[], today: string): { current: number; started: boolean } {
  const next = phases.findIndex((p) => today <= p.endOn);
  const current = next === -1 ? phases.length : next;
  return { current, started: phases.length > 0 && today >= phases[0]!.startOn };
}
