// 抽查 of certificate holders: the district bureau and the streets draw samples in their area, list them with their
// tallies, open one on the phone and record each holder's outcome with a note and a photo (uploaded first, then named
// in the outcome). An outcome that warrants it revokes the certificate (commands/record-spot-outcome.ts).
import {
  can,
  createSpotCheckBody,
  idParams,
  recordSpotOutcomeBody,
  spotCheckDetail,
  spotCheckItemView,
  spotCheckListQuery,
  spotCheckPage,
  spotCheckPhotoView,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { fileLimits, registerFileOwner, storeUpload } from '../../platform/files';
import { findSpotCheck, findSpotCheckItem, findSpotChecks } from './spot-checks.queries';
import { presentSpotCheckDetail, presentSpotChecks } from './spot-checks.presenter';
import { drawSpotCheck } from './commands/draw-spot-check';
import { recordSpotOutcome, SPOT_CHECK_ITEM_OWNER } from './commands/record-spot-outcome';
import { receiveUpload } from '../../platform/upload-request';

export function spotCheckRoutes(app: ZodApp) {
  const tags = ['people'];
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), ip: clientIp(req) });
  // A spot-check photo is read by whoever may read the sampled holder's row in a spot check.
  registerFileOwner(
    SPOT_CHECK_ITEM_OWNER,
    async (db, actor, itemId) => can(actor.role, 'spot_check.read') && !!(await findSpotCheckItem(db, actor, itemId)),
  );

  app.get(
    '/api/spot-checks',
    { config: { access: 'spot_check.read' }, schema: { tags, querystring: spotCheckListQuery, response: { 200: spotCheckPage } } },
    async (req) => {
      const { items, total } = await findSpotChecks(app.db, actorOf(req), req.query);
      return { items: await presentSpotChecks(app.db, items), total };
    },
  );
  app.post(
    '/api/spot-checks',
    { config: { access: 'spot_check.manage' }, schema: { tags, body: createSpotCheckBody, response: { 200: spotCheckDetail } } },
    async (req) => drawSpotCheck(app.db, ctx(req), req.body),
  );
  app.get(
    '/api/spot-checks/:id',
    { config: { access: 'spot_check.read' }, schema: { tags, params: idParams, response: { 200: spotCheckDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findSpotCheck(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentSpotCheckDetail(app.db, actor, row);
    },
  );
  app.post(
    '/api/spot-checks/photos',
    { config: { access: 'spot_check.manage' }, schema: { tags, response: { 201: spotCheckPhotoView } } },
    async (req, reply) => {
      const { filename, data } = await receiveUpload(req, { noun: 'photo', maxBytes: fileLimits.document, exactName: true });
      const row = await storeUpload(app.db, app.config.dataDir, actorOf(req), clientIp(req), { filename, data }, app.config.images);
      return reply.status(201).send({ id: row.id, name: row.originalName, mime: row.mime, size: row.size });
    },
  );
  app.post(
    '/api/spot-check-items/:id/outcome',
    {
      config: { access: 'spot_check.manage' },
      schema: { tags, params: idParams, body: recordSpotOutcomeBody, response: { 200: spotCheckItemView } },
    },
    async (req) => recordSpotOutcome(app.db, ctx(req), req.params.id, req.body),
  );
}
