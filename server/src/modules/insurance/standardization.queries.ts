// SQL of standardization records (the grade's history), expiring grades and the per-area rate. Records are read
// through the scope predicate on their own scope columns; expiring grades and rates read the enterprise file's
// mirrored standardization fields through the same predicate (enterprises_standardization_idx serves the rate).
import { and, asc, count, desc, eq, gte, isNotNull, isNull, like, lte, type SQL } from 'drizzle-orm';
import type { StandardizationExpiringQuery, StandardizationRecordQuery } from '@anjian/contracts';
import { enterprises, standardizationRecords } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { likePrefix, scopeWhere } from '../../platform/scope';
import { addDays } from '../../platform/time';
import { enterpriseScope } from './insurance.queries';

export type StandardizationRecordRow = typeof standardizationRecords.$inferSelect;

export const recordScope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: standardizationRecords.areaCode,
    sector: standardizationRecords.sector,
    parkId: standardizationRecords.parkId,
    enterpriseId: standardizationRecords.enterpriseId,
  });

export async function findRecords(db: DbOrTx, actor: Actor, q: StandardizationRecordQuery) {
  const where = and(recordScope(actor), q.enterpriseId ? eq(standardizationRecords.enterpriseId, q.enterpriseId) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(standardizationRecords)
      .where(where)
      .orderBy(desc(standardizationRecords.createdAt), desc(standardizationRecords.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(standardizationRecords).where(where),
  ]);
  return { items, total: total!.n };
}

/** Graded enterprises in scope whose grade ends between today and `withinDays` ahead, soonest first. */
export async function findExpiringGrades(db: DbOrTx, actor: Actor, q: StandardizationExpiringQuery, today: string) {
  const parts: (SQL | undefined)[] = [
    enterpriseScope(actor),
    isNull(enterprises.deletedAt),
    isNotNull(enterprises.standardizationGrade),
    gte(enterprises.standardizationExpiry, today),
    lte(enterprises.standardizationExpiry, addDays(today, q.withinDays)),
    q.areaCode ? like(enterprises.areaCode, likePrefix(q.areaCode)) : undefined,
  ];
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select({
        enterpriseId: enterprises.id,
        name: enterprises.name,
        areaCode: enterprises.areaCode,
        grade: enterprises.standardizationGrade,
        certifiedOn: enterprises.standardizationDate,
        expiresOn: enterprises.standardizationExpiry,
      })
      .from(enterprises)
      .where(where)
      .orderBy(asc(enterprises.standardizationExpiry), asc(enterprises.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { items, total: total!.n };
}
