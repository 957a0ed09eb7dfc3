// SQL of the whole-staff responsibility list: the enterprise and its posts through the scope predicate on their own
// scope columns (an enterprise's users see their own list, officers those of their area, sector or park).
import { and, asc, eq } from 'drizzle-orm';
import { enterprises, responsibilityPosts } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';

export type PostRow = typeof responsibilityPosts.$inferSelect;

export async function findListEnterprise(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: enterprises.id, areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.id, id),
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

const scope = (actor: Actor) =>
  scopeWhere(actor, {
    areaCode: responsibilityPosts.areaCode,
    sector: responsibilityPosts.sector,
    parkId: responsibilityPosts.parkId,
    enterpriseId: responsibilityPosts.enterpriseId,
  });

export async function findPosts(db: DbOrTx, actor: Actor, enterpriseId: string) {
  return db
    .select()
    .from(responsibilityPosts)
    .where(and(eq(responsibilityPosts.enterpriseId, enterpriseId), scope(actor)))
    .orderBy(asc(responsibilityPosts.createdAt), asc(responsibilityPosts.id))
    .limit(1000);
}

export async function findPost(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<PostRow | null> {
  const q = db
    .select()
    .from(responsibilityPosts)
    .where(and(eq(responsibilityPosts.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findPostByName(db: DbOrTx, enterpriseId: string, post: string) {
  const [row] = await db
    .select({ id: responsibilityPosts.id })
    .from(responsibilityPosts)
    .where(and(eq(responsibilityPosts.enterpriseId, enterpriseId), eq(responsibilityPosts.post, post)));
  return row ?? null;
}
