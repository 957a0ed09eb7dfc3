// Uploaded photos and documents: checked by content, stripped of location metadata, stored under
// <data dir>/files/ with a server-generated name, and readable only through their owning record. A JPEG, PNG or
// WebP photo also gets a thumbnail rendered from its pixels (thumbnails.ts), stored beside it as
// <id>.thumb.jpg.
// A capability that owns files registers a resolver (`registerFileOwner`) saying whether a caller may read the
// owning record; before a file is attached to a record only its uploader may read it. A member of the public without
// an account uploads with a claim token instead (public-uploads.ts): nobody reads such a file until a record claims it.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, gt, inArray, isNull, notInArray } from 'drizzle-orm';
import { files } from '../db/schema';
import type { Actor } from './actor';
import { recordAudit } from './audit';
import type { Db, DbOrTx } from './db';
import { AppError, fieldError } from './errors';
import { detectType, type FileKind } from './file-types';
import { MalformedImageError, sanitizeImage, type SanitizedImage } from './image-metadata';
import { makeThumbnail } from './thumbnail-pool';
import { checkPixelLimit, defaultImageSettings, ImageTooLargeError, thumbnailable, type ImageSettings } from './thumbnails';
import { cstDate } from './time';

export type FileRow = typeof files.$inferSelect;

/** Bytes per kind: phone photos are a few MB; scanned rectification reports and plans can be larger; a course video
 * (training materials, accepted only where a route asks for it) a short lesson recorded on a phone. */
export const fileLimits: Record<FileKind, number> = { photo: 10 * 1024 * 1024, document: 20 * 1024 * 1024, video: 100 * 1024 * 1024 };

const kindNames: Record<FileKind, { zh: string; en: string }> = {
  photo: { zh: '照片', en: 'Photos' },
  document: { zh: '文档', en: 'Documents' },
  video: { zh: '视频', en: 'Videos' },
};

type OwnerCheck = (db: DbOrTx, actor: Actor, ownerId: string) => Promise<boolean>;
const owners = new Map<string, OwnerCheck>();

export function registerFileOwner(type: string, canRead: OwnerCheck): void {
  owners.set(type, canRead);
}

export function filesRoot(dataDir: string): string {
  return path.join(dataDir, 'files');
}

/** Absolute path of a stored name, refusing anything that would leave the files folder. */
export function storedPath(dataDir: string, storageName: string): string {
  const root = path.resolve(filesRoot(dataDir));
  const full = path.resolve(root, storageName);
  if (!full.startsWith(root + path.sep)) throw new Error(`stored name escapes the files folder: ${storageName}`);
  return full;
}

/**
 * The uploaded name is only shown and offered as the download name, never used as a path; still, a name that
 * tries to climb folders or carries control characters marks a hostile client, so the upload is refused.
 */
export function checkUploadName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const hostile = /[/\\\u0000-\u001f\u007f]/.test(name) || name.split(/[/\\]/).includes('..') || name.trim() === '' || name.length > 200;
  if (hostile) throw fieldError('file', '文件名不合法（不能包含路径或控制字符）', 'Invalid file name (no paths or control characters)');
  // Stored as shown: bidi overrides and other invisible characters are dropped on the way in too.
  return safeDownloadName(name);
}

export interface Upload {
  filename: string;
  data: Buffer;
}

export interface UploadOptions {
  /** Accept MP4 videos as well (course materials only). */
  allowVideo?: boolean;
  /** Accept only these kinds (a public report takes photos only): anything else is refused before it is stored. */
  kinds?: readonly FileKind[];
  /**
   * An upload without an account (actor null): the claim token handed back to the uploader (platform/public-uploads.ts);
   * only its SHA-256 is stored, and a record claims the file only with it.
   */
  claimToken?: string;
  /**
   * Store a neutral name (`<neutralName>.<ext>`) instead of the uploaded one, where the name could identify someone
   * who must stay anonymous (a reporter's "张三拍的.jpg"); the sent name is still checked.
   */
  neutralName?: string;
}

/**
 * Validates, cleans and stores one upload, renders a photo's thumbnail, then records the file (unattached) in its
 * own transaction with its audit entry. The slow part (decoding, in a worker thread) happens before the
 * transaction opens, so no database connection — the only one, on PGlite — waits on image work.
 */
