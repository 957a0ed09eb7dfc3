// The public list of published 双随机 draws (一公开): newest first, paged on the server; each draw's result is read
// through GET /api/public/draws/:id.
import { desc, eq, sql } from 'drizzle-orm';
import { enforcementDraws } from '../../../db/schema';
import type { DbOrTx } from '../../../platform/db';
import { cstIso } from '../../../platform/time';

export async function findPublishedDraws(db: DbOrTx, q: { page: number; pageSize: number }) {
  const where = eq(enforcementDraws.published, true);
  const rows = await db
    .select({
      id: enforcementDraws.id,
      title: enforcementDraws.title,
      orgName: enforcementDraws.orgName,
      poolCount: enforcementDraws.poolCount,
      selected: sql<number>`jsonb_array_length(${enforcementDraws.result})::int`,
      publishedAt: enforcementDraws.publishedAt,
    })
    .from(enforcementDraws)
    .where(where)
    .orderBy(desc(enforcementDraws.publishedAt), desc(enforcementDraws.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementDraws)
    .where(where);
  return {
    items: rows.map((r) => ({ ...r, publishedAt: r.publishedAt ? cstIso(r.publishedAt) : null })),
    total: c?.n ?? 0,
  };
}
