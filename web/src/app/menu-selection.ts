// Which menu entries the current address belongs to: an entry's own page and the pages under it, never a sibling
// whose path merely starts with the same letters (/enforcement-stats is not under /enforcement).
export function selectedMenuPaths(paths: readonly string[], pathname: string): string[] {
  return paths.filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)));
}
