// SQL of the 双随机 draw: the pool's weights and the weighted sample are computed in the database, so a pool of a
// million enterprises never travels to Node. Each enterprise's uniform number comes from the seed and its id alone —
// the same number reference/enforcement/draw.ts computes — and the k smallest Efraimidis–Spirakis keys −ln(u)/w are the
// sample. One pass over the pool's own narrow table, enterprise_draw_pool (not the wide enterprise table; no
// materialised pool, no sort of a million keys): per weight it counts, sums the checksum, lists the ids whose weight
// is not the common one, and keeps as candidates only the rows whose hash passes a bound that every key under a chosen
// limit passes (about a thousand rows) — the top k of those are the top k of the pool once k keys fall under the
// limit; a pass that admits fewer, or guessed the common weight wrong, is run again with a wider limit or the right
// guess.
import { and, desc, eq, getTableColumns, ne, sql, type SQL } from 'drizzle-orm';
import { enforcementDraws } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { rowsOf, type DbOrTx } from '../../../platform/db';
import { coversWhere, likePrefix, prefixRange, type Region } from '../../../platform/scope';
import { setLocalWhereKnown } from '../../../platform/planner-settings';
import {
  creditFactor,
  creditGradeFactors,
  MIX_M,
  MIX_P,
  mixKeys,
  weightSignals,
  type UniformMethod,
  type WeightTable,
} from '../../../reference/enforcement/draw';

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

/**
 * WHERE over `enterprise_draw_pool d` for a frozen scope and filter. The table holds the live, operating enterprises
 * only (kept by triggers on enterprises, migration 0063), so the scope and filter are the whole condition.
 */
function poolWhere(f: StoredFilter): SQL {
  const parts: SQL[] = [poolFilter(f, 'd')];
  if (f.tag) parts.push(sql`d.hazard_tags @> array[${f.tag}]::text[]`);
  return sql.join(parts, sql` and `);
}

