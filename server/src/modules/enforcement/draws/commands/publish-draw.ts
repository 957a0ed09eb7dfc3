// 一公开: marks a draw's result as published so GET /api/public/draws/:id serves it (masked).
import { eq } from 'drizzle-orm';
import { enforcementDraws } from '../../../../db/schema';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { notFound } from '../../../../platform/errors';
import { findDraw } from '../draws.queries';

export async function publishDraw(db: Db, actor: Actor, ip: string | null, id: string) {
  return db.transaction(async (tx) => {
    const draw = await findDraw(tx, actor, id);
    if (!draw) throw notFound();
    if (draw.published) return draw;
    await tx.update(enforcementDraws).set({ published: true, publishedAt: new Date() }).where(eq(enforcementDraws.id, id));
    await recordAudit(tx, { actor, ip }, { action: 'enforcement.draw.publish', entityType: 'enforcement_draw', entityId: id });
    return (await findDraw(tx, actor, id))!;
  });
}
