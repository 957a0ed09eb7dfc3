// Which menu entries the current address belongs to: an entry's own page and the pages under it, never a sibling
// whose path merely starts with the same letters (/enforcement-stats is not under /enforcement).

/**
 * Records that live under another entry's path: a penalty case opens at /enforcement/cases/… (the enforcement
 * routes hold it beside the inspections) but belongs to 行政处罚 (/penalties), the list it is opened from.
 */
const recordHomes: readonly (readonly [prefix: string, entry: string])[] = [['/enforcement/cases', '/penalties']];

const under = (pathname: string, p: string) => pathname === p || pathname.startsWith(`${p}/`);

export function selectedMenuPaths(paths: readonly string[], pathname: string): string[] {
  const home = recordHomes.find(([prefix, entry]) => under(pathname, prefix) && paths.includes(entry));
  if (home) return [home[1]];
  return paths.filter((p) => (p === '/' ? pathname === '/' : under(pathname, p)));
}
