// 举报 routing (issue 15 item 3, configuration): a report goes to the street, industry department or park responsible
// for its location and category. The most specific active rule wins: the longest area prefix matching the location's
// area code, then a rule naming the report's category over one for every category, then the higher priority (then the
// older rule, so the answer is stable). No rule matching = the default: the location's own area (no sector, no park).

export interface RoutingRule {
  id: string;
  areaPrefix: string;
  category: string | null;
  targetAreaCode: string;
  targetSector: string | null;
  targetParkId: string | null;
  priority: number;
  active: boolean;
  createdAt: Date;
}

export interface Route {
  areaCode: string;
  sector: string | null;
  parkId: string | null;
  /** The rule applied; null for the default route. */
  ruleId: string | null;
}

export function chooseRule<R extends RoutingRule>(rules: readonly R[], areaCode: string, category: string): R | null {
  const fits = rules.filter((r) => r.active && areaCode.startsWith(r.areaPrefix) && (r.category === null || r.category === category));
  fits.sort(
    (a, b) =>
      b.areaPrefix.length - a.areaPrefix.length ||
      Number(b.category !== null) - Number(a.category !== null) ||
      b.priority - a.priority ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return fits[0] ?? null;
}

export function routeOf(rule: RoutingRule | null, areaCode: string): Route {
  return rule
    ? { areaCode: rule.targetAreaCode, sector: rule.targetSector, parkId: rule.targetParkId, ruleId: rule.id }
    : { areaCode, sector: null, parkId: null, ruleId: null };
}

/** Every prefix (2 digits and longer) of an area code: the rule lookup is an IN over these on the prefix index. */
export function prefixesOf(areaCode: string): string[] {
  const out: string[] = [];
  for (let n = 2; n <= areaCode.length; n++) out.push(areaCode.slice(0, n));
  return out;
}
