// Uploads no record ever took. Every upload is stored first and attached when the form that sent it is saved (files.ts
// claimFiles, public-uploads.ts claimWithTokens); a form abandoned after its photos were sent leaves them unattached
// for good, readable only by their uploader and never shown anywhere. The daily job below deletes them: a public
// upload (claim token) after a day, as the 举报 form is filled in one sitting; a signed-in one after a week, which
// leaves a field user who uploaded on a poor connection days to finish the record. No form keeps an upload's id
// beyond the page (drafts live in the page's own state), so nothing can present an id older than that.
import { and, asc, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { files } from '../db/schema';
import { recordAudit } from './audit';
import type { Db } from './db';
import { removeStored, type FileRow } from './files';
import type { DailyJob } from './jobs';
import { systemAudit } from './system-actor';

/** L: how long an upload may wait for the record that attaches it before the daily job deletes it. */
export const unattachedUploadRules = {
  /** An upload without an account, or through the public form (it carries a claim token). */
  publicKeepHours: 24,
  /** An upload by a signed-in user through a form of the app. */
  signedInKeepDays: 7,
} as const;

const PAGE = 200;

/**
 * Deletes the uploads no record attached within their time (unattachedUploadRules), a page a transaction, each
 * audited as the platform ('file.discard'); the stored bytes are removed once the page committed. Both kinds are
 * ranges of one partial index (files_unattached_idx: owner_id is null). A claim racing the sweep either wins (the row
 * then has an owner and the DELETE's re-check skips it) or finds the file gone and is refused like any unknown file.
 */
export async function discardUnattachedUploads(db: Db, dataDir: string, now = new Date()): Promise<{ discarded: number }> {
  const publicCutoff = new Date(now.getTime() - unattachedUploadRules.publicKeepHours * 3_600_000);
  const signedInCutoff = new Date(now.getTime() - unattachedUploadRules.signedInKeepDays * 86_400_000);
  const stale = and(
    isNull(files.ownerId),
    or(
      and(isNotNull(files.claimTokenHash), lt(files.createdAt, publicCutoff)),
      and(isNull(files.claimTokenHash), lt(files.createdAt, signedInCutoff)),
    ),
  );
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

/** The daily sweep of unattached uploads (main.ts lists it with the other daily jobs). */
export function unattachedUploadsJob(dataDir: string): DailyJob {
  return { name: 'unclaimed-uploads', run: (db) => discardUnattachedUploads(db, dataDir) };
}