export async function storeUpload(
  db: Db,
  dataDir: string,
  actor: Actor | null,
  ip: string | null,
  upload: Upload,
  images: ImageSettings = defaultImageSettings,
  opts: UploadOptions = {},
): Promise<FileRow> {
  if (!actor && !opts.claimToken) throw new Error('an upload without an account needs a claim token');
  const sentName = checkUploadName(upload.filename);
  const detected = detectType(upload.data);
  // Videos only where the route says so (course materials); everywhere else an MP4 is refused like any unknown type.
  const type =
    detected && (detected.kind !== 'video' || opts.allowVideo) && (!opts.kinds || opts.kinds.includes(detected.kind)) ? detected : null;
  if (!type) {
    const photosOnly = opts.kinds?.length === 1 && opts.kinds[0] === 'photo';
    throw new AppError('UNSUPPORTED_MEDIA', [
      photosOnly
        ? { field: 'file', zh: '仅支持 JPEG、PNG、WebP 照片', en: 'Only JPEG, PNG and WebP photos are accepted' }
        : {
            field: 'file',
            zh: `仅支持 JPEG、PNG、WebP 照片和 PDF、DOCX、XLSX 文档${opts.allowVideo ? '及 MP4 视频' : ''}`,
            en: `Only JPEG, PNG and WebP photos and PDF, DOCX and XLSX documents${opts.allowVideo ? ' and MP4 videos' : ''} are accepted`,
          },
    ]);
  }
  const originalName = opts.neutralName ? `${opts.neutralName}.${type.ext}` : sentName;
  if (upload.data.length > fileLimits[type.kind]) {
    const mb = fileLimits[type.kind] / 1024 / 1024;
    throw new AppError('TOO_LARGE', [
      {
        field: 'file',
        zh: `${kindNames[type.kind].zh}不能超过 ${mb} MB`,
        en: `${kindNames[type.kind].en} may not exceed ${mb} MB`,
      },
    ]);
  }
  let clean: SanitizedImage;
  try {
    clean = sanitizeImage(type.mime, upload.data);
    checkPixelLimit(clean.width, clean.height, images.maxPixels);
  } catch (e) {
    if (e instanceof MalformedImageError)
      throw new AppError('UNSUPPORTED_MEDIA', [
        { field: 'file', zh: '图片文件已损坏或不是真正的图片', en: 'The image is damaged or not really an image' },
      ]);
    if (e instanceof ImageTooLargeError) {
      const mp = Math.floor(e.maxPixels / 10_000);
      throw new AppError('TOO_LARGE', [
        {
          field: 'file',
          zh: `照片像素过多（${e.width} × ${e.height}），不能超过 ${mp} 万像素，请缩小后再上传`,
          en: `The photo has too many pixels (${e.width} × ${e.height}); the limit is ${(e.maxPixels / 1e6).toFixed(0)} megapixels — scale it down and upload again`,
        },
      ]);
    }
    throw e;
  }
  // A photo that cannot be decoded (or a busy worker) still uploads, without a thumbnail: its structure has
  // already been checked, and the file route then serves the photo itself in the thumbnail's place. One whose
  // header declared no size is never handed to a decoder, as the pixel guard could not vouch for it.
  const thumbnail =
    thumbnailable.has(type.mime) && clean.width !== null && clean.height !== null
      ? await makeThumbnail({ mime: type.mime, data: clean.data, orientation: clean.orientation, side: images.thumbnailSide })
      : null;
  const id = randomUUID();
  const folder = cstDate().slice(0, 7).replace('-', '/');
  const storageName = `${folder}/${id}.${type.ext}`;
  const thumbnailName = thumbnail?.ok ? `${folder}/${id}.thumb.jpg` : null;
  try {
    await writeAtomically(storedPath(dataDir, storageName), clean.data);
    if (thumbnail?.ok) await writeAtomically(storedPath(dataDir, thumbnailName!), thumbnail.data);
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(files)
        .values({
          id,
          storageName,
          originalName,
          mime: type.mime,
          size: clean.data.length,
          sha256: createHash('sha256').update(clean.data).digest('hex'),
          kind: type.kind,
          thumbnailName,
          uploadedBy: actor?.id ?? null,
          claimTokenHash: opts.claimToken ? claimTokenHash(opts.claimToken) : null,
        })
        .returning();
      await recordAudit(
        tx,
        { actor, ip },
        {
          action: 'file.upload',
          entityType: 'file',
          entityId: id,
          after: {
            originalName,
            mime: type.mime,
            size: clean.data.length,
            thumbnail: thumbnail ? (thumbnail.ok ? 'rendered' : thumbnail.reason) : null,
          },
        },
      );
      return row!;
    });
  } catch (e) {
    await removeStored(dataDir, [storageName, thumbnailName]);
    throw e;
  }
}

