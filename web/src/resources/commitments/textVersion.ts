// The version of a 承诺书 text as people read it. The server names each saved text `${sector}-${seq}` (the code's
// built-in text being 1, the first save 2); that id goes with every signature, but on screen only its number means
// anything.

/** The number at the end of a text version id ('default-1' → 1, 'hazardous_chemicals-3' → 3); null if it has none. */
export function versionNumber(version: string): number | null {
  const m = /-(\d+)$/.exec(version);
  return m ? Number(m[1]) : null;
}
