// 责任单位 text → organisations of the plan's area. A unit matches an organisation by its name or short name, with
// or without the places in front (the table writes 安监局 and 区安监局 for one bureau; the organisation may be
// registered as 深圳市龙岗区安监局). A collective (各街道办,
// 各相关部门) names every street office or industry department of the area; a collective lead makes one task per
// member, each reporting for itself. A name that matches nothing, or more than one organisation, is a problem the
// preview lists — never dropped silently.
import type { TableProblem, TableRow } from './plan-table';
import { parseResponsibility, type UnitRef } from './plan-table.rules';

export interface OrgRef {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
}
export interface ResolvedRow {
  row: TableRow;
  leadIds: string[];
  coIds: string[];
}

/** A name without the places it starts with (深圳市龙岗区应急管理局 → 应急管理局; 区安监局 → 安监局). */
function keyOf(places: string[]) {
  const prefixes = [...places, '区', '市', '县'].filter(Boolean).sort((a, b) => b.length - a.length);
  return (raw: string) => {
    let s = raw.replace(/\s+/g, '');
    for (let found = true; found;) {
      const p = prefixes.find((x) => s.startsWith(x) && s.length > x.length);
      found = p !== undefined;
      if (p) s = s.slice(p.length);
    }
    return s;
  };
}
const COLLECTIVE_KINDS = { streets: ['street_office'], departments: ['industry_department'] } as const;

/** places: the names of the plan's area and the areas above it (广东省, 深圳市, 龙岗区). */
export function unitResolver(orgs: OrgRef[], places: string[] = []) {
  const key = keyOf(places);
  const byKey = new Map<string, OrgRef[]>();
  const add = (k: string, o: OrgRef) => {
    const list = byKey.get(k) ?? [];
    if (!list.includes(o)) list.push(o);
    byKey.set(k, list);
  };
  for (const o of orgs) {
    for (const n of [o.name, o.shortName]) {
      if (!n) continue;
      add(n.replace(/\s+/g, ''), o);
      add(key(n), o);
    }
  }
  return (ref: UnitRef): { ids: string[]; problem?: { zh: string; en: string } } => {
    if ('collective' in ref) {
      const kinds: readonly string[] = COLLECTIVE_KINDS[ref.collective];
      const ids = orgs.filter((o) => kinds.includes(o.kind)).map((o) => o.id);
      return ids.length
        ? { ids }
        : { ids, problem: { zh: `“${ref.name}”在本辖区没有对应单位`, en: `“${ref.name}” matches no organisation in the area` } };
    }
    const exact = byKey.get(ref.name.replace(/\s+/g, '')) ?? byKey.get(key(ref.name)) ?? [];
    if (exact.length === 1) return { ids: [exact[0]!.id] };
    if (exact.length > 1)
      return { ids: [], problem: { zh: `“${ref.name}”对应多个单位`, en: `“${ref.name}” matches several organisations` } };
    return { ids: [], problem: { zh: `未知单位“${ref.name}”`, en: `Unknown organisation “${ref.name}”` } };
  };
}

export function resolveRows(
  rows: TableRow[],
  orgs: OrgRef[],
  places: string[] = [],
): { resolved: ResolvedRow[]; problems: TableProblem[] } {
  const resolve = unitResolver(orgs, places);
  const problems: TableProblem[] = [];
  const resolved = rows.map((row) => {
    if (!row.responsibility) return { row, leadIds: [], coIds: [] };
    const { lead, co } = parseResponsibility(row.responsibility);
    const note = (p?: { zh: string; en: string }) => p && problems.push({ row: row.row, field: 'responsibility', ...p });
    if (!lead) {
      problems.push({ row: row.row, field: 'responsibility', zh: '未写明牵头单位', en: 'No lead unit is named' });
      return { row, leadIds: [], coIds: [] };
    }
    const l = resolve(lead);
    note(l.problem);
    const coIds = new Set<string>();
    for (const c of co) {
      const r = resolve(c);
      note(r.problem);
      r.ids.forEach((id) => coIds.add(id));
    }
    return { row, leadIds: l.ids, coIds: [...coIds] };
  });
  return { resolved, problems };
}
