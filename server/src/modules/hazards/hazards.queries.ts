// All SQL reading hazards, their timeline and listings. Every read a caller can reach goes through
// `hazardScope`, so hidden dangers outside their jurisdiction never appear in a board, count, register or detail.
import { and, asc, desc, eq, ilike, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { HazardListQuery } from '@anjian/contracts';
import { areas, enterprises, hazardEvents, hazardListings, hazardOpenCounts, hazardStatsMonthly, hazards } from '../../db/schema';
import { levelFor, NO_DEADLINE, overdueOpenCounts, rollupRoot, rollupsServe, rollupWhere } from './hazards.rollups';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';

export type HazardRecord = typeof hazards.$inferSelect;
export type ListingRecord = typeof hazardListings.$inferSelect;
export type HazardRow = HazardRecord & { enterpriseName: string; areaName: string | null; listing: ListingRecord | null };
export type EventRow = typeof hazardEvents.$inferSelect;

export function hazardScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    areaCode: hazards.areaCode,
    sector: hazards.sector,
    parkId: hazards.parkId,
    enterpriseId: hazards.enterpriseId,
  });
}

/** Open = rectification not yet submitted; the only states that can be overdue (workflow.isOverdue). */
export const openStates = sql`${hazards.state} in ('reported', 'rectifying')`;

/** Overdue now, written so the planner can use the partial index hazards_open_deadline_idx. */
export function overdueWhere(today: string): SQL {
  return sql`(${openStates} and ${hazards.deadline} < ${today})`;
}

function selectRows(db: DbOrTx) {
  return db
    .select({ hazard: hazards, enterpriseName: enterprises.name, areaName: areas.name, listing: hazardListings })
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .leftJoin(areas, eq(areas.code, hazards.areaCode))
    .leftJoin(hazardListings, eq(hazardListings.hazardId, hazards.id));
}

type Selected = { hazard: HazardRecord; enterpriseName: string; areaName: string | null; listing: ListingRecord | null };
const toRow = (r: Selected): HazardRow => ({ ...r.hazard, enterpriseName: r.enterpriseName, areaName: r.areaName, listing: r.listing });

export async function findHazard(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<HazardRow | null> {
  const q = selectRows(db).where(and(eq(hazards.id, id), hazardScope(actor)));
  const [row] = forUpdate ? await q.for('update', { of: hazards }) : await q;
  return row ? toRow(row) : null;
}

export async function hazardVisible(db: DbOrTx, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: hazards.id })
    .from(hazards)
    .where(and(eq(hazards.id, id), hazardScope(actor)));
  return !!row;
}

/** Filters of the board except state and overdue, which the per-state counts must ignore. */
function baseFilters(actor: Actor, q: HazardListQuery): SQL[] {
  const where = [hazardScope(actor)];
  if (q.areaCode) where.push(like(hazards.areaCode, likePrefix(areaPrefixOf(q.areaCode))));
  if (q.sector) where.push(eq(hazards.sector, q.sector));
  if (q.grade) where.push(eq(hazards.grade, q.grade));
  if (q.source) where.push(eq(hazards.source, q.source));
  if (q.enterpriseId) where.push(eq(hazards.enterpriseId, q.enterpriseId));
  if (q.listed !== undefined) where.push(q.listed ? isNotNull(hazardListings.hazardId) : isNull(hazardListings.hazardId));
  if (q.q) {
    const pattern = `%${likePrefix(q.q).slice(0, -1)}%`;
    where.push(or(ilike(hazards.description, pattern), ilike(hazards.number, pattern), ilike(enterprises.name, pattern))!);
  }
  return where;
}

/** The joins are needed only by the text search (enterprise name) and the listed filter. */
const needsJoins = (q: HazardListQuery) => !!q.q || q.listed !== undefined;

type State = 'reported' | 'rectifying' | 'awaiting_acceptance' | 'closed';

type OpenState = 'reported' | 'rectifying';

/**
 * Per state under the board's filters except state and overdue, and for the two rectification states how many
 * are overdue and how many have no deadline yet: enough to size every tier of the board.
 */
interface BoardCounts {
  byState: Record<State, number>;
  overdueByState: Record<OpenState, number>;
  noDeadlineByState: Record<OpenState, number>;
}

