// The enterprise's own whole-staff responsibility list (seed 004 §2): add a post with its duties, change it
// (loadForUpdate: scope, lock, version), and record the post letter signed for a year (001 八个一次: 全员岗位安全生产
// 责任书, once a year). Only the enterprise's own accounts write it; every write audited in its transaction.
import { eq, sql } from 'drizzle-orm';
import type { ResponsibilityPostBody, SignPostLetterBody, UpdateResponsibilityPostBody } from '@anjian/contracts';
import { responsibilityPosts } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError, forbidden, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findListEnterprise, findPost, findPostByName } from '../posts.queries';
import { auditPost, presentPost } from '../posts.presenter';

const duplicate = () => fieldError('post', '该岗位已在清单中', 'This post is already on the list', 'CONFLICT');

export async function addPost(db: Db, actor: Actor, ip: string | null, enterpriseId: string, input: ResponsibilityPostBody) {
  return db.transaction(async (tx) => {
    const ent = await findListEnterprise(tx, actor, enterpriseId);
    if (!ent) throw notFound();
    if (actor.enterpriseId !== ent.id) throw forbidden();
    if (await findPostByName(tx, ent.id, input.post)) throw duplicate();
    const [row] = await tx
      .insert(responsibilityPosts)
      .values({
        enterpriseId: ent.id,
        areaCode: ent.areaCode,
        sector: ent.sector,
        parkId: ent.parkId,
        post: input.post,
        holderName: input.holderName ?? null,
        duties: input.duties,
      })
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'responsibility_post.create', entityType: 'responsibility_post', entityId: row!.id, after: auditPost(row!) },
    );
    return presentPost(actor, row!);
  });
}

export async function updatePost(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateResponsibilityPostBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findPost(tx, actor, id, true),
      version: input.version,
      present: (r) => presentPost(actor, r),
    });
    if (actor.enterpriseId !== before.enterpriseId) throw forbidden();
    if (input.post && input.post !== before.post && (await findPostByName(tx, before.enterpriseId, input.post))) throw duplicate();
    const [after] = await tx
      .update(responsibilityPosts)
      .set({
        ...(input.post !== undefined ? { post: input.post } : {}),
        ...(input.holderName !== undefined ? { holderName: input.holderName } : {}),
        ...(input.duties !== undefined ? { duties: input.duties } : {}),
        version: sql`${responsibilityPosts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(responsibilityPosts.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'responsibility_post.update',
        entityType: 'responsibility_post',
        entityId: id,
        before: auditPost(before),
        after: auditPost(after!),
      },
    );
    return presentPost(actor, after!);
  });
}

export async function signPostLetter(db: Db, actor: Actor, ip: string | null, id: string, input: SignPostLetterBody, today = cstDate()) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findPost(tx, actor, id, true),
      version: input.version,
      present: (r) => presentPost(actor, r),
    });
    if (actor.enterpriseId !== before.enterpriseId) throw forbidden();
    if (input.signedOn > today) throw fieldError('signedOn', '签订日期不能晚于今天', 'The signing date cannot be in the future');
    const [after] = await tx
      .update(responsibilityPosts)
      .set({
        letterYear: Number(input.signedOn.slice(0, 4)),
        letterSignedOn: input.signedOn,
        letterSigner: input.signerName,
        version: sql`${responsibilityPosts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(responsibilityPosts.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'responsibility_post.sign',
        entityType: 'responsibility_post',
        entityId: id,
        before: auditPost(before),
        after: auditPost(after!),
      },
    );
    return presentPost(actor, after!);
  });
}
