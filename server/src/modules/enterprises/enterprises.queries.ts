// All SQL over the enterprises table. Every read a caller can reach goes through `enterpriseScope`, so
// what lies outside their jurisdiction never appears in a list, count, search, export or lookup.
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ENTERPRISE_COUNT_CAP, ENTERPRISE_PAGE_DEPTH, type EnterpriseExportQuery, type EnterpriseListQuery } from '@anjian/contracts';
import { areas, auditLog, enterpriseCounts, enterprises, organisations, parks } from '../../db/schema';
import { rowsOf, type Db, type DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';
import { normaliseCreditCode } from '../../reference/credit-code';

export type EnterpriseRecord = typeof enterprises.$inferSelect;
export type EnterpriseRow = EnterpriseRecord & { areaName: string | null; streetName: string | null; parkName: string | null };

const streets = alias(areas, 'street_area');
const columns = { ...getTableColumns(enterprises), areaName: areas.name, streetName: streets.name, parkName: parks.name };

/** The record scope: this table carries area_code, sector and park_id itself, so no join is needed. */
export function enterpriseScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    areaCode: enterprises.areaCode,
    sector: enterprises.sector,
    parkId: enterprises.parkId,
    enterpriseId: enterprises.id,
  });
}

function withNames(db: DbOrTx) {
  return db
    .select(columns)
    .from(enterprises)
    .leftJoin(areas, eq(areas.code, enterprises.areaCode))
    .leftJoin(streets, eq(streets.code, sql`left(${enterprises.areaCode}, 9)`))
    .leftJoin(parks, eq(parks.id, enterprises.parkId));
}

/**
 * Name search. The GIN index holds character bigrams of the name and former names (migration 0002), so
 * two characters are enough; the text re-check keeps longer queries exact. A query that looks like the
 * start of a credit code also matches on it (btree prefix). `walk` is the same test without the bigrams, for a
 * plan that walks a covering sort index (0057) and tests each entry there: no function call, no heap visit.
 */
function searchWhere(q: string, plan: 'index' | 'walk' = 'index'): SQL {
  const pattern = `%${likePrefix(q).slice(0, -1)}%`; // likePrefix escapes % _ \ and appends a %
  // Chinese has no letter case: LIKE then matches exactly what ILIKE would, at a fraction of the cost per row.
  const op = q.toLowerCase() === q.toUpperCase() ? sql`like` : sql`ilike`;
  const text = or(sql`${enterprises.name} ${op} ${pattern}`, sql`array_to_string(${enterprises.formerNames}, chr(10)) ${op} ${pattern}`)!;
  const grams = sql`enterprise_search_grams(${enterprises.name}, ${enterprises.formerNames}) @> enterprise_search_grams(${q}, '{}')`;
  // Two characters are one bigram: containment is already exact, and skipping the re-check also
  // keeps the planner's row estimate honest. Longer queries need it (all bigrams ≠ the substring).
  const chars = [...q].length;
  const byName = plan === 'walk' || chars < 2 ? text : chars === 2 ? grams : and(grams, text)!;
  const code = normaliseCreditCode(q);
  // The code test comes first: rows it matches skip the costlier name re-check.
  return /^[0-9A-Z]{2,18}$/.test(code) ? or(like(enterprises.creditCode, likePrefix(code)), byName)! : byName;
}

type Filters = EnterpriseExportQuery;

function filterWhere(actor: Actor, f: Filters, plan: 'index' | 'walk' = 'index'): SQL[] {
  const where = [enterpriseScope(actor)];
  if (f.q) where.push(searchWhere(f.q, plan));
  if (f.areaCode) where.push(like(enterprises.areaCode, likePrefix(areaPrefixOf(f.areaCode))));
  if (f.sector) where.push(eq(enterprises.sector, f.sector));
  if (f.tag) where.push(sql`${enterprises.hazardTags} @> array[${f.tag}]::text[]`);
  // A bare column (not `= $1`) so the planner can use the partial index `WHERE is_key`.
  if (f.keyOnly) where.push(sql`${enterprises.isKey}`);
  if (f.parkId) where.push(eq(enterprises.parkId, f.parkId));
  return where;
}

const sorts: Record<EnterpriseListQuery['sort'], SQL[]> = {
  name: [asc(enterprises.name), asc(enterprises.id)],
  '-name': [desc(enterprises.name), desc(enterprises.id)],
  updatedAt: [asc(enterprises.updatedAt), asc(enterprises.id)],
  '-updatedAt': [desc(enterprises.updatedAt), desc(enterprises.id)],
};