/**
 * Renders thumbnails for stored photos that have none (uploaded before thumbnails were rendered, or skipped while
 * the worker was busy); with `all`, re-renders every photo's (older ones were the camera's EXIF preview, not
 * upright). Operator command `cli thumbnails [--all]`; each row it changes is audited.
 */
export async function backfillThumbnails(
  db: Db,
  dataDir: string,
  images: ImageSettings = defaultImageSettings,
  opts: { all?: boolean; onProgress?: (done: number) => void } = {},
): Promise<{ rendered: number; skipped: number }> {
  let rendered = 0;
  let skipped = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .select()
      .from(files)
      .where(and(eq(files.kind, 'photo'), gt(files.id, after), opts.all ? undefined : isNull(files.thumbnailName)))
      .orderBy(asc(files.id))
      .limit(100);
    if (batch.length === 0) break;
    for (const row of batch) {
      after = row.id;
      const outcome = await renderStored(dataDir, row, images);
      if (!outcome) {
        skipped++;
        continue;
      }
      const thumbnailName = row.storageName.replace(/\.[^./]+$/, '') + '.thumb.jpg';
      await writeAtomically(storedPath(dataDir, thumbnailName), outcome);
      await db.transaction(async (tx) => {
        await tx.update(files).set({ thumbnailName }).where(eq(files.id, row.id));
        await recordAudit(
          tx,
          { actor: null, ip: 'cli' },
          {
            action: 'file.thumbnail',
            entityType: 'file',
            entityId: row.id,
            before: { thumbnailName: row.thumbnailName },
            after: { thumbnailName },
          },
        );
      });
      rendered++;
      opts.onProgress?.(rendered + skipped);
    }
  }
  return { rendered, skipped };
}

async function renderStored(dataDir: string, row: FileRow, images: ImageSettings): Promise<Buffer | null> {
  if (!thumbnailable.has(row.mime)) return null;
  let data: Buffer;
  try {
    data = await fs.readFile(storedPath(dataDir, row.storageName));
  } catch {
    return null; // the stored bytes are gone: nothing to render from
  }
  let clean: SanitizedImage;
  try {
    clean = sanitizeImage(row.mime, data);
    checkPixelLimit(clean.width, clean.height, images.maxPixels);
  } catch {
    return null;
  }
  if (clean.width === null || clean.height === null) return null;
  const outcome = await makeThumbnail({ mime: row.mime, data: clean.data, orientation: clean.orientation, side: images.thumbnailSide });
  return outcome.ok ? outcome.data : null;
}