/** The scope and filter over the area, sector, park and key-flag columns, of `enterprise_draw_pool` or `enterprise_counts`. */
function poolFilter(f: StoredFilter, alias: 'd' | 'c'): SQL {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  const parts: SQL[] = [];
  const s = f.scope;
  if (s.kind === 'area' && s.areaPrefix) parts.push(prefixRange(col('area_code'), s.areaPrefix));
  else if (s.kind === 'sector' && s.areaPrefix && s.sectors.length > 0) {
    parts.push(prefixRange(col('area_code'), s.areaPrefix));
    parts.push(
      sql`${col('sector')} in (${sql.join(
        s.sectors.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  } else if (s.kind === 'park' && s.parkId) parts.push(sql`${col('park_id')} = ${s.parkId}`);
  else parts.push(sql`false`);
  if (f.areaCode) parts.push(prefixRange(col('area_code'), f.areaCode));
  if (f.sector) parts.push(sql`${col('sector')} = ${f.sector}`);
  if (f.isKey !== undefined) parts.push(sql`${col('is_key')} = ${f.isKey}`);
  return sql.join(parts, sql` and `);
}

/** The 32-bit hash h of each pool member and the divisor D with u = (h + 0.5) / D, per recorded method. */
function hashOf(method: UniformMethod, seed: string): { h: SQL; d: SQL; divisor: number } {
  if (method === 'md5') {
    return { h: sql`(('x' || substr(md5(${seed} || p.id::text), 1, 8))::bit(32)::bigint)`, d: sql`4294967296.0::float8`, divisor: 2 ** 32 };
  }
  // Four rounds x ← ((x # k) · M) mod P, every value below 2^32 and every product below 2^63 (reference: mixHash).
  const [k1, k2, k3, k4] = mixKeys(seed).map((k) => sql.raw(`${k}::bigint`));
  const m = sql.raw(String(MIX_M));
  const P = sql.raw(String(MIX_P));
  // p.a and p.b are the id's words, stored with the enterprise (enterprises.draw_word_a/_b, copied into the pool table).
  const x1 = sql`(((p.a # ${k1}) * ${m}) % ${P})`;
  const x2 = sql`(((${x1} # p.b # ${k2}) * ${m}) % ${P})`;
  const x3 = sql`(((${x2} # ${k3}) * ${m}) % ${P})`;
  return { h: sql`(((${x3} # ${k4}) * ${m}) % ${P})`, d: sql.raw(`${MIX_P}.0::float8`), divisor: Number(MIX_P) };
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
 * million-row pool took longer than running it: 3.1 s of 7.2 s measured), room for the lists of exceptional ids
 * without spilling to disk, and no parallel workers (before PostgreSQL 16 the aggregates that list ids cannot be split
 * across workers, so a parallel plan funnels the million rows through Gather, which cost more than the workers saved
 * on a busy two-core server). Only settings the database has are touched (platform/planner-settings.ts).
 */
export const drawSettings = setLocalWhereKnown({ jit: 'off', work_mem: '64MB', max_parallel_workers_per_gather: '0' });

/** How the pass that finds the sample is bounded; samplePool adjusts them until the pass is exact. */
export interface SampleBounds {
  /** The weight most of the pool is expected to share: every other member's id is listed. */
  commonGuess: number;
  /** Keys below this are the candidates (Infinity: every member with a positive weight). */
  keyBound: number;
  /** The largest weight any member can have, which sets the hash bound every candidate passes. */
  heaviest: number;
}

const float = (x: number) => (Number.isFinite(x) ? sql`${x}::float8` : sql.raw(`'${x > 0 ? '' : '-'}Infinity'::float8`));

/** The one statement of a draw over a pool query yielding (id, weight, a, b); exported for EXPLAIN in the benchmark. */
export function sampleSql(pool: SQL, method: UniformMethod, seed: string, k: number, bounds: SampleBounds, weightsInto?: string): SQL {
  const { h, d, divisor } = hashOf(method, seed);
  const guess = float(bounds.commonGuess);
  const bound = float(bounds.keyBound);
  // key < bound ⇔ (h + ½)/D > e^(−bound·w) ≥ 1 − bound·w ≥ 1 − bound·heaviest, so every member whose key is under the
  // bound has h above D·(1 − bound·heaviest) − ½ (one less for rounding): an integer test per row, no logarithm; keys
  // are computed for the candidates only. OFFSET 0 keeps h a column computed once per row, not copied into each filter.
  const floor = Number.isFinite(bounds.keyBound) ? Math.floor(divisor * (1 - bounds.keyBound * bounds.heaviest) - 0.5) - 1 : -1;
  const candidate = sql`p.h > ${Math.max(-1, floor)}::bigint`;
  return sql`
      with h as (
        select p.weight, count(*) as n, sum(p.a) as a,
               string_agg(p.id::text, ',') filter (where p.weight <> ${guess}) as ids,
               array_agg(p.id) filter (where ${candidate}) as cid,
               array_agg(p.h) filter (where ${candidate}) as ch
        from (select p.id, p.weight, p.a, ${h} as h from (${pool}) p offset 0) p
        group by p.weight),
      c as (
        select c.id, h.weight, -ln((c.h::float8 + 0.5) / ${d}) / h.weight as key
        from h cross join lateral unnest(h.cid, h.ch) as c(id, h) where h.weight > 0),
      common as (select weight from h order by n desc, weight limit 1)${
        // A draw's exceptions can run to megabytes: written into its row here rather than sent to Node and back.
        weightsInto
          ? sql`,
      stored as (
        update enforcement_draws set pool_weights = jsonb_build_object(
          'common', ${guess},
          'idsByWeight', (select coalesce(jsonb_object_agg(weight, ids), '{}'::jsonb) from h where ids is not null))
        where id = ${weightsInto} returning 1)`
          : sql``
      }
      select
        (select json_build_object(
           'count', coalesce(sum(n), 0),
           'positive', coalesce(sum(n) filter (where weight > 0), 0),
           'total', coalesce(sum(weight * n), 0),
           'checksum', coalesce(sum(a), 0)::text,
           'common', (select weight from common),
           'admitted', (select count(*) from c where c.key < ${bound}))
         from h) as agg,
        ${weightsInto ? sql`null::json` : sql`(select coalesce(json_object_agg(weight, ids), '{}'::json) from h where ids is not null)`} as weights,
        (select json_agg(x order by x.key, x.id) from (
           select s.id, e.name, e.area_code as "areaCode", s.weight, s.key
           from (select c.id, c.weight, c.key from c order by c.key, c.id limit ${k}) s
           join enterprises e on e.id = s.id) x) as top`;
}

interface SampleRow {
  agg: { count: number; positive: number; total: number; checksum: string; common: number | null; admitted: number };
  weights: Record<string, string> | null;
  top: DrawSqlResult['top'] | null;
}

/**
 * Runs the pass until it is exact: at least k candidates with a key under the limit (or every member with a positive
 * weight), so the k smallest keys among the candidates are the k smallest of the pool. The ids listed are those whose
 * weight is not the guessed common one — an exact record whatever the guess, but short only when the guess is the most
 * common weight, so a wrong guess (say, a new deployment where every enterprise is still uninspected) is corrected by
 * one more pass, twice at most (the pool could change between passes); the limit widens until it admits everyone.
 */
export async function samplePool(
  db: DbOrTx,
  pool: SQL,
  method: UniformMethod,
  seed: string,
  k: number,
  first: SampleBounds,
  weightsInto?: string,
): Promise<DrawSqlResult> {
  let bounds = first;
  for (let guesses = 0; ;) {
    const [row] = await db.transaction(async (tx) => {
      await tx.execute(drawSettings);
      return rowsOf<SampleRow>(await tx.execute(sampleSql(pool, method, seed, k, bounds, weightsInto)));
    });
    const agg = row!.agg;
    const common = Number(agg.common ?? bounds.commonGuess);
    const enough = Number(agg.admitted) >= Math.min(k, Number(agg.positive));
    const reguess = common !== bounds.commonGuess && guesses < 2;
    if (enough && !reguess) {
      return {
        poolCount: Number(agg.count),
        poolWeightTotal: Number(agg.total),
        poolChecksum: String(agg.checksum),
        poolWeights: { common: bounds.commonGuess, idsByWeight: row!.weights ?? {} },
        top: (row!.top ?? []).map((t) => ({ ...t, weight: Number(t.weight), key: Number(t.key) })),
      };
    }
    if (reguess) guesses++;
    bounds = { ...bounds, commonGuess: reguess ? common : bounds.commonGuess, keyBound: enough ? bounds.keyBound : widen(bounds.keyBound) };
  }
}

/** The next bound after one that admitted too few: 256 times wider, then everything. */
const widen = (bound: number) => (bound > 1e6 ? Infinity : bound * 256);

/**
 * The first key bound: with W the pool's total weight, about bound · W members have a key below the bound, so
 * bound = m / (estimated members · smallest positive weight) admits about m or more. The estimate counts the live
 * enterprises of the scope and filter (enterprise_counts, no tag); an estimate far too high only costs a rerun.
 */
function firstBound(estimatedMembers: number, w: { smallest: number }, k: number): number {
  const m = Math.max(1024, 32 * k);
  if (estimatedMembers <= 0 || w.smallest <= 0) return Infinity;
  return m / (estimatedMembers * w.smallest);
}

/**
 * Weights from the live signals (the published weight table applied to each enterprise), then the sample. The signals
 * (never inspected, recently penalised, open major hidden danger, red/orange risk, recent accident, credit grade) are
 * mirrored onto enterprises by triggers where they are written (migration 0023) and from there into the pool table
 * (migration 0063), so a draw neither de-duplicates millions of inspections nor joins anything to its million members.
 */
/** With `weightsInto` (a draw's id), the pool's weights are written into that draw's row and not returned. */
export async function drawInSql(
  db: DbOrTx,
  f: StoredFilter,
  w: WeightTable,
  seed: string,
  k: number,
  method: UniformMethod,
  weightsInto?: string,
) {
  const estimate = await estimatePoolSize(db, f);
  const factors = creditGradeFactors.map((g) => w[g] ?? 1);
  const heaviest =
    (w.base +
      Math.max(0, w.redRisk, w.orangeRisk) +
      [w.openMajorHazard, w.recentAccident, w.recentPenalty, w.neverInspected].reduce((a, x) => a + Math.max(0, x), 0)) *
    Math.max(...factors);
  return samplePool(
    db,
    livePoolSql(f, w),
    method,
    seed,
    k,
    {
      // Most enterprises show no signal and have no credit entries (the A factor).
      commonGuess: w.base * creditFactor(w, null),
      keyBound: firstBound(estimate, { smallest: smallestPositiveWeight(w) }, k),
      heaviest,
    },
    weightsInto,
  );
}

/**
 * The least weight a member with a positive weight can have: the base (or the least signal when the base is 0) times
 * the least credit factor.
 */
function smallestPositiveWeight(w: WeightTable): number {
  const least = Math.min(...creditGradeFactors.map((g) => w[g] ?? 1));
  if (w.base > 0) return w.base * least;
  const positive = weightSignals.map((s) => w.base + w[s]).filter((x) => x > 0);
  return positive.length > 0 ? Math.min(...positive) * least : 0;
}

/** Live enterprises under the scope and filter from the trigger-kept counts (tags and operating status not counted). */
async function estimatePoolSize(db: DbOrTx, f: StoredFilter): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select coalesce(sum(c.n), 0)::float8 as n from enterprise_counts c where ${poolFilter(f, 'c')}`),
  );
  return Number(row?.n ?? 0);
}

/**
 * The pool with each member's weight from its live signals (mirrored onto enterprises and into the pool table), and
 * the id's words: the additive risk weight times the credit grade's factor (reference weightOf; no grade = the A
 * factor).
 */
export function livePoolSql(f: StoredFilter, w: WeightTable): SQL {
  const since = sql`(${f.asOf}::date - 365)`;
  const factor = (g: string | null) => sql`${creditFactor(w, g)}::float8`;
  return sql`
    select d.id, d.draw_word_a as a, d.draw_word_b as b,
      (case d.credit_grade when 'B' then ${factor('B')} when 'C' then ${factor('C')} when 'D' then ${factor('D')} else ${factor('A')} end)
      * (${w.base}::float8
        + case when d.open_major_hazard then ${w.openMajorHazard}::float8 else 0 end
        + case d.risk_level when 'major' then ${w.redRisk}::float8 when 'significant' then ${w.orangeRisk}::float8 else 0 end
        + case when d.last_accident_at >= ${since}::timestamptz then ${w.recentAccident}::float8 else 0 end
        + case when d.enforcement_last_decided_on >= ${since} then ${w.recentPenalty}::float8 else 0 end
        + case when not d.enforcement_inspected then ${w.neverInspected}::float8 else 0 end) as weight
    from enterprise_draw_pool d
    where ${poolWhere(f)}`;
}

/** The same sample from the recorded weights: the pool is the recorded filter over today's rows. */
export function redrawFromSnapshot(
  db: DbOrTx,
  f: StoredFilter,
  weights: PoolWeights,
  seed: string,
  k: number,
  method: UniformMethod,
  recordedCount: number,
) {
  // The exceptions (often a hundred thousand: every never-inspected enterprise) are hash-joined, not looked up one by one.
  const pool = sql`
    select d.id, d.draw_word_a as a, d.draw_word_b as b, coalesce(x.weight, ${weights.common}::float8) as weight
    from enterprise_draw_pool d
    left join (select key::uuid as id, value::text::float8 as weight from jsonb_each(${JSON.stringify(weights.exceptions ?? {})}::jsonb)
               union all
               select unnest(string_to_array(w.value, ','))::uuid, w.key::float8
               from json_each_text(${JSON.stringify(weights.idsByWeight ?? {})}::json) w) x on x.id = d.id
    where ${poolWhere(f)}`;
  const all = [weights.common, ...new Set(exceptionWeights(weights).values())].filter((x) => x > 0);
  const smallest = all.length > 0 ? Math.min(...all) : 0;
  return samplePool(db, pool, method, seed, k, {
    commonGuess: weights.common,
    keyBound: firstBound(recordedCount, { smallest }, k),
    heaviest: all.length > 0 ? Math.max(...all) : 0,
  });
}

/**
 * A draw as read for display: everything but the pool's recorded weights, which can run to megabytes (every
 * exceptional id of a million-enterprise pool) and are read only to verify (drawPoolWeights).
 */
const { poolWeights: _poolWeights, ...drawColumns } = getTableColumns(enforcementDraws);
export type DrawRow = Omit<typeof enforcementDraws.$inferSelect, 'poolWeights'>;

export async function drawPoolWeights(db: DbOrTx, id: string): Promise<PoolWeights> {
  const [row] = await db.select({ w: enforcementDraws.poolWeights }).from(enforcementDraws).where(eq(enforcementDraws.id, id));
  return row!.w as PoolWeights;
}

export async function findDraw(db: DbOrTx, actor: Actor, id: string): Promise<DrawRow | null> {
  const [row] = await db
    .select(drawColumns)
    .from(enforcementDraws)
    .where(and(eq(enforcementDraws.id, id), drawScope(actor)));
  return row ?? null;
}

/**
 * A draw is visible only to callers whose scope covers its whole pool: a list of who was drawn, the pool's size and
 * checksum say something about every member, so a street officer must not read a district department's draw that
 * reaches into other streets (issue 12). The same predicate serves the list, one draw, verify and publish.
 */
function drawScope(actor: Actor): SQL {
  return coversWhere(actor, {
    areaCode: enforcementDraws.poolAreaCode,
    sectors: enforcementDraws.poolSectors,
    parkId: enforcementDraws.poolParkId,
  });
}

/**
 * The region a draw's pool lies in, from the drawer's frozen scope and the filter (see poolFilter): the longer of the
 * scope's area (for a park station, the park's area: a park's enterprises lie under it) and the filter's area when
 * one contains the other; the filter's sector, else a sector department's sectors; a park station's park.
 */
export function poolRegion(f: StoredFilter, parkAreaCode: string | null): Region {
  const s = f.scope;
  const scopeArea = s.kind === 'park' ? (parkAreaCode ?? '') : (s.areaPrefix ?? '');
  const areaCode = f.areaCode && f.areaCode.startsWith(scopeArea) ? f.areaCode : scopeArea;
  const sectors = f.sector ? [f.sector] : s.kind === 'sector' ? [...s.sectors] : null;
  return { areaCode, sectors, parkId: s.kind === 'park' ? s.parkId : null };
}

export async function findDraws(db: DbOrTx, actor: Actor, q: { page: number; pageSize: number }) {
  const where = drawScope(actor);
  const items = await db
    .select(drawColumns)
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
    .select(drawColumns)
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
export async function previousPairs(db: DbOrTx, orgId: string | null, current: string): Promise<Set<string>> {
  if (!orgId) return new Set();
  const [last] = await db
    .select({ result: enforcementDraws.result })
    .from(enforcementDraws)
    .where(and(eq(enforcementDraws.orgId, orgId), ne(enforcementDraws.id, current)))
    .orderBy(desc(enforcementDraws.createdAt))
    .limit(1);
  const out = new Set<string>();
  for (const r of (last?.result ?? []) as { enterpriseId: string; inspectorIds: string[] }[]) {
    for (const i of r.inspectorIds) out.add(`${i}|${r.enterpriseId}`);
  }
  return out;
}
