// All SQL over the accident registry and its child tables. Every read a caller can reach goes through
// `accidentScope`, so an accident outside their jurisdiction never appears in a list, count or lookup.
import { and, asc, count, desc, eq, getTableColumns, gte, ilike, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import type { AccidentListQuery } from '@anjian/contracts';
import {
  accidentFollowUps,
  accidentInvestigations,
  accidentReports,
  accidentRevisions,
  accidents,
  areas,
  enterprises,
} from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { areaPrefixOf, likePrefix, scopeWhere } from '../../platform/scope';
import { cstStartOfDay, addDays } from '../../platform/time';

export type AccidentRecord = typeof accidents.$inferSelect;
export type AccidentRow = AccidentRecord & { areaName: string | null; enterpriseName: string | null };
export type ReportRow = typeof accidentReports.$inferSelect;
export type FollowUpRow = typeof accidentFollowUps.$inferSelect;
export type RevisionRow = typeof accidentRevisions.$inferSelect;
export type InvestigationRow = typeof accidentInvestigations.$inferSelect;

const columns = { ...getTableColumns(accidents), areaName: areas.name, enterpriseName: enterprises.name };

/** The record scope: the row carries area, sector, park and enterprise itself, so no join is needed. */
export function accidentScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    areaCode: accidents.areaCode,
    sector: accidents.sector,
    parkId: accidents.parkId,
    enterpriseId: accidents.enterpriseId,
  });
}

function withNames(db: DbOrTx) {
  return db
    .select(columns)
    .from(accidents)
    .leftJoin(areas, eq(areas.code, accidents.areaCode))
    .leftJoin(enterprises, eq(enterprises.id, accidents.enterpriseId));
}

/** Calendar filters are China days: `to` is inclusive. */
function listWhere(actor: Actor, q: Partial<AccidentListQuery>): SQL {
  const where = [accidentScope(actor)];
  if (q.year) {
    where.push(gte(accidents.occurredAt, cstStartOfDay(`${q.year}-01-01`)), lt(accidents.occurredAt, cstStartOfDay(`${q.year + 1}-01-01`)));
  }
  if (q.from) where.push(gte(accidents.occurredAt, cstStartOfDay(q.from)));
  if (q.to) where.push(lt(accidents.occurredAt, cstStartOfDay(addDays(q.to, 1))));
  if (q.areaCode) where.push(like(accidents.areaCode, likePrefix(areaPrefixOf(q.areaCode))));
  if (q.category) where.push(eq(accidents.category, q.category));
  if (q.level) where.push(eq(accidents.level, q.level));
  if (q.enterpriseId) where.push(eq(accidents.enterpriseId, q.enterpriseId));
  if (q.q) {
    const pattern = `%${likePrefix(q.q).slice(0, -1)}%`;
    where.push(or(ilike(accidents.address, pattern), ilike(accidents.unitName, pattern), ilike(enterprises.name, pattern))!);
  }
  return and(...where)!;
}

export async function findAccidents(db: DbOrTx, actor: Actor, q: AccidentListQuery) {
  const where = listWhere(actor, q);
  const [items, [total]] = await Promise.all([
    withNames(db)
      .where(where)
      .orderBy(desc(accidents.occurredAt), desc(accidents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(accidents).leftJoin(enterprises, eq(enterprises.id, accidents.enterpriseId)).where(where),
  ]);
  return { items: items as AccidentRow[], total: total?.n ?? 0 };
}

export async function findAccident(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<AccidentRow | null> {
  const base = withNames(db).where(and(eq(accidents.id, id), accidentScope(actor)));
  const [row] = forUpdate ? await base.for('update', { of: accidents }) : await base;
  return (row as AccidentRow | undefined) ?? null;
}

export async function findReports(db: DbOrTx, accidentIds: string[]): Promise<Map<string, ReportRow[]>> {
  const out = new Map<string, ReportRow[]>();
  if (accidentIds.length === 0) return out;
  const rows = await db.select().from(accidentReports).where(inArray(accidentReports.accidentId, accidentIds));
  for (const r of rows) out.set(r.accidentId, [...(out.get(r.accidentId) ?? []), r]);
  return out;
}

export async function findFollowUps(db: DbOrTx, accidentId: string): Promise<FollowUpRow[]> {
  return db.select().from(accidentFollowUps).where(eq(accidentFollowUps.accidentId, accidentId)).orderBy(asc(accidentFollowUps.due));
}

export async function findRevisions(db: DbOrTx, accidentId: string): Promise<RevisionRow[]> {
  return db.select().from(accidentRevisions).where(eq(accidentRevisions.accidentId, accidentId)).orderBy(asc(accidentRevisions.id));
}

export async function findInvestigation(db: DbOrTx, accidentId: string, forUpdate = false): Promise<InvestigationRow | null> {
  const base = db.select().from(accidentInvestigations).where(eq(accidentInvestigations.accidentId, accidentId));
  const [row] = forUpdate ? await base.for('update') : await base;
  return row ?? null;
}

export async function findArea(db: DbOrTx, code: string) {
  const [row] = await db.select().from(areas).where(eq(areas.code, code));
  return row ?? null;
}

/** The enterprise an accident names; deleted ones too, since an accident may close a business. */
export async function findEnterpriseForAccident(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return row ?? null;
}
