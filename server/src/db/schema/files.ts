// Uploaded files (photos and documents). The bytes live under <ANJIAN_DATA_DIR>/files/ with a server-generated
// name; this row says what they are and which record owns them. A file is readable only when its owner is
// (platform/files.ts asks the owning capability), or, before it is attached, by the one who uploaded it.
// A member of the public may upload without an account (a 举报's photos): such a file has no uploader and is claimed
// with the secret handed back at upload, of which only the SHA-256 is kept.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Relative to <data dir>/files, e.g. 2026/11/<uuid>.jpg: never derived from the uploaded name. */
    storageName: text('storage_name').notNull().unique(),
    /** The uploaded name, cleaned, for display and the download's filename only. */
    originalName: text('original_name').notNull(),
    /** Detected from the content (magic bytes), not taken from the request. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    kind: text('kind').notNull(),
    thumbnailName: text('thumbnail_name'),
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    /** The account that uploaded it; null: a member of the public without one (claimed by its token). */
    uploadedBy: uuid('uploaded_by'),
    /** SHA-256 (hex) of the claim token of a public upload; cleared when a record claims the file. */
    claimTokenHash: text('claim_token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerType, t.ownerId),
    index('files_uploader_idx').on(t.uploadedBy, t.createdAt),
    // Uploads no record has attached, for the daily sweep (platform/unattached-uploads.ts): few rows at any time.
    index('files_unattached_idx')
      .on(t.createdAt)
      .where(sql`${t.ownerId} is null`),
  ],
);
