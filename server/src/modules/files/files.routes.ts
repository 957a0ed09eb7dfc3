// Serving uploaded files: only to callers who may read the owning record (platform/files.ts asks its owner),
// always as a download with the detected type, nosniff and a sandboxing CSP, so a file can never run as a page.
import fs from 'node:fs';
import { idParams } from '@anjian/contracts';
import { notFound } from '../../platform/errors';
import { contentDisposition, findReadableFile, storedPath, type FileRow } from '../../platform/files';
import { actorOf } from '../../platform/http';
import type { ZodApp } from '../../platform/zod-app';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`) within `size`, or null to send the whole file. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

// Phones play a course video only from a server that answers byte ranges (iOS asks for `bytes=0-1` first), so a
// single range is served as 206; anything else gets the whole file.
function send(req: FastifyRequest, reply: FastifyReply, dataDir: string, storageName: string, mime: string, name: string, etag: string) {
  const full = storedPath(dataDir, storageName);
  if (!fs.existsSync(full)) throw notFound();
  const size = fs.statSync(full).size;
  const range = byteRange(req.headers.range, size);
  reply.header('accept-ranges', 'bytes');
  if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${size}`).send();
  if (range) {
    reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
  }
  return reply
    .header('content-type', mime)
    .header('content-disposition', contentDisposition(name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=300')
    .header('etag', `"${etag}"`)
    .send(fs.createReadStream(full, range ?? {}));
}

/**
 * Sends a file the caller may read (the caller checked), or its thumbnail: the one rendered at upload (longest side
 * 320 px, upright, no metadata); a photo without one — uploaded before thumbnails were rendered, or one whose rendering
 * was skipped (undecodable pixels, a busy worker) — is served itself, already stripped of its location. Also used by
 * routes that reach a file through another key than a session (a 举报's photos under its tracking code).
 */
export function sendFileRow(req: FastifyRequest, reply: FastifyReply, dataDir: string, row: FileRow, variant: 'file' | 'thumbnail') {
  if (variant === 'file' || !row.thumbnailName) return send(req, reply, dataDir, row.storageName, row.mime, row.originalName, row.sha256);
  const base = row.originalName.replace(/\.[^.]*$/, '');
  return send(req, reply, dataDir, row.thumbnailName, 'image/jpeg', `${base}-thumb.jpg`, `${row.sha256}-thumb`);
}

export function filesRoutes(app: ZodApp) {
  const tags = ['files'];
  app.get(
    '/api/files/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, produces: ['*/*'] } },
    async (req, reply) => {
      const row = await findReadableFile(app.db, actorOf(req), req.params.id);
      if (!row) throw notFound();
      return sendFileRow(req, reply, app.config.dataDir, row, 'file');
    },
  );
  // The thumbnail, under the same read rule as the photo.
  app.get(
    '/api/files/:id/thumbnail',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, produces: ['image/*'] } },
    async (req, reply) => {
      const row = await findReadableFile(app.db, actorOf(req), req.params.id);
      if (!row || row.kind !== 'photo') throw notFound();
      return sendFileRow(req, reply, app.config.dataDir, row, 'thumbnail');
    },
  );
}
