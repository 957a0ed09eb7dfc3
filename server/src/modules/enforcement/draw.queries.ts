// SQL of the 双随机 draw: the pool's weights and the weighted sample are computed in the database, so a pool of a
// million enterprises never travels to Node. Each enterprise's uniform number comes from the seed and its id alone —
// the same number reference/enforcement/draw.ts computes — and the k smallest Efraimidis–Spirakis keys −ln(u)/w are the
// sample. One pass over the pool computes (id, weight, id word, hash); the count, total, checksum, common weight,
// exceptions and the top k are then read from that narrow materialised pool, names joined for the k selected only.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { enforcementDraws } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { likePrefix } from '../../platform/scope';
import { MIX_M, MIX_P, mixKeys, type UniformMethod, type WeightTable } from '../../reference/enforcement/draw';
import { hazardStates } from '../../reference/hazards/workflow';

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

/**
 * Byte i of the UUID as an integer, from `u` = uuid_send(id) (the id's 16 bytes, no text conversion, which costs more
 * than the hash), computed once per row in the pool's innermost select.
 */
const byte = (i: number) => sql.raw(`get_byte(p.u, ${i})::bigint`);
/** Bytes 0–3 and 12–15 of the id as unsigned 32-bit integers (reference: idWords). */
const wordA = sql`((${byte(0)} << 24) | (${byte(1)} << 16) | (${byte(2)} << 8) | ${byte(3)})`;
const wordB = sql`((${byte(12)} << 24) | (${byte(13)} << 16) | (${byte(14)} << 8) | ${byte(15)})`;

/** The 32-bit hash h of each pool member and the divisor D with u = (h + 0.5) / D, per recorded method. */
function hashOf(method: UniformMethod, seed: string): { h: SQL; d: SQL } {
  if (method === 'md5') {
    return { h: sql`(('x' || substr(md5(${seed} || p.id::text), 1, 8))::bit(32)::bigint)`, d: sql`4294967296.0::float8` };
  }
  // Four rounds x ← ((x # k) · M) mod P, every value below 2^32 and every product below 2^63 (reference: mixHash).
  const [k1, k2, k3, k4] = mixKeys(seed).map((k) => sql.raw(`${k}::bigint`));
  const m = sql.raw(String(MIX_M));
  const P = sql.raw(String(MIX_P));
  // p.a is wordA, computed once a level below (OFFSET 0 keeps the planner from inlining it twice).
  const x1 = sql`(((p.a # ${k1}) * ${m}) % ${P})`;
  const x2 = sql`(((${x1} # ${wordB} # ${k2}) * ${m}) % ${P})`;
  const x3 = sql`(((${x2} # ${k3}) * ${m}) % ${P})`;
  return { h: sql`(((${x3} # ${k4}) * ${m}) % ${P})`, d: sql.raw(`${MIX_P}.0::float8`) };
}

/**
 * The pool's weights as recorded: the most common weight, and every member whose weight differs from it. Usually
 * most of the pool shares one weight, but the exceptions can still be a fifth of a million-enterprise pool (every
 * never-inspected or recently penalised one), so current draws keep them as one comma-separated id list per weight
 * (`idsByWeight`: cheap to aggregate, store and split again); the first draws kept an id → weight map (`exceptions`).
 */
export interface PoolWeights {
  common: number;
  exceptions?: Record<string, number>;
  idsByWeight?: Record<string, string>;
}

/** Every recorded exception as id → weight, whichever form the draw kept. */
export function exceptionWeights(w: PoolWeights): Map<string, number> {
  const out = new Map<string, number>(Object.entries(w.exceptions ?? {}));
  for (const [weight, ids] of Object.entries(w.idsByWeight ?? {})) for (const id of ids.split(',')) if (id) out.set(id, Number(weight));
  return out;
}

export interface DrawSqlResult {
  poolCount: number;
  poolWeightTotal: number;
  poolChecksum: string;
  poolWeights: PoolWeights;
  top: { id: string; name: string; areaCode: string; weight: number; key: number }[];
}

/**
 * For the draw's one big statement, in its own transaction: no JIT (compiling and optimising the plan of a
 * million-row pool took longer than running it: 3.1 s of 7.2 s measured), room for the hash of the marks without
 * spilling to disk, and no parallel workers (the million pool rows funnelled back through Gather cost more than the
 * workers saved on a busy two-core server). Only settings the database has are touched, so a database without JIT runs it unchanged.
 */
export const drawSettings = sql`select set_config(s.name, s.value, true)
  from (values ('jit', 'off'), ('work_mem', '64MB'), ('max_parallel_workers_per_gather', '0')) s(name, value)
  where exists (select 1 from pg_settings p where p.name = s.name)`;

