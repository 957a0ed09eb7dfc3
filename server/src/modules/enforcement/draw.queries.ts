// SQL of the 双随机 draw: the pool's weights and the weighted sample are computed in the database, so a pool of a
// million enterprises never travels to Node. The uniform of each enterprise is md5(seed || id) — the same number
// reference/enforcement/draw.ts computes — and the k smallest Efraimidis–Spirakis keys −ln(u)/w are the sample.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { enforcementDraws } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { likePrefix } from '../../platform/scope';
import type { WeightTable } from '../../reference/enforcement/draw';

/** The drawer's record scope, frozen into the draw so a verifier with another scope recomputes the same pool. */
export interface PoolScope {
  kind: Actor['scopeKind'];
  areaPrefix: string | null;
  sectors: string[];
  parkId: string | null;
}

export interface PoolFilter {
  areaCode?: string;
  sector?: string;
  tag?: string;
  isKey?: boolean;
}

export interface StoredFilter extends PoolFilter {
  scope: PoolScope;
  /** Signals are read as of this day (recent = the 365 days before it). */
  asOf: string;
}

export function poolScopeOf(actor: Actor): PoolScope {
  return { kind: actor.scopeKind, areaPrefix: actor.areaPrefix, sectors: actor.sectors, parkId: actor.parkId };
}