async function writeAtomically(target: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomUUID()}.part`;
  await fs.writeFile(tmp, data, { flag: 'wx', mode: 0o640 });
  await fs.rename(tmp, target);
}

export async function removeStored(dataDir: string, names: (string | null)[]): Promise<void> {
  for (const n of names) if (n) await fs.rm(storedPath(dataDir, n), { force: true });
}

/** The stored form of a public upload's claim token (platform/public-uploads.ts). */
export function claimTokenHash(token: string): string {
  return createHash('sha256').update(`anjian-file-claim:${token}`).digest('hex');
}

export interface ClaimOptions {
  /** The request field that named the files, for the refusal (default 'attachments'). */
  field?: string;
  /** Only files of these kinds may be attached (a 举报's photos); the upload route's own check is not enough, since a
   * file id from another route's upload — a document for a hidden danger — could be named here. */
  kinds?: readonly FileKind[];
}

/**
 * Attaches files to a record inside the caller's transaction. Only the uploader's own, still unattached files
 * can be claimed, so nobody can pull another person's upload (or another record's evidence) into their record.
 * Any refusal throws, so the caller's transaction writes nothing. Someone else's file, a used or unknown id are
 * refused with one message whatever the reason; one of the caller's own files of a kind not allowed here says so.
 */
export async function claimFiles(
  tx: DbOrTx,
  actor: Actor,
  ids: readonly string[],
  owner: { type: string; id: string },
  opts: ClaimOptions = {},
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const field = opts.field ?? 'attachments';
  const mine = and(inArray(files.id, unique), eq(files.uploadedBy, actor.id), isNull(files.ownerId));
  const claimed = await tx
    .update(files)
    .set({ ownerType: owner.type, ownerId: owner.id })
    .where(and(mine, opts.kinds ? inArray(files.kind, [...opts.kinds]) : undefined))
    .returning({ id: files.id });
  if (claimed.length === unique.length) return unique;
  const photos = opts.kinds?.length === 1 && opts.kinds[0] === 'photo';
  if (opts.kinds) {
    // Only the caller's own unattached files are looked at, so this tells nothing about anyone else's.
    const [wrongKind] = await tx
      .select({ id: files.id })
      .from(files)
      .where(and(mine, notInArray(files.kind, [...opts.kinds])))
      .limit(1);
    if (wrongKind) {
      throw photos
        ? fieldError(field, '只能附 JPEG、PNG、WebP 照片', 'Only JPEG, PNG and WebP photos can be attached')
        : fieldError(
            field,
            `只能附${opts.kinds.map((k) => kindNames[k].zh).join('、')}`,
            `Only ${opts.kinds.map((k) => kindNames[k].en.toLowerCase()).join(', ')} can be attached`,
          );
    }
  }
  throw photos
    ? fieldError(field, '照片不存在、不是您上传的，或已被使用', 'A photo does not exist, was not uploaded by you, or is already used')
    : fieldError(
        field,
        '附件不存在、不是您上传的，或已被使用',
        'An attachment does not exist, was not uploaded by you, or is already used',
      );
}

/** The file row if the caller may read it; null otherwise (the route answers 404 either way). */
export async function findReadableFile(db: DbOrTx, actor: Actor, id: string): Promise<FileRow | null> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  if (!row) return null;
  // Unattached: its uploader alone (an upload without an account is readable by nobody until a record claims it).
  if (!row.ownerType || !row.ownerId) return row.uploadedBy !== null && row.uploadedBy === actor.id ? row : null;
  const check = owners.get(row.ownerType);
  return check && (await check(db, actor, row.ownerId)) ? row : null;
}

/** The files a record owns, oldest first. */
export async function filesOwnedBy(db: DbOrTx, owner: { type: string; id: string }): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.ownerType, owner.type), eq(files.ownerId, owner.id)))
    .orderBy(asc(files.createdAt), asc(files.id));
}

/**
 * Deletes one file of a record in the caller's transaction and answers its row (null when the record does not own
 * it); the caller removes the stored bytes (removeStored) once the transaction has committed.
 */
export async function deleteOwnedFile(tx: DbOrTx, owner: { type: string; id: string }, fileId: string): Promise<FileRow | null> {
  const [row] = await tx
    .delete(files)
    .where(and(eq(files.id, fileId), eq(files.ownerType, owner.type), eq(files.ownerId, owner.id)))
    .returning();
  return row ?? null;
}

export async function findFilesByIds(db: DbOrTx, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(files)
    .where(inArray(files.id, [...new Set(ids)]));
}

/**
 * Control and invisible formatting characters (Unicode Cc, Cf: the bidi overrides and isolates U+202A–202E,
 * U+2066–2069, LRM/RLM, zero-width characters, the BOM) and line/paragraph separators. A right-to-left override makes
 * "invoice\u202Efdp.exe" display as "invoiceexe.pdf", so a download name never carries them.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** A file name as shown to a downloader: invisible and control characters removed, never empty. */
export function safeDownloadName(name: string): string {
  return name.replace(INVISIBLE, '').trim() || 'file';
}

/** RFC 6266 header: an ASCII fallback plus the UTF-8 name, always as an attachment. */
export function contentDisposition(name: string): string {
  const safe = safeDownloadName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
