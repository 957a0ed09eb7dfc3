// "Nearest": resources of a kind ranked by great-circle distance from a point, computed in the database. A bounding
// box around the point (exact for a spherical cap: ±r/R in latitude, ±asin(sin(r/R)/cos φ) in longitude) is the
// prefilter served by the (kind, lat, lng) index; the haversine distance then filters to the radius and orders. The
// radius grows (10 km, 40 km, the maximum) until enough are found, so a dense district stays on a small box.
// Filters: depots holding an item with enough usable (non-expired) stock, teams of a type, shelters with capacity.
// A routing provider (road distance or travel time) plugs in behind DistanceProvider and re-ranks the candidates.
import { sql, type SQL } from 'drizzle-orm';
import type { NearestQuery, ResourceKind, TeamType } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { phoneFor } from '../../platform/masking';
import { resourceScope } from './resources.queries';

export const EARTH_RADIUS_M = 6_371_008.8;

export interface LngLat {
  lng: number;
  lat: number;
}

export interface Candidate extends LngLat {
  id: string;
  distanceM: number;
}

/** How distances are measured and ranked. The straight line is computed in SQL; a routing provider re-ranks. */
export interface DistanceProvider {
  measure: string;
  /** How many straight-line candidates to hand to `rank` for `limit` results (a road route is never shorter). */
  candidates(limit: number): number;
  rank<T extends Candidate>(origin: LngLat, candidates: T[], limit: number): Promise<T[]>;
}

export const straightLine: DistanceProvider = {
  measure: 'straight_line',
  candidates: (limit) => limit,
  rank: async (_origin, candidates, limit) => candidates.slice(0, limit),
};

/** Haversine distance in metres (the reference the SQL expression must agree with). */
export function haversineM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The smallest lng/lat box holding every point within `radiusM` of `o`. */
export function boundingBox(o: LngLat, radiusM: number) {
  const ang = radiusM / EARTH_RADIUS_M;
  const dLat = (ang * 180) / Math.PI;
  const s = Math.sin(ang) / Math.cos((o.lat * Math.PI) / 180);
  const dLng = s >= 1 ? 180 : (Math.asin(s) * 180) / Math.PI;
  return { latMin: o.lat - dLat, latMax: o.lat + dLat, lngMin: o.lng - dLng, lngMax: o.lng + dLng };
}

export function distanceSql(o: LngLat): SQL {
  return sql`(2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(emergency_resources.lat - ${o.lat}::float8) / 2), 2)
    + cos(radians(${o.lat}::float8)) * cos(radians(emergency_resources.lat)) * power(sin(radians(emergency_resources.lng - ${o.lng}::float8) / 2), 2)))))`;
}

export interface NearestFilter {
  kind: ResourceKind;
  itemCode?: string;
  quantity?: number;
  teamType?: TeamType;
  capacity?: number;
  today: string;
}

interface NearestRow {
  id: string;
  kind: string;
  name: string;
  lng: number;
  lat: number;
  distanceM: number;
  usable: number | null;
  teamType: string | null;
  capacity: number | null;
  contactName: string | null;
  contactPhone: string | null;
}

async function within(db: DbOrTx, actor: Actor, o: LngLat, f: NearestFilter, radiusM: number, limit: number): Promise<NearestRow[]> {
  const box = boundingBox(o, radiusM);
  const dist = distanceSql(o);
  const usable = f.itemCode
    ? sql`(select coalesce(sum(s.on_hand), 0) from emergency_stock s where s.depot_id = emergency_resources.id
             and s.item_code = ${f.itemCode} and (s.expires_on is null or s.expires_on >= ${f.today}::date))::int`
    : sql`null::int`;
  const parts: SQL[] = [
    sql`emergency_resources.kind = ${f.kind}`,
    sql`emergency_resources.lat between ${box.latMin}::float8 and ${box.latMax}::float8`,
    sql`emergency_resources.lng between ${box.lngMin}::float8 and ${box.lngMax}::float8`,
    resourceScope(actor),
  ];
  if (f.teamType) parts.push(sql`emergency_resources.team_type = ${f.teamType}`);
  if (f.capacity) parts.push(sql`emergency_resources.capacity >= ${f.capacity}::int`);
  if (f.kind === 'team' || f.kind === 'expert' || f.kind === 'shelter') parts.push(sql`emergency_resources.available`);
  const result = await db.execute(sql`
    select * from (
      select emergency_resources.id, emergency_resources.kind, emergency_resources.name, emergency_resources.lng,
             emergency_resources.lat, ${dist} as "distanceM", ${usable} as usable, emergency_resources.team_type as "teamType",
             emergency_resources.capacity, emergency_resources.contact_name as "contactName",
             emergency_resources.contact_phone as "contactPhone"
        from emergency_resources
       where ${sql.join(parts, sql` and `)}
    ) x
    where x."distanceM" <= ${radiusM}::float8 ${f.itemCode ? sql`and x.usable >= ${f.quantity ?? 1}::int` : sql``}
    order by x."distanceM", x.id
    limit ${limit}::int`);
  return rowsOf<NearestRow>(result).map((r) => ({ ...r, distanceM: Number(r.distanceM), lng: Number(r.lng), lat: Number(r.lat) }));
}

export async function findNearest(
  db: DbOrTx,
  actor: Actor,
  origin: LngLat,
  f: NearestFilter,
  q: Pick<NearestQuery, 'maxKm' | 'limit'>,
  provider: DistanceProvider = straightLine,
) {
  const maxM = q.maxKm * 1000;
  const want = provider.candidates(q.limit);
  const radii = [...new Set([10_000, 40_000, maxM].map((r) => Math.min(r, maxM)))].sort((a, b) => a - b);
  let rows: NearestRow[] = [];
  for (const r of radii) {
    rows = await within(db, actor, origin, f, r, want);
    if (rows.length >= want) break;
  }
  const ranked = await provider.rank(origin, rows, q.limit);
  return {
    origin,
    measure: provider.measure,
    items: ranked.map((r) => ({
      id: r.id,
      kind: r.kind as ResourceKind,
      name: r.name,
      lng: r.lng,
      lat: r.lat,
      distanceM: Math.round(r.distanceM * 10) / 10,
      usable: r.usable === null ? null : Number(r.usable),
      teamType: r.teamType as TeamType | null,
      capacity: r.capacity,
      contactName: r.contactName,
      contactPhone: phoneFor(actor, { kind: 'emergencyContact' }, r.contactPhone),
    })),
  };
}