/** WHERE over `enterprises e` for a frozen scope and filter: live, operating enterprises only. */
function poolWhere(f: StoredFilter): SQL {
  const parts: SQL[] = [sql`e.deleted_at is null`, sql`e.operating_status = 'operating'`];
  const s = f.scope;
  if (s.kind === 'area' && s.areaPrefix) parts.push(sql`e.area_code like ${likePrefix(s.areaPrefix)}`);
  else if (s.kind === 'sector' && s.areaPrefix && s.sectors.length > 0) {
    parts.push(sql`e.area_code like ${likePrefix(s.areaPrefix)}`);
    parts.push(
      sql`e.sector in (${sql.join(
        s.sectors.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  } else if (s.kind === 'park' && s.parkId) parts.push(sql`e.park_id = ${s.parkId}`);
  else parts.push(sql`false`);
  if (f.areaCode) parts.push(sql`e.area_code like ${likePrefix(f.areaCode)}`);
  if (f.sector) parts.push(sql`e.sector = ${f.sector}`);
  if (f.tag) parts.push(sql`e.hazard_tags @> array[${f.tag}]::text[]`);
  if (f.isKey !== undefined) parts.push(sql`e.is_key = ${f.isKey}`);
  return sql.join(parts, sql` and `);
}

const uniform = (seed: string) =>
  sql`((('x' || substr(md5(${seed} || p.id::text), 1, 8))::bit(32)::bigint)::float8 + 0.5) / 4294967296.0::float8`;
// The ids are random (v4) UUIDs, so their first 32 bits serve the checksum without hashing a million rows again.
const idHash = sql`(('x' || left(p.id::text, 8))::bit(32)::bigint)`;

/**
 * The pool's weights as recorded: the most common weight, and every member whose weight differs from it. Usually
 * a few percent of the pool carry a risk signal, so a million-enterprise pool records only those few.
 */
export interface PoolWeights {
  common: number;
  exceptions: Record<string, number>;
}

export interface DrawSqlResult {
  poolCount: number;
  poolWeightTotal: number;
  poolChecksum: string;
  poolWeights: PoolWeights;
  top: { id: string; name: string; areaCode: string; weight: number; key: number }[];
}

async function runSample(db: DbOrTx, pool: SQL, seed: string, k: number): Promise<DrawSqlResult> {
  // The pool holds (id, weight) only, so the materialised rows stay narrow; one GROUP BY weight gives the count, the
  // total, the checksum and the common weight; names are joined for the k selected rows alone.
  const [row] = rowsOf<{
    agg: { count: number; total: number; checksum: string; common: number | null };
    weights: Record<string, number>;
    top: DrawSqlResult['top'] | null;
  }>(
    await db.execute(sql`
      with pool as materialized (${pool}),
      hist as (select p.weight, count(*) as n, sum(${idHash}) as h from pool p group by p.weight),
      common as (select weight from hist order by n desc, weight limit 1)
      select
        (select json_build_object(
           'count', coalesce(sum(n), 0),
           'total', coalesce(sum(weight * n), 0),
           'checksum', coalesce(sum(h), 0)::text,
           'common', (select weight from common))
         from hist) as agg,
        (select coalesce(jsonb_object_agg(p.id, p.weight), '{}'::jsonb) from pool p where p.weight <> (select weight from common)) as weights,
        (select json_agg(x order by x.key, x.id) from (
           select s.id, e.name, e.area_code as "areaCode", s.weight, s.key
           from (select p.id, p.weight, -ln(${uniform(seed)}) / p.weight as key
                 from pool p where p.weight > 0
                 order by key, p.id limit ${k}) s
           join enterprises e on e.id = s.id) x) as top`),
  );
  const agg = row!.agg;
  return {
    poolCount: Number(agg.count),
    poolWeightTotal: Number(agg.total),
    poolChecksum: String(agg.checksum),
    poolWeights: { common: Number(agg.common ?? 0), exceptions: row!.weights },
    top: (row!.top ?? []).map((t) => ({ ...t, weight: Number(t.weight), key: Number(t.key) })),
  };
}

/** Weights from the live signals (the published weight table applied to each enterprise), then the sample. */
export function drawInSql(db: DbOrTx, f: StoredFilter, w: WeightTable, seed: string, k: number) {
  const since = sql`(${f.asOf}::date - 365)`;
  const pool = sql`
    select e.id,
      (${w.base}::float8
        + case when mh.enterprise_id is not null then ${w.openMajorHazard}::float8 else 0 end
        + case rs.level when 'major' then ${w.redRisk}::float8 when 'significant' then ${w.orangeRisk}::float8 else 0 end
        + case when ac.enterprise_id is not null then ${w.recentAccident}::float8 else 0 end
        + case when pc.enterprise_id is not null then ${w.recentPenalty}::float8 else 0 end
        + case when ins.enterprise_id is null then ${w.neverInspected}::float8 else 0 end) as weight
    from enterprises e
    left join (select distinct enterprise_id from hazards where grade = 'major' and state <> 'closed') mh on mh.enterprise_id = e.id
    left join enterprise_risk_summary rs on rs.enterprise_id = e.id
    left join (select distinct enterprise_id from accidents
               where enterprise_id is not null and occurred_at >= ${since}::timestamptz) ac on ac.enterprise_id = e.id
    left join (select distinct enterprise_id from penalty_cases where decided_on >= ${since}) pc on pc.enterprise_id = e.id
    left join (select distinct enterprise_id from inspections where state = 'done') ins on ins.enterprise_id = e.id
    where ${poolWhere(f)}`;
  return runSample(db, pool, seed, k);
}

/** The same sample from the recorded weights: the pool is the recorded filter over today's rows. */
export function redrawFromSnapshot(db: DbOrTx, f: StoredFilter, weights: PoolWeights, seed: string, k: number) {
  const pool = sql`
    select e.id, coalesce((${JSON.stringify(weights.exceptions)}::jsonb ->> e.id::text)::float8, ${weights.common}::float8) as weight
    from enterprises e where ${poolWhere(f)}`;
  return runSample(db, pool, seed, k);
}

export type DrawRow = typeof enforcementDraws.$inferSelect;

export async function findDraw(db: DbOrTx, actor: Actor, id: string): Promise<DrawRow | null> {
  const [row] = await db
    .select()
    .from(enforcementDraws)
    .where(and(eq(enforcementDraws.id, id), drawScope(actor)));
  return row ?? null;
}

/** Draws are visible to staff whose jurisdiction contains the drawing organisation's area, and to the drawer's subtree. */
function drawScope(actor: Actor): SQL {
  if (!actor.areaPrefix) return sql`false`;
  return sql`(${enforcementDraws.areaCode} like ${likePrefix(actor.areaPrefix)} or ${actor.areaPrefix} like ${enforcementDraws.areaCode} || '%')`;
}

export async function findDraws(db: DbOrTx, actor: Actor, q: { page: number; pageSize: number }) {
  const where = drawScope(actor);
  const items = await db
    .select()
    .from(enforcementDraws)
    .where(where)
    .orderBy(desc(enforcementDraws.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementDraws)
    .where(where);
  return { items, total: c?.n ?? 0 };
}

export async function findPublishedDraw(db: DbOrTx, id: string): Promise<DrawRow | null> {
  const [row] = await db
    .select()
    .from(enforcementDraws)
    .where(and(eq(enforcementDraws.id, id), eq(enforcementDraws.published, true)));
  return row ?? null;
}

/** Law-enforcement staff of the jurisdiction who can be sent out, with their organisation's area. */
export async function findInspectorCandidates(db: DbOrTx, areaPrefix: string) {
  return rowsOf<{ id: string; displayName: string; orgAreaCode: string }>(
    await db.execute(sql`
      select u.id, u.display_name as "displayName", o.area_code as "orgAreaCode"
      from users u join organisations o on o.id = u.org_id
      where u.status = 'active' and u.role in ('district_officer', 'street_officer', 'industry_officer', 'park_officer')
        and o.area_code like ${likePrefix(areaPrefix)}
      order by u.id`),
  );
}

/** The inspector–enterprise pairs of this organisation's previous draw, which must not be repeated. */
export async function previousPairs(db: DbOrTx, orgId: string | null): Promise<Set<string>> {
  if (!orgId) return new Set();
  const [last] = await db
    .select({ result: enforcementDraws.result })
    .from(enforcementDraws)
    .where(eq(enforcementDraws.orgId, orgId))
    .orderBy(desc(enforcementDraws.createdAt))
    .limit(1);
  const out = new Set<string>();
  for (const r of (last?.result ?? []) as { enterpriseId: string; inspectorIds: string[] }[]) {
    for (const i of r.inspectorIds) out.add(`${i}|${r.enterpriseId}`);
  }
  return out;
}
