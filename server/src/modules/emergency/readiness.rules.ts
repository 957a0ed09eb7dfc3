// Readiness minimums per area (L: configuration; Gaoming's register (002) counts depots, teams, experts and shelters
// per district, and asks for "regular capability checks"). Defaults: a street has at least one depot, one team, two
// experts and one shelter; the minimums apply to the area asked about as a whole.
import type { ResourceKind } from '@anjian/contracts';

export const readinessMinimums: Record<ResourceKind, number> = { depot: 1, team: 1, expert: 2, shelter: 1 };
