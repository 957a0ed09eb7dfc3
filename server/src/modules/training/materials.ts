// 课件: course materials (documents and MP4 videos) attached to a training session — the course as held, or the online
// course of 互联网+培训 (seeds 000, 001). Stored like every upload (platform/files.ts: type from the bytes, size limits,
// readable only through the owner), owned by the session (`training_session`), so whoever may read the session —
// its learners' enterprise accounts, the officers in scope — may open them. Its owner adds and removes them: the
// account that created the session, or for an enterprise's own session that enterprise's accounts. Audited.
import { can, type MaterialView } from '@anjian/contracts';
import { eq } from 'drizzle-orm';
import { files } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { forbidden, notFound } from '../../platform/errors';
import { claimFiles, deleteOwnedFile, filesOwnedBy, removeStored, storeUpload, type FileRow, type Upload } from '../../platform/files';
import type { ImageSettings } from '../../platform/thumbnails';
import { findSession, type SessionRow } from './training.queries';

export const MATERIAL_OWNER = 'training_session';
const owner = (sessionId: string) => ({ type: MATERIAL_OWNER, id: sessionId });

export function ownsSession(actor: Actor, s: Pick<SessionRow, 'createdBy' | 'enterpriseId'>): boolean {
  if (!can(actor.role, 'training.manage')) return false;
  return s.createdBy === actor.id || (!!s.enterpriseId && actor.enterpriseId === s.enterpriseId);
}

const present = (f: FileRow, mayRemove: boolean): MaterialView => ({
  id: f.id,
  name: f.originalName,
  mime: f.mime,
  kind: f.kind as MaterialView['kind'],
  size: f.size,
  uploadedAt: f.createdAt.toISOString(),
  abilities: mayRemove ? ['remove'] : [],
});

export async function listMaterials(db: DbOrTx, actor: Actor, sessionId: string) {
  const session = await findSession(db, actor, sessionId);
  if (!session) throw notFound();
  const mine = ownsSession(actor, session);
  return { items: (await filesOwnedBy(db, owner(sessionId))).map((f) => present(f, mine)), canUpload: mine };
}

/** Checks the owner before any bytes are stored, stores the upload (videos allowed), then attaches it and audits. */
export async function addMaterial(
  db: Db,
  ctx: { actor: Actor; ip: string | null; dataDir: string; images: ImageSettings },
  sessionId: string,
  upload: Upload,
) {
  const { actor } = ctx;
  const session = await findSession(db, actor, sessionId);
  if (!session) throw notFound();
  if (!ownsSession(actor, session)) throw forbidden();
  const row = await storeUpload(db, ctx.dataDir, actor, ctx.ip, upload, ctx.images, { allowVideo: true });
  try {
    return await db.transaction(async (tx) => {
      await claimFiles(tx, actor, [row.id], owner(sessionId));
      await recordAudit(tx, ctx, {
        action: 'training_material.add',
        entityType: 'training_session',
        entityId: sessionId,
        after: { fileId: row.id, name: row.originalName, mime: row.mime, size: row.size },
      });
      return present(row, true);
    });
  } catch (e) {
    await db.delete(files).where(eq(files.id, row.id));
    await removeStored(ctx.dataDir, [row.storageName, row.thumbnailName]);
    throw e;
  }
}

export async function removeMaterial(db: Db, ctx: { actor: Actor; ip: string | null; dataDir: string }, fileId: string) {
  const { actor } = ctx;
  const removed = await db.transaction(async (tx) => {
    const [f] = await tx.select().from(files).where(eq(files.id, fileId)).for('update');
    if (!f || f.ownerType !== MATERIAL_OWNER || !f.ownerId) throw notFound();
    const session = await findSession(tx, actor, f.ownerId);
    if (!session) throw notFound();
    if (!ownsSession(actor, session)) throw forbidden();
    const row = (await deleteOwnedFile(tx, owner(session.id), fileId))!;
    await recordAudit(tx, ctx, {
      action: 'training_material.remove',
      entityType: 'training_session',
      entityId: session.id,
      before: { fileId, name: row.originalName, mime: row.mime, size: row.size },
    });
    return row;
  });
  // The bytes go once the row is gone for good.
  await removeStored(ctx.dataDir, [removed.storageName, removed.thumbnailName]);
  return { ok: true as const };
}
