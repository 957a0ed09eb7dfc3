// SQL of the credit record: every read through the scope predicate on the enterprise's own scope columns (the credit
// rows carry copies of them), so a street officer sees its street's enterprises and an enterprise user its own.
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { CreditGradeListQuery } from '@anjian/contracts';
import { creditSummaries, enterprises } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';

export async function findCreditGrades(db: DbOrTx, actor: Actor, q: CreditGradeListQuery) {
  const parts: SQL[] = [
    scopeWhere(actor, {
      areaCode: creditSummaries.areaCode,
      sector: creditSummaries.sector,
      parkId: creditSummaries.parkId,
      enterpriseId: creditSummaries.enterpriseId,
    }),
  ];
  if (q.grade) parts.push(eq(creditSummaries.grade, q.grade));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select({
        enterpriseId: creditSummaries.enterpriseId,
        enterpriseName: enterprises.name,
        creditCode: enterprises.creditCode,
        areaCode: creditSummaries.areaCode,
        grade: creditSummaries.grade,
        score: creditSummaries.score,
        activeEntries: creditSummaries.activeEntries,
        schemeVersion: creditSummaries.schemeVersion,
        updatedAt: creditSummaries.updatedAt,
      })
      .from(creditSummaries)
      .innerJoin(enterprises, eq(enterprises.id, creditSummaries.enterpriseId))
      .where(where)
      .orderBy(desc(creditSummaries.grade), asc(creditSummaries.score), asc(creditSummaries.enterpriseId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(creditSummaries).where(where),
  ]);
  return { items, total: total!.n };
}