/**
 * A page of the list, bounded at a million enterprises whatever the filters (issue #19, ARCHITECTURE.md):
 * - the total comes from the trigger-kept counts, or for a text or tag search from a count capped at
 *   ENTERPRISE_COUNT_CAP over the GIN index: at most that many rows are visited; a text search the planner puts at
 *   three times the cap or more is not counted (countForList);
 * - a search with fewer matches than the cap sorts its matches (their pages are the ones the count just read);
 * - everything else walks a covering sort index (migration 0057: sort key, then every column a filter reads) to
 *   the page's ids — an index-only scan, offsets included — and only those 20 rows are read whole.
 */
export async function findEnterprises(db: Db, actor: Actor, q: EnterpriseListQuery) {
  if (q.page * q.pageSize > ENTERPRISE_PAGE_DEPTH) {
    const depth = ENTERPRISE_PAGE_DEPTH.toLocaleString('en');
    throw new AppError('VALIDATION', [
      {
        field: 'page',
        zh: `只能翻阅前 ${depth} 条，请用筛选或搜索缩小范围，或导出全部`,
        en: `Paging reaches the first ${depth} rows: narrow the list with filters or a search, or export it`,
      },
    ]);
  }
  const live = q.includeDeleted ? undefined : isNull(enterprises.deletedAt);
  const where = and(...filterWhere(actor, q), live);
  const offset = (q.page - 1) * q.pageSize;
  const counted = await countForList(db, actor, q, where);
  if (q.q && !counted.totalCapped) {
    // An expression key hides the sort index, so the planner sorts the few matches instead of walking it.
    const items = await withNames(db)
      .where(where)
      .orderBy(...matchSorts[q.sort])
      .limit(q.pageSize)
      .offset(offset);
    return { items: items as EnterpriseRow[], ...counted };
  }
  const walk = async (dbx: DbOrTx) => {
    const page = dbx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(...filterWhere(actor, q, 'walk'), live))
      .orderBy(...sorts[q.sort])
      .limit(q.pageSize)
      .offset(offset)
      .as('page');
    return (await withNames(dbx)
      .innerJoin(page, eq(page.id, enterprises.id))
      .orderBy(...sorts[q.sort])) as EnterpriseRow[];
  };
  // A text search walks the sort index, one process, whatever the planner makes of `LIKE '%科技%'`: its estimate of
  // such a pattern comes from a sample of names, and one ANALYZE put 科技 at 350 matches of a million (39,402 in
  // fact), so the planner sorted a parallel scan of every row instead, compiled (800 ms against 10–40 ms); told not to
  // sort, it still split the walk over parallel workers (107 ms). Here the search is known to match over a thousand
  // rows, and the walk costs at worst one pass over the index, less than the scan it replaces.
  const settings = q.q ? await walkSettings(db) : [];
  const items = q.q
    ? await db.transaction(async (tx) => {
        if (settings.length > 0)
          await tx.execute(
            sql`select ${sql.join(
              settings.map((name) => sql`set_config(${name}::text, ${WALK_SETTINGS[name]}::text, true)`),
              sql`, `,
            )}`,
          );
        return walk(tx);
      })
    : await walk(db);
  if (!counted.estimated) return { items, total: counted.total, totalCapped: counted.totalCapped };
  // Capped on the planner's estimate: a short page is the end of the matches, which gives the exact total; an empty
  // page past the end (the estimate was wrong and the reader paged on) is counted after all.
  const end = offset + items.length;
  if (items.length < q.pageSize && (items.length > 0 || offset === 0) && end <= ENTERPRISE_COUNT_CAP)
    return { items, total: end, totalCapped: false };
  const exact = items.length === 0 ? await cappedCount(db, where) : counted;
  return { items, total: exact.total, totalCapped: exact.totalCapped };
}

/** What a text search's walk turns off for its statement (findEnterprises). */
const WALK_SETTINGS: Record<string, string> = { enable_sort: 'off', jit: 'off', max_parallel_workers_per_gather: '0' };
const walkSettingsOf = new WeakMap<Db, Promise<string[]>>();

/**
 * The WALK_SETTINGS this database has, read once per handle: PostgreSQL-derived databases name some differently
 * (openGauss has no `jit`, and sets parallelism with `query_dop`), and setting an unknown one is an error.
 */
function walkSettings(db: Db): Promise<string[]> {
  let known = walkSettingsOf.get(db);
  if (!known) {
    known = db
      .execute(
        sql`select name from pg_settings where name in (${sql.join(
          Object.keys(WALK_SETTINGS).map((n) => sql`${n}`),
          sql`, `,
        )})`,
      )
      .then((r) => rowsOf<{ name: string }>(r).map((x) => x.name));
    known.catch(() => walkSettingsOf.delete(db));
    walkSettingsOf.set(db, known);
  }
  return known;
}

