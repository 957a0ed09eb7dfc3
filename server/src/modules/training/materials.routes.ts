// 课件 of a training session: listed on the session for whoever may read it (learners open them through
// GET /api/files/:id, videos with byte ranges for phones), added and removed by the session's owner (materials.ts).
import { idParams, materialList, materialView, okResponse } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { AppError, fieldError } from '../../platform/errors';
import { fileLimits, registerFileOwner } from '../../platform/files';
import { findSession } from './training.queries';
import { addMaterial, listMaterials, MATERIAL_OWNER, removeMaterial } from './materials';

export function materialRoutes(app: ZodApp) {
  const tags = ['training'];
  registerFileOwner(MATERIAL_OWNER, async (db, actor, sessionId) => !!(await findSession(db, actor, sessionId)));
  app.get(
    '/api/training/sessions/:id/materials',
    { config: { access: 'training.read' }, schema: { tags, params: idParams, response: { 200: materialList } } },
    async (req) => listMaterials(app.db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/training/sessions/:id/materials',
    { config: { access: 'training.manage' }, schema: { tags, params: idParams, response: { 201: materialView } } },
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA', [
          { field: 'file', zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' },
        ]);
      }
      const file = await req.file({ limits: { fileSize: fileLimits.video, files: 1 }, preservePath: true });
      if (!file) throw fieldError('file', '请选择要上传的课件', 'Choose a file to upload');
      const data = await file.toBuffer();
      const ctx = { actor: actorOf(req), ip: clientIp(req), dataDir: app.config.dataDir, images: app.config.images };
      return reply.status(201).send(await addMaterial(app.db, ctx, req.params.id, { filename: file.filename, data }));
    },
  );
  app.delete(
    '/api/training/materials/:id',
    { config: { access: 'training.manage' }, schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => removeMaterial(app.db, { actor: actorOf(req), ip: clientIp(req), dataDir: app.config.dataDir }, req.params.id),
  );
}