/**
 * The board in index-ordered tiers, each read page by page and never sorted whole: overdue (nearest deadline
 * first), awaiting acceptance (waiting longest first), being rectified within the deadline (nearest first), no
 * deadline set yet (newest first), then the closed history (newest first). The rectification tiers are ranges of
 * the open-deadline partial index, the others walk hazards_state_found_idx; tier sizes come from the counts, so
 * a page knows where it starts.
 */
export async function findHazards(db: DbOrTx, actor: Actor, q: HazardListQuery, today: string, counts?: BoardCounts) {
  const c = counts ?? (await boardCounts(db, actor, q, today));
  const tiers = boardTiers(q, c, today);
  const items: Selected[] = [];
  let skip = (q.page - 1) * q.pageSize;
  for (const tier of tiers) {
    const left = q.pageSize - items.length;
    if (left <= 0) break;
    if (skip >= tier.size) {
      skip -= tier.size;
      continue;
    }
    const where = [...baseFilters(actor, q), tier.where];
    items.push(
      ...(await selectRows(db)
        .where(and(...where))
        .orderBy(...tier.order)
        .limit(left)
        .offset(skip)),
    );
    skip = 0;
  }
  return { items: items.map(toRow), total: tiers.reduce((a, t) => a + t.size, 0) };
}

function boardTiers(q: HazardListQuery, c: BoardCounts, today: string) {
  const wanted = (s: State) => (!q.state || q.state === s) && !(q.open && s === 'closed');
  const open = (['reported', 'rectifying'] as const).filter(wanted);
  const sum = (pick: (s: OpenState) => number) => open.reduce<number>((a, s) => a + pick(s), 0);
  // One state condition per tier, written as the partial index's predicate (or one state of it), so the planner
  // both matches the index and estimates the rows right; a second, overlapping state test misleads it.
  const openIn = open.length === 2 ? sql`${hazards.state} in ('reported', 'rectifying')` : sql`${hazards.state} = ${open[0] ?? 'reported'}`;
  const rest = (n: number) => (q.overdue === true ? 0 : n);
  const byDeadline = [asc(hazards.deadline), desc(hazards.foundOn), asc(hazards.id)];
  return [
    {
      size: q.overdue === false ? 0 : sum((s) => c.overdueByState[s]),
      where: sql`${openIn} and ${hazards.deadline} < ${today}`,
      order: byDeadline,
    },
    {
      size: rest(wanted('awaiting_acceptance') ? c.byState.awaiting_acceptance : 0),
      where: sql`${hazards.state} = 'awaiting_acceptance'`,
      order: [asc(hazards.foundOn), asc(hazards.id)],
    },
    {
      size: rest(sum((s) => c.byState[s] - c.overdueByState[s] - c.noDeadlineByState[s])),
      where: sql`${openIn} and ${hazards.deadline} >= ${today}`,
      order: byDeadline,
    },
    {
      size: rest(sum((s) => c.noDeadlineByState[s])),
      where: sql`${openIn} and ${hazards.deadline} is null`,
      order: [desc(hazards.foundOn), asc(hazards.id)],
    },
    {
      size: rest(wanted('closed') ? c.byState.closed : 0),
      where: sql`${hazards.state} = 'closed'`,
      order: [desc(hazards.foundOn), desc(hazards.id)],
    },
  ];
}

/** The tab counts as the API shows them: per state, and overdue. */
export function presentBoardCounts(c: BoardCounts): Record<string, number> {
  return { ...c.byState, overdue: c.overdueByState.reported + c.overdueByState.rectifying };
}

/**
 * Counts for the board's tabs and tiers. Filters the rollups keep (scope, area, sector, grade, source) are
 * answered from them — a sum over a few thousand rows at the scope's own area level; a text search, the listed
 * filter, one enterprise or an enterprise user's own board count the (few) matching rows directly.
 */