const matchSorts: Record<EnterpriseListQuery['sort'], SQL[]> = {
  name: [sql`${enterprises.name} || ''`, asc(enterprises.id)],
  '-name': [sql`${enterprises.name} || '' desc`, desc(enterprises.id)],
  updatedAt: [sql`${enterprises.updatedAt} + interval '0 seconds'`, asc(enterprises.id)],
  '-updatedAt': [sql`${enterprises.updatedAt} + interval '0 seconds' desc`, desc(enterprises.id)],
};

interface ListCount {
  total: number;
  totalCapped: boolean;
  /** Capped on the planner's estimate, not counted. */
  estimated?: boolean;
}

/**
 * The list's total without counting a million rows: scope plus area/sector/park/key filters sum the
 * trigger-kept `enterprise_counts`; text and tag searches count exactly up to a cap, unless the planner puts a text
 * search far over it.
 */
async function countForList(db: DbOrTx, actor: Actor, q: EnterpriseListQuery, where: SQL | undefined): Promise<ListCount> {
  const fromCounts = !q.q && !q.tag && !q.includeDeleted && actor.scopeKind !== 'enterprise';
  if (fromCounts) {
    const c = enterpriseCounts;
    const filters = [scopeWhere(actor, { areaCode: c.areaCode, sector: c.sector, parkId: c.parkId })];
    if (q.areaCode) filters.push(like(c.areaCode, likePrefix(areaPrefixOf(q.areaCode))));
    if (q.sector) filters.push(eq(c.sector, q.sector));
    if (q.keyOnly) filters.push(eq(c.isKey, true));
    if (q.parkId) filters.push(eq(c.parkId, q.parkId));
    const [row] = await db
      .select({ n: sql<number>`coalesce(sum(${c.n}), 0)::int` })
      .from(c)
      .where(and(...filters));
    return { total: row?.n ?? 0, totalCapped: false };
  }
  // Counting even up to the cap reads the bigram index's whole posting list for the text first (the bitmap is built
  // before the heap scan can stop): 20 ms for a common two-character fragment at a million enterprises, 50 ms with a
  // street filter beside it. A search the planner puts at ESTIMATE_MARGIN times the cap or more is shown as capped
  // without counting; findEnterprises corrects the total from a short page if the estimate was wrong.
  if (q.q && (await estimatedRows(db, where)) >= ENTERPRISE_COUNT_CAP * ESTIMATE_MARGIN)
    return { total: ENTERPRISE_COUNT_CAP, totalCapped: true, estimated: true };
  return cappedCount(db, where);
}

/** How far over the cap the planner's estimate must be to be trusted without a count. */
const ESTIMATE_MARGIN = 3;

/** An exact count up to ENTERPRISE_COUNT_CAP, and whether there are more. */
async function cappedCount(db: DbOrTx, where: SQL | undefined): Promise<ListCount> {
  const capped = db
    .select({ one: sql`1` })
    .from(enterprises)
    .where(where)
    .limit(ENTERPRISE_COUNT_CAP + 1)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  const n = row?.n ?? 0;
  return n > ENTERPRISE_COUNT_CAP ? { total: ENTERPRISE_COUNT_CAP, totalCapped: true } : { total: n, totalCapped: false };
}

/**
 * The planner's estimate of the rows matching `where`, from the top line of a plain EXPLAIN (the text format every
 * PostgreSQL-derived database prints): the text's bigram frequencies come from ANALYZE's statistics of the index
 * expression, which estimate a common fragment's matches within a few percent at a million enterprises.
 */
async function estimatedRows(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const plan = rowsOf<Record<string, string>>(
    await db.execute(
      sql`explain ${db
        .select({ one: sql`1` })
        .from(enterprises)
        .where(where)}`,
    ),
  );
  const top = Object.values(plan[0] ?? {})[0] ?? '';
  return Number(/rows=(\d+)/.exec(top)?.[1] ?? 0);
}

export async function countEnterprises(db: DbOrTx, actor: Actor, f: Filters): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enterprises)
    .where(and(...filterWhere(actor, f), isNull(enterprises.deletedAt)));
  return row?.n ?? 0;
}

/**
 * Ids per keyset query of the export. The filters run once per this many rows, not once per page of rows: a text
 * search's pages of 100 each walked the primary key computing the bigrams of every row they passed (~1,900 rows and
 * 48 ms a page for 机械 among 200,000 enterprises, 3.3 s of PostgreSQL CPU for its 10,600 rows), where a page of
 * 5,000 ids takes the bigram index's bitmap and sorts its matches (42 ms). 5,000 ids are ~0.5 MB of strings.
 */
export const EXPORT_ID_PAGE = 5000;

