// All SQL reading hazards, their timeline and listings. Every read a caller can reach goes through
// `hazardScope`, so hidden dangers outside their jurisdiction never appear in a board, count, register or detail.
import { and, asc, desc, eq, ilike, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { HazardListQuery } from '@anjian/contracts';
import { areas, enterprises, hazardEvents, hazardListings, hazardStatsMonthly, hazards } from '../../db/schema';
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

function countFrom(db: DbOrTx, q: HazardListQuery) {
  const base = db.select({ n: sql<number>`count(*)::int` }).from(hazards);
  return needsJoins(q)
    ? base
        .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
        .leftJoin(hazardListings, eq(hazardListings.hazardId, hazards.id))
    : base;
}

/**
 * The supervision board: overdue first (nearest deadline first), then the rest by nearest deadline, then the
 * newest. Read as two index-ordered tiers — overdue rows from the partial index on open deadlines, the rest
 * from hazards_board_idx — so a page never sorts the whole jurisdiction's history.
 */
export async function findHazards(db: DbOrTx, actor: Actor, q: HazardListQuery, today: string, counts?: Record<string, number>) {
  const where = baseFilters(actor, q);
  if (q.state) where.push(eq(hazards.state, q.state));
  const overdue = overdueWhere(today);
  const offset = (q.page - 1) * q.pageSize;
  const [overdueTotal] =
    q.overdue === false
      ? [{ n: 0 }]
      : await countFrom(db, q)
          .where(and(...where, overdue))
          .then((rows) => [{ n: rows.reduce((a, r) => a + r.n, 0) }]);
  const nOverdue = overdueTotal?.n ?? 0;
  const items: Selected[] = [];
  if (offset < nOverdue) {
    items.push(
      ...(await selectRows(db)
        .where(and(...where, overdue))
        .orderBy(asc(hazards.deadline), desc(hazards.foundOn), asc(hazards.id))
        .limit(q.pageSize)
        .offset(offset)),
    );
  }
  const left = q.pageSize - items.length;
  if (left > 0 && q.overdue !== true) {
    items.push(
      ...(await selectRows(db)
        .where(and(...where, sql`not coalesce(${overdue}, false)`))
        .orderBy(sql`${hazards.deadline} asc nulls last`, sql`${hazards.foundOn} desc nulls last`, asc(hazards.id))
        .limit(left)
        .offset(Math.max(0, offset - nOverdue))),
    );
  }
  return { items: items.map(toRow), total: await boardTotal(db, actor, q, today, nOverdue, counts) };
}

/** The board's total from the per-state counts already computed for its tabs, where they answer it. */
async function boardTotal(db: DbOrTx, actor: Actor, q: HazardListQuery, today: string, nOverdue: number, counts?: Record<string, number>) {
  if (q.overdue === true && !q.state) return nOverdue;
  const byState = counts ?? (await countHazardsByState(db, actor, q, today));
  if (q.overdue === undefined) {
    return q.state ? (byState[q.state] ?? 0) : STATES.reduce((a, s) => a + (byState[s] ?? 0), 0);
  }
  if (q.overdue === false && !q.state) return STATES.reduce((a, s) => a + (byState[s] ?? 0), 0) - nOverdue;
  const where = baseFilters(actor, q);
  if (q.state) where.push(eq(hazards.state, q.state));
  where.push(q.overdue ? overdueWhere(today) : sql`not coalesce(${overdueWhere(today)}, false)`);
  const rows = await countFrom(db, q).where(and(...where));
  return rows.reduce((a, r) => a + r.n, 0);
}

const STATES = ['reported', 'rectifying', 'awaiting_acceptance', 'closed'] as const;
const OPEN_OR_WAITING = sql`${hazards.state} in ('reported', 'rectifying', 'awaiting_acceptance')`;

/**
 * Per-state counts and the overdue count for the board's tabs, under the same scope and filters. Open rows
 * are counted directly (few, through the state index); closed ones — most of the history — come from the
 * maintained statistics rollup when the filters are ones it keeps.
 */
export async function countHazardsByState(db: DbOrTx, actor: Actor, q: HazardListQuery, today: string): Promise<Record<string, number>> {
  const base = baseFilters(actor, q);
  const rollupAnswers = !q.q && q.listed === undefined && !q.enterpriseId;
  const select = db
    .select({
      state: hazards.state,
      n: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${overdueWhere(today)}))::int`,
    })
    .from(hazards);
  const joined = needsJoins(q)
    ? select
        .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
        .leftJoin(hazardListings, eq(hazardListings.hazardId, hazards.id))
    : select;
  const open = await joined.where(and(...base, rollupAnswers ? OPEN_OR_WAITING : undefined)).groupBy(hazards.state);
  const counts: Record<string, number> = { reported: 0, rectifying: 0, awaiting_acceptance: 0, closed: 0, overdue: 0 };
  for (const r of open) {
    counts[r.state] = r.n;
    counts.overdue! += r.overdue;
  }
  if (rollupAnswers) counts.closed = await closedFromRollup(db, actor, q);
  return counts;
}

async function closedFromRollup(db: DbOrTx, actor: Actor, q: HazardListQuery): Promise<number> {
  const r = hazardStatsMonthly;
  const where = [scopeWhere(actor, { areaCode: r.areaCode, sector: r.sector, parkId: r.parkKey })];
  if (q.areaCode) where.push(like(r.areaCode, likePrefix(areaPrefixOf(q.areaCode))));
  if (q.sector) where.push(eq(r.sector, q.sector));
  if (q.grade) where.push(eq(r.grade, q.grade));
  if (q.source) where.push(eq(r.source, q.source));
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${r.closed}), 0)::int` })
    .from(r)
    .where(and(...where));
  return row?.n ?? 0;
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

/** The enterprise a new hazard belongs to, if the caller may see it (deleted enterprises take no new hazards). */
export async function findEnterpriseForHazard(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(
      and(
        eq(enterprises.id, id),
        isNull(enterprises.deletedAt),
        scopeWhere(actor, {
          areaCode: enterprises.areaCode,
          sector: enterprises.sector,
          parkId: enterprises.parkId,
          enterpriseId: enterprises.id,
        }),
      ),
    );
  return row ?? null;
}
