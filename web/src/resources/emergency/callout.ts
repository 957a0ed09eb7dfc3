// 出动队伍配置's table as the page edits it: which incident kinds differ from a given table (the one saved, or the
// documented defaults) and which have no team type chosen (the server refuses those; the page says so before saving).
// Order counts: the call-out tells the teams in the listed order, and the incident's timeline follows it.
import { incidentKinds, type IncidentKind, type TeamType } from '@anjian/contracts';

export type CalloutTable = Record<IncidentKind, TeamType[]>;

const same = (a: readonly TeamType[], b: readonly TeamType[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function changedKinds(value: CalloutTable, base: CalloutTable): IncidentKind[] {
  return incidentKinds.filter((k) => !same(value[k], base[k]));
}

export function emptyKinds(value: CalloutTable): IncidentKind[] {
  return incidentKinds.filter((k) => value[k].length === 0);
}