/**
 * Pages through what the caller may see in id order, for the export: memory stays bounded. The ids come in keyset
 * pages of EXPORT_ID_PAGE under every filter; the rows in pages of `pageSize`, read by id under the scope again, so
 * a record deleted or moved out of reach between the two reads is not exported.
 */
export async function* iterateEnterprises(
  db: DbOrTx,
  actor: Actor,
  f: Filters,
  pageSize = 1000,
  idPage = EXPORT_ID_PAGE,
): AsyncGenerator<EnterpriseRow[]> {
  const base = filterWhere(actor, f);
  const live = isNull(enterprises.deletedAt);
  let after: string | null = null;
  for (;;) {
    const ids: string[] = (
      await db
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(and(...base, live, after ? gt(enterprises.id, after) : undefined))
        .orderBy(asc(enterprises.id))
        .limit(idPage)
    ).map((r) => r.id);
    for (let i = 0; i < ids.length; i += pageSize) {
      const page = (await withNames(db)
        .where(and(inArray(enterprises.id, ids.slice(i, i + pageSize)), enterpriseScope(actor), live))
        .orderBy(asc(enterprises.id))) as EnterpriseRow[];
      if (page.length > 0) yield page;
    }
    if (ids.length < idPage) return;
    after = ids[ids.length - 1]!;
  }
}

export interface FindOptions {
  forUpdate?: boolean;
  /** Soft-deleted records are found only when asked (restore, and callers who may restore). */
  includeDeleted?: boolean;
}

export async function findEnterprise(db: DbOrTx, actor: Actor, id: string, o: FindOptions = {}): Promise<EnterpriseRow | null> {
  const base = withNames(db).where(
    and(eq(enterprises.id, id), enterpriseScope(actor), o.includeDeleted ? undefined : isNull(enterprises.deletedAt)),
  );
  const [row] = o.forUpdate ? await base.for('update', { of: enterprises }) : await base;
  return (row as EnterpriseRow | undefined) ?? null;
}

/**
 * The enterprise another module's record is about, if the caller may see it: the one question every module asks
 * before it files a hazard, a person, a listing or a plan against an enterprise. No joins (callers need the row's
 * own scope columns, not names); soft-deleted enterprises take no new records unless asked.
 */
export async function findEnterpriseInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  o: { includeDeleted?: boolean } = {},
): Promise<EnterpriseRecord | null> {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseScope(actor), o.includeDeleted ? undefined : isNull(enterprises.deletedAt)));
  return row ?? null;
}

/**
 * Records holding these credit codes, whoever's they are and deleted or not: uniqueness is
 * deployment-wide. Callers check scope themselves before revealing or touching a row.
 */
export async function findByCreditCodes(db: DbOrTx, codes: string[], forUpdate = false): Promise<EnterpriseRecord[]> {
  if (codes.length === 0) return [];
  const base = db.select().from(enterprises).where(inArray(enterprises.creditCode, codes));
  return forUpdate ? base.for('update') : base;
}

export async function findAreasByCode(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select().from(areas).where(inArray(areas.code, codes));
}

export async function findParksById(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(parks).where(inArray(parks.id, ids));
}

export async function findOrganisationIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
  return rows.map((r) => r.id);
}

/** Areas and parks a caller may file enterprises under (import template lists and park-name lookups). */
export async function findScopeAreas(db: DbOrTx, actor: Actor, limit = 5000) {
  const prefix = actor.areaPrefix;
  if (!prefix) return [];
  return db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(and(like(areas.code, likePrefix(prefix)), inArray(areas.level, ['street', 'community', 'grid'])))
    .orderBy(asc(areas.code))
    .limit(limit);
}

/** Streets and communities the caller may file under, for the import's area names (grid names repeat). */
export async function findScopeNamedAreas(db: DbOrTx, actor: Actor) {
  const prefix = actor.areaPrefix;
  if (!prefix) return [];
  return db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(and(like(areas.code, likePrefix(prefix)), inArray(areas.level, ['street', 'community'])))
    .orderBy(asc(areas.code));
}

export async function findScopeParks(db: DbOrTx, actor: Actor) {
  if (actor.scopeKind === 'park') return actor.parkId ? db.select().from(parks).where(eq(parks.id, actor.parkId)) : [];
  if (!actor.areaPrefix) return [];
  return db
    .select()
    .from(parks)
    .where(like(parks.areaCode, likePrefix(actor.areaPrefix)))
    .orderBy(asc(parks.name));
}

/** The enterprise's entries in the audit log, newest first (create, edits, imports, delete, restore). */
export async function findEnterpriseHistory(db: DbOrTx, id: string, page: { page: number; pageSize: number }) {
  const where = and(eq(auditLog.entityType, 'enterprise'), eq(auditLog.entityId, id));
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
