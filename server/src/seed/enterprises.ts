// Deterministic generator of realistic enterprises under the loaded areas: plausible names, valid
// GB 32100 credit codes, sector mix and hazard tags by sector, coordinates around each street.
// The same seed over the same areas gives the same rows (ids included). Rows go in as one
// `INSERT … SELECT FROM json_to_recordset($1)` per batch, which loads a million rows in minutes.
import { inArray, sql } from 'drizzle-orm';
import { areas, parks } from '../db/schema';
import type { DbOrTx } from '../platform/db';
import { rowsOf } from '../platform/db';
import { CREDIT_CODE_CHARSET, completeCreditCode } from '../reference/credit-code';
import { GIVEN_CHARS, ROADS, SECTOR_PROFILES, SHOP_WORDS, SURNAMES, TRADE_NAME_CHARS, type SectorProfile } from './enterprise-profiles';

export interface SeedEnterprisesOptions {
  count: number;
  seed: number;
  /** Rows per INSERT (default 2,000). */
  batchSize?: number;
  onProgress?: (inserted: number) => void;
}

/** mulberry32: a small, fast, seedable PRNG (never Math.random, so runs repeat exactly). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[] | string): T => xs[int(xs.length)] as T;
  /** Roughly normal (sum of three uniforms), mean 0, sd 1. */
  const normal = () => (next() + next() + next() - 1.5) * 2;
  return { next, int, pick, normal, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

// 龙岗区 roughly; each street gets a fixed centre inside it and its units scatter around that centre.
const BOX = { lng: [114.05, 114.4], lat: [22.55, 22.8] } as const;
const TOTAL_WEIGHT = SECTOR_PROFILES.reduce((s, p) => s + p.weight, 0);
const OTHER_PROFILE = SECTOR_PROFILES.find((p) => p.sector === 'other')!;
// Codes are 'MA' + 7 characters of a counter scrambled by a multiplier prime to 31 (a bijection mod 31^7).
const SUBJECT_SPACE = 31 ** 7;

function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(4) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function subjectCode(i: number, seed: number): string {
  let n = (i * 7_919_993 + (seed % 1_000_003) * 104_729) % SUBJECT_SPACE;
  let s = '';
  for (let k = 0; k < 7; k++) {
    s = CREDIT_CODE_CHARSET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return `MA${s}`;
}

function pickProfile(rng: Rng): SectorProfile {
  let x = rng.next() * TOTAL_WEIGHT;
  for (const p of SECTOR_PROFILES) if ((x -= p.weight) < 0) return p;
  return SECTOR_PROFILES[0]!;
}

const person = (rng: Rng) =>
  rng.pick<string>(SURNAMES) + rng.pick<string>(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick<string>(GIVEN_CHARS) : '');
const mobile = (rng: Rng) => `1${rng.pick('3578')}${String(rng.int(1e9)).padStart(9, '0')}`;
const tradeName = (rng: Rng) => {
  const a = rng.pick<string>(TRADE_NAME_CHARS);
  let b = rng.pick<string>(TRADE_NAME_CHARS);
  while (b === a) b = rng.pick<string>(TRADE_NAME_CHARS);
  return a + b;
};
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Place {
  code: string;
  name: string;
  street: { code: string; name: string; centre: [number, number]; parkIds: string[] };
  district: string;
}

async function loadPlaces(db: DbOrTx): Promise<Place[]> {
  const all = await db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(inArray(areas.level, ['district', 'street', 'community', 'grid']))
    .orderBy(areas.code);
  const parkRows = await db.select({ id: parks.id, areaCode: parks.areaCode }).from(parks).orderBy(parks.id);
  const byCode = new Map(all.map((a) => [a.code, a]));
  const leaves = all.filter((a) => a.level === 'community' || a.level === 'grid');
  const targets = leaves.length > 0 ? leaves : all.filter((a) => a.level === 'street');
  const streets = new Map<string, Place['street']>();
  return targets.map((a) => {
    const streetCode = a.code.slice(0, 9);
    let street = streets.get(streetCode);
    if (!street) {
      const r = prng([...streetCode].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
      const inset = (lo: number, hi: number) => lo + (hi - lo) * (0.15 + 0.7 * r.next());
      street = {
        code: streetCode,
        name: byCode.get(streetCode)?.name ?? '',
        centre: [inset(...BOX.lng), inset(...BOX.lat)],
        parkIds: parkRows.filter((p) => streetCode.startsWith(p.areaCode) || p.areaCode.startsWith(streetCode)).map((p) => p.id),
      };
      streets.set(streetCode, street);
    }
    const community = a.level === 'grid' ? byCode.get(a.code.slice(0, 12)) : a;
    return { code: a.code, name: community?.name ?? a.name, street, district: byCode.get(a.code.slice(0, 6))?.name ?? '' };
  });
}

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);

function generate(rng: Rng, i: number, seed: number, place: Place) {
  const kindRoll = rng.next();
  const unitType = kindRoll < 0.12 ? 'individual' : kindRoll < 0.14 ? 'other' : 'enterprise';
  // Other organisations (training centres and the like) are filed under the sector "other".
  const profile = unitType === 'other' ? OTHER_PROFILE : pickProfile(rng);
  const [industryCode, trade] = rng.pick(profile.trades);
  const district = place.district || '龙岗区';
  const name =
    unitType === 'individual'
      ? `深圳市${district}${tradeName(rng)}${rng.pick(SHOP_WORDS[profile.sector] ?? ['商行'])}`
      : unitType === 'other'
        ? `深圳市${district}${tradeName(rng)}职业技能培训中心`
        : `深圳${rng.chance(0.75) ? '市' : `市${district}`}${tradeName(rng)}${trade}${rng.chance(0.04) ? '股份' : ''}有限公司`;
  const division = place.code.startsWith('99') ? '440307' : place.code.slice(0, 6);
  const prefix = unitType === 'individual' ? '92' : unitType === 'other' ? '52' : '91';
  const employees =
    unitType === 'individual' ? 1 + rng.int(8) : Math.max(1, Math.round(profile.medianEmployees * Math.exp(rng.normal() * 1.1)));
  const above = profile.manufacturing && employees >= 100 ? rng.chance(0.8) : rng.chance(0.02);
  const graded = profile.manufacturing || profile.sector === 'hazardous_chemicals' ? rng.next() : 1;
  const grade = graded < 0.003 ? '1' : graded < 0.02 ? '2' : graded < 0.1 ? '3' : null;
  const gradeDate = grade ? NOW - rng.int(4 * 365) * DAY : null;
  const rented = rng.chance(0.78);
  const principal = person(rng);
  const created = NOW - rng.int(6 * 365) * DAY - rng.int(DAY);
  return {
    id: uuidFrom(rng),
    name,
    former_names: rng.chance(0.04) ? [`深圳市${tradeName(rng)}${trade}有限公司`] : [],
    credit_code: completeCreditCode(`${prefix}${division}${subjectCode(i, seed)}`),
    unit_type: unitType,
    legal_representative: rng.chance(0.7) ? principal : person(rng),
    principal_name: principal,
    principal_phone: mobile(rng),
    safety_manager_name: person(rng),
    safety_manager_phone: mobile(rng),
    address: `深圳市${district}${place.street.name}${place.name}${rng.pick(ROADS)}${1 + rng.int(300)}号${rng.chance(0.6) ? `${1 + rng.int(12)}栋` : ''}`,
    area_code: place.code,
    park_id: place.street.parkIds.length > 0 && rng.chance(0.35) ? rng.pick(place.street.parkIds) : null,
    longitude: Math.min(BOX.lng[1], Math.max(BOX.lng[0], place.street.centre[0] + rng.normal() * 0.012)),
    latitude: Math.min(BOX.lat[1], Math.max(BOX.lat[0], place.street.centre[1] + rng.normal() * 0.01)),
    industry_code: industryCode,
    sector: profile.sector,
    hazard_tags: profile.tags.filter(([, p]) => rng.chance(p)).map(([t]) => t),
    scale: above ? 'above' : 'below',
    small_micro: !above && employees < 100,
    employees,
    is_key: rng.chance(0.02 + profile.keyBoost + (employees > 300 ? 0.3 : 0)),
    operating_status: rng.chance(0.93) ? 'operating' : rng.chance(0.57) ? 'suspended' : 'closed',
    premises: rented ? 'rented' : 'owned',
    landlord: rented ? (rng.chance(0.6) ? `${place.name.split('社区')[0]}股份合作公司` : `深圳市${tradeName(rng)}实业有限公司`) : null,
    standardization_grade: grade,
    standardization_date: gradeDate ? isoDay(gradeDate) : null,
    standardization_expiry: gradeDate ? isoDay(gradeDate + 3 * 365 * DAY) : null,
    three_simultaneous: rng.chance(0.85) ? 'not_applicable' : rng.chance(0.35) ? 'in_progress' : 'completed',
    created_at: new Date(created).toISOString(),
    updated_at: new Date(Math.min(NOW, created + rng.int(400) * DAY)).toISOString(),
  };
}

type Generated = ReturnType<typeof generate>;
/** Column types for json_to_recordset; every other generated column is text. */
const TYPES: Record<string, string> = {
  id: 'uuid',
  former_names: 'text[]',
  hazard_tags: 'text[]',
  park_id: 'uuid',
  longitude: 'double precision',
  latitude: 'double precision',
  employees: 'integer',
  small_micro: 'boolean',
  is_key: 'boolean',
  standardization_date: 'date',
  standardization_expiry: 'date',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

async function insertBatch(db: DbOrTx, rows: Generated[]): Promise<number> {
  const names = Object.keys(rows[0]!);
  const cols = sql.raw(names.join(', '));
  const record = sql.raw(names.map((c) => `${c} ${TYPES[c] ?? 'text'}`).join(', '));
  const result = await db.execute(sql`
    with inserted as (
      insert into enterprises (${cols})
      select ${cols} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${record})
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from inserted`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** Recounts enterprise_counts from the live rows (after a bulk load that bypassed the trigger). */
export async function rebuildEnterpriseCounts(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from enterprise_counts`);
  await db.execute(sql`
    insert into enterprise_counts (area_code, sector, park_id, is_key, n)
    select area_code, sector, coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid), is_key, count(*)::int
    from enterprises where deleted_at is null group by 1, 2, 3, 4`);
}

/** Inserts `count` generated enterprises spread over the loaded communities (or grids, or streets). */
export async function seedEnterprises(db: DbOrTx, o: SeedEnterprisesOptions): Promise<number> {
  const places = await loadPlaces(db);
  if (places.length === 0) throw new Error('no areas loaded: run init-areas first');
  const rng = prng(o.seed);
  const batchSize = o.batchSize ?? 2000;
  let inserted = 0;
  // A bulk load skips the per-row count and grid due-bucket triggers (upserts per row on a few hot rows) and the draw
  // pool's (a row per enterprise) and rebuilds all three once at the end; the triggers are back on whatever happens.
  await db.execute(sql`alter table enterprises disable trigger enterprises_counts`);
  await db.execute(sql`alter table enterprises disable trigger enterprises_grid_due_counts`);
  await db.execute(sql`alter table enterprises disable trigger enterprises_draw_pool`);
  try {
    for (let start = 0; start < o.count; start += batchSize) {
      const rows: Generated[] = [];
      for (let i = start; i < Math.min(o.count, start + batchSize); i++) rows.push(generate(rng, i, o.seed, rng.pick(places)));
      inserted += await insertBatch(db, rows);
      o.onProgress?.(inserted);
    }
  } finally {
    await db.execute(sql`alter table enterprises enable trigger enterprises_counts`);
    await db.execute(sql`alter table enterprises enable trigger enterprises_grid_due_counts`);
    await db.execute(sql`alter table enterprises enable trigger enterprises_draw_pool`);
    await rebuildEnterpriseCounts(db);
    await db.execute(sql`select grid_due_counts_rebuild()`);
    await db.execute(sql`select enterprise_draw_pool_rebuild()`);
  }
  // Fresh statistics, or the planner misjudges the search index (PGlite has no autovacuum at all).
  await db.execute(sql`analyze enterprises`);
  await db.execute(sql`analyze enterprise_draw_pool`);
  return inserted;
}
