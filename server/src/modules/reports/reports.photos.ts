// A report's photos (举报照片): uploaded by the reporter before submitting — with or without an account — through the
// files platform (content-checked, JPEG/PNG/WebP only, 10 MB, location metadata stripped, a neutral name so the file
// name cannot identify an anonymous reporter) and claimed by the report in its submitting transaction with the token
// each upload answered (platform/public-uploads.ts). Who reads them:
// - the officers who may read the report: `report.read` and the report through the scope predicate (findReport);
// - the citizen account that submitted it (`report.mine`, reports.submitted_by) — both through /api/files;
// - whoever holds the tracking code, through /api/public/reports/:code/photos/:fileId (the code is what the reporter
//   follows the report with, and it reaches this report's photos only).
// Other citizens, officers out of scope and roles without report.read get 404 like for a file that does not exist.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { can, type ReportPhotoView } from '@anjian/contracts';
import { files, reports } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import type { FileRow } from '../../platform/files';
import { findReport } from './reports.queries';

/** The files platform's owner type of a report's photos (registerFileOwner). */
export const REPORT_PHOTO_OWNER = 'report';

/** The file-owner check (platform/files.ts findReadableFile): an officer through the scope, or the submitting citizen. */
export async function canReadReportPhotos(db: DbOrTx, actor: Actor, reportId: string): Promise<boolean> {
  if (can(actor.role, 'report.read')) return (await findReport(db, actor, reportId)) !== null;
  if (can(actor.role, 'report.mine')) {
    const [row] = await db
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.id, reportId), eq(reports.submittedBy, actor.id)));
    return !!row;
  }
  return false;
}

/** The photos of these reports, oldest first, by report. */
export async function findReportPhotos(db: DbOrTx, reportIds: readonly string[]): Promise<Map<string, FileRow[]>> {
  const out = new Map<string, FileRow[]>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .select()
    .from(files)
    .where(and(eq(files.ownerType, REPORT_PHOTO_OWNER), inArray(files.ownerId, [...new Set(reportIds)])))
    .orderBy(asc(files.createdAt), asc(files.id));
  for (const r of rows) out.set(r.ownerId!, [...(out.get(r.ownerId!) ?? []), r]);
  return out;
}

/** One photo of the report with this tracking code; null when the code or the photo is not that report's. */
export async function findTrackedPhoto(db: DbOrTx, code: string, fileId: string): Promise<FileRow | null> {
  const [row] = await db
    .select({ file: files })
    .from(files)
    .innerJoin(reports, eq(reports.id, files.ownerId))
    .where(and(eq(files.id, fileId), eq(files.ownerType, REPORT_PHOTO_OWNER), eq(reports.trackingCode, code.trim().toUpperCase())));
  return row?.file ?? null;
}

/** A photo as a signed-in reader gets it: through /api/files, which asks canReadReportPhotos. */
export function presentReportPhoto(f: FileRow): ReportPhotoView {
  return { id: f.id, mime: f.mime, size: f.size, url: `/api/files/${f.id}`, thumbnailUrl: `/api/files/${f.id}/thumbnail` };
}

/** A photo as the tracking page gets it: under the tracking code the caller already holds. */
export function presentTrackedPhoto(code: string, f: FileRow): ReportPhotoView {
  const base = `/api/public/reports/${encodeURIComponent(code.trim().toUpperCase())}/photos/${f.id}`;
  return { id: f.id, mime: f.mime, size: f.size, url: base, thumbnailUrl: `${base}/thumbnail` };
}
