// Hidden dangers: the supervision board, reporting, the record with its timeline, workflow steps and uploads.
// Listing (挂牌督办) and statistics routes live beside this file.
import {
  hazardActionBody,
  hazardActionParams,
  hazardDetail,
  hazardFile,
  hazardListQuery,
  hazardMeta,
  hazardMetaQuery,
  hazardPage,
  idParams,
  regradeHazardBody,
  reportHazardBody,
} from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { fileLimits, findFilesByIds, registerFileOwner, storeUpload } from '../../platform/files';
import { actorOf, clientIp } from '../../platform/http';
import type { ZodApp } from '../../platform/zod-app';
import { actOnHazard } from './commands/act-on-hazard';
import { regradeHazard } from './commands/regrade-hazard';
import { reportHazard } from './commands/report-hazard';
import { hazardClock } from './hazards.clock';
import { hazardMetaFor } from './hazards.meta';
import { presentFile, presentHazardDetail, presentHazardSummary } from './hazards.presenter';
import { boardCounts, findEvents, findHazard, findHazards, hazardVisible, presentBoardCounts, type HazardRow } from './hazards.queries';
import { receiveUpload } from '../../platform/upload-request';

export async function loadHazardDetail(db: DbOrTx, actor: Actor, row: HazardRow) {
  const events = await findEvents(db, row.id);
  const files = await findFilesByIds(
    db,
    events.flatMap((e) => e.attachments),
  );
  return presentHazardDetail(actor, row, events, new Map(files.map((f) => [f.id, f])), hazardClock.today());
}

export function hazardsRoutes(app: ZodApp) {
  const tags = ['hazards'];
  // A hazard's photos and documents are readable by exactly those who can read the hazard.
  registerFileOwner('hazard', hazardVisible);

  app.get(
    '/api/hazards',
    { config: { access: 'hazard.read' }, schema: { tags, querystring: hazardListQuery, response: { 200: hazardPage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = hazardClock.today();
      const counts = await boardCounts(app.db, actor, req.query, today);
      const { items, total } = await findHazards(app.db, actor, req.query, today, counts);
      return { items: items.map((r) => presentHazardSummary(actor, r, today)), total, counts: presentBoardCounts(counts) };
    },
  );

  app.get(
    '/api/hazards/meta',
    { config: { access: 'hazard.read' }, schema: { tags, querystring: hazardMetaQuery, response: { 200: hazardMeta } } },
    async (req) => hazardMetaFor(app.db, actorOf(req), req.query.enterpriseId, hazardClock.today()),
  );

  app.post(
    '/api/hazards',
    { config: { access: 'hazard.report' }, schema: { tags, body: reportHazardBody, response: { 201: hazardDetail } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await reportHazard(app.db, actor, clientIp(req), req.body);
      return reply.status(201).send(await loadHazardDetail(app.db, actor, row));
    },
  );

  app.post(
    '/api/hazards/attachments',
    { config: { access: 'hazard.act' }, schema: { tags, response: { 201: hazardFile } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { filename, data } = await receiveUpload(req, { noun: 'file', maxBytes: fileLimits.document, exactName: true });
      // storeUpload opens its own transaction after the thumbnail is rendered, so image work holds no connection.
      const row = await storeUpload(app.db, app.config.dataDir, actor, clientIp(req), { filename, data }, app.config.images);
      return reply.status(201).send(presentFile(row));
    },
  );

  app.get(
    '/api/hazards/:id',
    { config: { access: 'hazard.read' }, schema: { tags, params: idParams, response: { 200: hazardDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findHazard(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return loadHazardDetail(app.db, actor, row);
    },
  );

  app.post(
    '/api/hazards/:id/actions/:action',
    {
      config: { access: 'hazard.act' },
      schema: { tags, params: hazardActionParams, body: hazardActionBody, response: { 200: hazardDetail } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await actOnHazard(app.db, actor, clientIp(req), req.params.id, req.params.action, req.body);
      return loadHazardDetail(app.db, actor, row);
    },
  );

  app.post(
    '/api/hazards/:id/regrade',
    { config: { access: 'hazard.regrade' }, schema: { tags, params: idParams, body: regradeHazardBody, response: { 200: hazardDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return loadHazardDetail(app.db, actor, await regradeHazard(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
}
