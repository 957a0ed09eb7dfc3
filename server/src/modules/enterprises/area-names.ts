// The import's area column by name: 坂田 or 坂田街道 (or a community's name) resolves to its code among the areas the
// caller may file under; a name shared by several areas, or none, is answered with the choices instead of a guess.
// Grids are left out: their generated names repeat in every community.
import type { Bilingual } from '@anjian/contracts';

export interface ScopeArea {
  code: string;
  name: string;
  level: string;
}

export type AreaMatch = { ok: true; code: string } | { ok: false; message: Bilingual };

const SUFFIX = /(街道办事处|街道办|街道|社区居民委员会|社区居委会|社区|镇|乡)$/u;
const LEVEL_RANK: Record<string, number> = { street: 0, community: 1 };
const MAX_CHOICES = 12;

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const stem = (s: string) => clean(s).replace(SUFFIX, '');
const listed = (areas: ScopeArea[]) => {
  const shown = areas.slice(0, MAX_CHOICES).map((a) => `${a.name}（${a.code}）`);
  return `${shown.join('、')}${areas.length > MAX_CHOICES ? ` 等 ${areas.length} 个` : ''}`;
};

/** Builds the lookup once per import from the caller's areas (streets and communities). */
export function areaByName(scopeAreas: readonly ScopeArea[]): (input: string) => AreaMatch {
  const named = scopeAreas.filter((a) => a.level in LEVEL_RANK);
  const streets = named.filter((a) => a.level === 'street');
  return (input) => {
    const wanted = clean(input);
    const exact = named.filter((a) => clean(a.name) === wanted);
    let found = exact.length > 0 ? exact : named.filter((a) => stem(a.name) === stem(wanted));
    // 坂田 names both 坂田街道 and a 坂田社区 inside it: the street is meant, as its own name is the shorter one.
    if (found.length > 1 && exact.length === 0) {
      const top = Math.min(...found.map((a) => LEVEL_RANK[a.level]!));
      const atTop = found.filter((a) => LEVEL_RANK[a.level] === top);
      if (atTop.length === 1) found = atTop;
    }
    if (found.length === 1) return { ok: true, code: found[0]!.code };
    if (found.length > 1) {
      const choices = listed(found);
      return {
        ok: false,
        message: {
          zh: `“${input}”对应多个区划，请改填代码：${choices}`,
          en: `"${input}" names several areas; give the code: ${choices}`,
        },
      };
    }
    const choices = listed(streets);
    return {
      ok: false,
      message: {
        zh: `管辖范围内没有名为“${input}”的街道或社区${streets.length ? `；可选街道：${choices}` : ''}`,
        en: `No street or community named "${input}" in your jurisdiction${streets.length ? `; streets: ${choices}` : ''}`,
      },
    };
  };
}
