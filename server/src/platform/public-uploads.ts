// Uploads from the public without an account (a 举报's photos). Such a file has no uploader, so the uploader's own
// account cannot be what lets a record claim it (files.ts claimFiles): the upload answers a random claim token
// instead, of which the files row keeps only the SHA-256, and a record claims the file only with it. A file uploaded
// this way by a signed-in citizen keeps the account as its uploader, and then only that account may claim it.
// Nobody reads such a file until a record claims it; one never claimed is discarded after a day (the daily job below).
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { files } from '../db/schema';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import type { Db, DbOrTx } from './db';
import { fieldError } from './errors';
import { claimTokenHash, removeStored, type FileRow } from './files';
import type { DailyJob } from './jobs';
import { systemAudit } from './system-actor';

/** What the uploader presents to attach a public upload: the file's id and the token its upload answered. */
export interface ClaimTicket {
  id: string;
  token: string;
}

/** A fresh claim token: 32 random bytes, base64url (43 characters). */
export function newClaimToken(): string {
  return randomBytes(32).toString('base64url');
}

/** L: how long a public upload may wait for the record that claims it before the daily job discards it. */
export const unclaimedUploadRules = { keepHours: 24 } as const;

/**
 * Attaches public uploads to a record inside the caller's transaction: each ticket's file must exist, still be
 * unattached, carry that token, and have been uploaded without an account or by this caller's own. Anything else —
 * another person's upload, a used or discarded one, a wrong token — refuses the whole claim (the caller's transaction
 * rolls back), with the same message whatever the reason, so the answer tells nothing about other people's files.
 */
export async function claimWithTokens(
  tx: DbOrTx,
  actor: Actor | null,
  tickets: readonly ClaimTicket[],
  owner: { type: string; id: string },
  field: string,
): Promise<string[]> {
  if (tickets.length === 0) return [];
  const refuse = () =>
    fieldError(
      field,
      '照片不存在、已过期或已被使用，或不是您上传的',
      'A photo does not exist, has expired, is already used, or is not yours',
    );
  const tokens = new Map<string, string>();
  for (const t of tickets) {
    if (tokens.has(t.id) && tokens.get(t.id) !== t.token) throw refuse();
    tokens.set(t.id, t.token);
  }
  const pairs = [...tokens].map(([id, token]) => and(eq(files.id, id), eq(files.claimTokenHash, claimTokenHash(token))));
  const uploader = actor ? or(isNull(files.uploadedBy), eq(files.uploadedBy, actor.id)) : isNull(files.uploadedBy);
  const claimed = await tx
    .update(files)
    .set({ ownerType: owner.type, ownerId: owner.id, claimTokenHash: null })
    .where(and(or(...pairs), isNull(files.ownerId), uploader))
    .returning({ id: files.id });
  if (claimed.length !== tokens.size) throw refuse();
  return [...tokens.keys()];
}

const PAGE = 200;

/**
 * Deletes the public uploads no record claimed within `keepHours` (a form abandoned after its photos were sent), a page
 * a transaction, each audited as the platform ('file.discard'); the stored bytes are removed once the page committed.
 * A claim racing the sweep either wins (the row then has an owner and the DELETE's re-check skips it) or finds the
 * file gone and is refused like any unknown photo.
 */
export async function discardUnclaimedUploads(db: Db, dataDir: string, now = new Date()): Promise<{ discarded: number }> {
  const cutoff = new Date(now.getTime() - unclaimedUploadRules.keepHours * 3_600_000);
  const stale = and(isNotNull(files.claimTokenHash), isNull(files.ownerId), lt(files.createdAt, cutoff));
  let discarded = 0;
  for (;;) {
    const gone: FileRow[] = await db.transaction(async (tx) => {
      const page = tx.select({ id: files.id }).from(files).where(stale).orderBy(asc(files.createdAt), asc(files.id)).limit(PAGE);
      const rows = await tx
        .delete(files)
        .where(and(inArray(files.id, page), stale))
        .returning();
      for (const row of rows) {
        await recordAudit(tx, systemAudit, {
          action: 'file.discard',
          entityType: 'file',
          entityId: row.id,
          before: { originalName: row.originalName, mime: row.mime, size: row.size, createdAt: row.createdAt },
          after: { reason: 'unclaimed' },
        });
      }
      return rows;
    });
    for (const row of gone) await removeStored(dataDir, [row.storageName, row.thumbnailName]);
    discarded += gone.length;
    if (gone.length < PAGE) break;
  }
  return { discarded };
}

/** The daily sweep of unclaimed public uploads (main.ts lists it with the other daily jobs). */
export function unclaimedUploadsJob(dataDir: string): DailyJob {
  return { name: 'unclaimed-uploads', run: (db) => discardUnclaimedUploads(db, dataDir) };
}