/** The one statement of a draw over a pool query yielding (id, weight); exported for EXPLAIN in the benchmark. */
export function sampleSql(pool: SQL, method: UniformMethod, seed: string, k: number): SQL {
  const { h, d } = hashOf(method, seed);
  return sql`
      with pool as materialized (
        select p.id, p.weight, p.a, ${h} as h
        from (select p.id, p.weight, p.u, ${wordA} as a
              from (select p.id, p.weight, uuid_send(p.id) as u from (${pool}) p offset 0) p offset 0) p),
      hist as (select p.weight, count(*) as n, sum(p.a) as a from pool p group by p.weight),
      common as (select weight from hist order by n desc, weight limit 1)
      select
        (select json_build_object(
           'count', coalesce(sum(n), 0),
           'total', coalesce(sum(weight * n), 0),
           'checksum', coalesce(sum(a), 0)::text,
           'common', (select weight from common))
         from hist) as agg,
        (select coalesce(json_object_agg(x.weight, x.ids), '{}'::json) from (
           select p.weight, string_agg(p.id::text, ',') as ids
           from pool p where p.weight <> (select weight from common) group by p.weight) x) as weights,
        (select json_agg(x order by x.key, x.id) from (
           select s.id, e.name, e.area_code as "areaCode", s.weight, s.key
           from (select p.id, p.weight, -ln((p.h::float8 + 0.5) / ${d}) / p.weight as key
                 from pool p where p.weight > 0
                 order by key, p.id limit ${k}) s
           join enterprises e on e.id = s.id) x) as top`;
}

async function runSample(db: DbOrTx, pool: SQL, method: UniformMethod, seed: string, k: number): Promise<DrawSqlResult> {
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(drawSettings);
    return rowsOf<{
      agg: { count: number; total: number; checksum: string; common: number | null };
      weights: Record<string, string>;
      top: DrawSqlResult['top'] | null;
    }>(await tx.execute(sampleSql(pool, method, seed, k)));
  });
  const agg = row!.agg;
  return {
    poolCount: Number(agg.count),
    poolWeightTotal: Number(agg.total),
    poolChecksum: String(agg.checksum),
    poolWeights: { common: Number(agg.common ?? 0), idsByWeight: row!.weights },
    top: (row!.top ?? []).map((t) => ({ ...t, weight: Number(t.weight), key: Number(t.key) })),
  };
}

/** The hidden-danger states before closure: the same list as hazards_open_area_idx's predicate, so it can serve. */
const openHazardStates = sql.raw(
  hazardStates
    .filter((x) => x !== 'closed')
    .map((x) => `'${x}'`)
    .join(', '),
);

/**
 * Weights from the live signals (the published weight table applied to each enterprise), then the sample. The three
 * sparse signals (open major hidden danger, recent accident, red/orange risk) come from small sets unioned and
 * grouped once; inspections and penalties from enterprise_enforcement_marks, one row per enterprise kept by
 * triggers, so no draw de-duplicates millions of inspections.
 */
export function drawInSql(db: DbOrTx, f: StoredFilter, w: WeightTable, seed: string, k: number, method: UniformMethod) {
  return runSample(db, livePoolSql(f, w), method, seed, k);
}

/** The pool with each member's weight from the live signals. */
export function livePoolSql(f: StoredFilter, w: WeightTable): SQL {
  const since = sql`(${f.asOf}::date - 365)`;
  return sql`
    select e.id,
      (${w.base}::float8
        + case when s.major_hazard then ${w.openMajorHazard}::float8 else 0 end
        + case when s.red then ${w.redRisk}::float8 when s.orange then ${w.orangeRisk}::float8 else 0 end
        + case when s.accident then ${w.recentAccident}::float8 else 0 end
        + case when m.last_decided_on >= ${since} then ${w.recentPenalty}::float8 else 0 end
        + case when coalesce(m.inspections_done, 0) = 0 then ${w.neverInspected}::float8 else 0 end) as weight
    from enterprises e
    left join (
      select enterprise_id, bool_or(sig = 1) as major_hazard, bool_or(sig = 2) as red, bool_or(sig = 3) as orange,
             bool_or(sig = 4) as accident
      from (
        select enterprise_id, 1 as sig from hazards where grade = 'major' and state in (${openHazardStates})
        union all
        select enterprise_id, case level when 'major' then 2 else 3 end from enterprise_risk_summary
        where level in ('major', 'significant')
        union all
        select enterprise_id, 4 from accidents where enterprise_id is not null and occurred_at >= ${since}::timestamptz
      ) x group by enterprise_id) s on s.enterprise_id = e.id
    left join enterprise_enforcement_marks m on m.enterprise_id = e.id
    where ${poolWhere(f)}`;
}

/** The same sample from the recorded weights: the pool is the recorded filter over today's rows. */
export function redrawFromSnapshot(db: DbOrTx, f: StoredFilter, weights: PoolWeights, seed: string, k: number, method: UniformMethod) {
  // The exceptions (often a hundred thousand: every never-inspected enterprise) are hash-joined, not looked up one by one.
  const pool = sql`
    select e.id, coalesce(x.weight, ${weights.common}::float8) as weight
    from enterprises e
    left join (select key::uuid as id, value::text::float8 as weight from jsonb_each(${JSON.stringify(weights.exceptions ?? {})}::jsonb)
               union all
               select unnest(string_to_array(w.value, ','))::uuid, w.key::float8
               from json_each_text(${JSON.stringify(weights.idsByWeight ?? {})}::json) w) x on x.id = e.id
    where ${poolWhere(f)}`;
  return runSample(db, pool, method, seed, k);
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
