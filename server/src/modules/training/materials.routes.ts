// 课件 of a training session: listed on the session for whoever may read it (learners open them through
// GET /api/files/:id, videos with byte ranges for phones), added and removed by the session's owner (materials.ts).
import { idParams, materialList, materialView, okResponse } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { fileLimits, registerFileOwner } from '../../platform/files';
import { findSession } from './training.queries';
import { addMaterial, listMaterials, MATERIAL_OWNER, removeMaterial } from './materials';
import { receiveUpload } from '../../platform/upload-request';

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
      const { filename, data } = await receiveUpload(req, { noun: 'material', maxBytes: fileLimits.video, exactName: true });
      const ctx = { actor: actorOf(req), ip: clientIp(req), dataDir: app.config.dataDir, images: app.config.images };
      return reply.status(201).send(await addMaterial(app.db, ctx, req.params.id, { filename, data }));
    },
  );
  app.delete(
    '/api/training/materials/:id',
    { config: { access: 'training.manage' }, schema: { tags, params: idParams, response: { 200: okResponse } } },
    async (req) => removeMaterial(app.db, { actor: actorOf(req), ip: clientIp(req), dataDir: app.config.dataDir }, req.params.id),
  );
}
