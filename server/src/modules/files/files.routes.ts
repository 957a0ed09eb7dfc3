// Serving uploaded files: only to callers who may read the owning record (platform/files.ts asks its owner),
// always as a download with the detected type, nosniff and a sandboxing CSP, so a file can never run as a page.
import fs from 'node:fs';
import { idParams } from '@anjian/contracts';
import { notFound } from '../../platform/errors';
import { contentDisposition, findReadableFile, storedPath, type FileRow } from '../../platform/files';
import { actorOf } from '../../platform/http';
import type { ZodApp } from '../../platform/zod-app';
import type { FastifyReply } from 'fastify';

function send(reply: FastifyReply, dataDir: string, row: FileRow, storageName: string, mime: string, name: string) {
  const full = storedPath(dataDir, storageName);
  if (!fs.existsSync(full)) throw notFound();
  return reply
    .header('content-type', mime)
    .header('content-disposition', contentDisposition(name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=300')
    .header('etag', `"${row.sha256}"`)
    .send(fs.createReadStream(full));
}

export function filesRoutes(app: ZodApp) {
  const tags = ['files'];
  app.get('/api/files/:id', { config: { access: 'authenticated' }, schema: { tags, params: idParams } }, async (req, reply) => {
    const row = await findReadableFile(app.db, actorOf(req), req.params.id);
    if (!row) throw notFound();
    return send(reply, app.config.dataDir, row, row.storageName, row.mime, row.originalName);
  });
  // The thumbnail is the preview the camera embedded in the photo (EXIF), when there is one; otherwise the photo
  // itself (no image library is installed to scale it down).
  app.get('/api/files/:id/thumbnail', { config: { access: 'authenticated' }, schema: { tags, params: idParams } }, async (req, reply) => {
    const row = await findReadableFile(app.db, actorOf(req), req.params.id);
    if (!row || row.kind !== 'photo') throw notFound();
    const thumb = row.thumbnailName;
    return send(reply, app.config.dataDir, row, thumb ?? row.storageName, thumb ? 'image/jpeg' : row.mime, `thumb-${row.originalName}`);
  });
}