export async function boardCounts(db: DbOrTx, actor: Actor, q: HazardListQuery, today: string): Promise<BoardCounts> {
  const c: BoardCounts = {
    byState: { reported: 0, rectifying: 0, awaiting_acceptance: 0, closed: 0 },
    overdueByState: { reported: 0, rectifying: 0 },
    noDeadlineByState: { reported: 0, rectifying: 0 },
  };
  const add = (r: { state: string; n: number; overdue: number; noDeadline: number }) => {
    if (r.state in c.byState) c.byState[r.state as State] += r.n;
    if (r.state === 'reported' || r.state === 'rectifying') {
      c.overdueByState[r.state] += r.overdue;
      c.noDeadlineByState[r.state] += r.noDeadline;
    }
  };
  const root = rollupsServe(actor) && !q.q && q.listed === undefined && !q.enterpriseId ? rollupRoot(actor, q.areaCode) : undefined;
  if (root === null) return c;
  if (root !== undefined) {
    const o = hazardOpenCounts;
    const s = hazardStatsMonthly;
    const level = levelFor(root.length);
    const openWhere = rollupWhere(actor, o, root, level);
    const closedWhere = rollupWhere(actor, s, root, level);
    for (const [col, value] of [
      ['sector', q.sector],
      ['grade', q.grade],
      ['source', q.source],
    ] as const) {
      if (!value) continue;
      openWhere.push(eq(o[col], value));
      closedWhere.push(eq(s[col], value));
    }
    const [open, [closed]] = await Promise.all([
      db
        .select({
          state: o.state,
          n: sql<number>`sum(${o.n})::int`,
          overdue: sql<number>`(coalesce(sum(${o.n}) filter (where ${overdueOpenCounts(o.state, o.deadlineKey, today)}), 0))::int`,
          noDeadline: sql<number>`(coalesce(sum(${o.n}) filter (where ${o.deadlineKey} = ${NO_DEADLINE}), 0))::int`,
        })
        .from(o)
        .where(and(...openWhere))
        .groupBy(o.state),
      db
        .select({ n: sql<number>`coalesce(sum(${s.closed}), 0)::int` })
        .from(s)
        .where(and(...closedWhere)),
    ]);
    for (const r of open) add(r);
    c.byState.closed = closed?.n ?? 0;
    return c;
  }
  const select = db
    .select({
      state: hazards.state,
      n: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${overdueWhere(today)}))::int`,
      noDeadline: sql<number>`(count(*) filter (where ${hazards.deadline} is null))::int`,
    })
    .from(hazards);
  const joined = needsJoins(q)
    ? select
        .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
        .leftJoin(hazardListings, eq(hazardListings.hazardId, hazards.id))
    : select;
  for (const r of await joined.where(and(...baseFilters(actor, q))).groupBy(hazards.state)) add(r);
  return c;
}

export async function findEvents(db: DbOrTx, hazardId: string): Promise<EventRow[]> {
  return db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, hazardId)).orderBy(asc(hazardEvents.id));
}

/** The 挂牌督办 register: not yet de-listed ones first, overdue (completion or review) first among them. */
export async function findListedHazards(db: DbOrTx, actor: Actor, q: { status?: string; page: number; pageSize: number }, today: string) {
  const overdue = sql`(${hazards.state} <> 'closed' and ${hazardListings.requiredCompletionDate} < ${today})
    or (${hazardListings.reviewAppliedOn} is not null and ${hazardListings.reviewedOn} is null and ${hazardListings.reviewDue} < ${today})`;
  const where = [hazardScope(actor), isNotNull(hazardListings.hazardId)];
  if (q.status === 'delisted') where.push(isNotNull(hazardListings.delistedOn));
  if (q.status === 'listed') where.push(and(isNull(hazardListings.delistedOn), isNull(hazardListings.reviewAppliedOn))!);
  if (q.status === 'review_applied') where.push(and(isNotNull(hazardListings.reviewAppliedOn), isNull(hazardListings.reviewedOn))!);
  if (q.status === 'reviewed') where.push(and(isNotNull(hazardListings.reviewedOn), isNull(hazardListings.delistedOn))!);
  const cond = and(...where);
  const items = await selectRows(db)
    .where(cond)
    .orderBy(
      sql`${hazardListings.delistedOn} is not null`,
      desc(sql`coalesce(${overdue}, false)`),
      asc(hazardListings.requiredCompletionDate),
      asc(hazards.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hazards)
    .innerJoin(hazardListings, eq(hazardListings.hazardId, hazards.id))
    .where(cond);
  return { items: items.map(toRow), total: total?.n ?? 0 };
}
