// 双随机 draws: create (weighted, reproducible), list, show, verify, publish; and the public notice.
import {
  createDrawBody,
  drawListQuery,
  drawSchema,
  drawVerification,
  idParams,
  drawWeightsView,
  pageOf,
  publicDrawSchema,
  publicDrawSummary,
} from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf, clientIp } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { findDraw, findDraws, findPublishedDraw } from './draws.queries';
import { presentDraw, presentPublicDraw } from './draws.presenter';
import { createDraw } from './commands/create-draw';
import { verifyDraw } from './commands/verify-draw';
import { publishDraw } from './commands/publish-draw';
import { defaultWeightTable, weightSignalLabels } from '../../../reference/enforcement/draw';
import { findPublishedDraws } from '../public/public-draws.queries';

export function drawRoutes(app: ZodApp) {
  const tags = ['enforcement'];
  app.get(
    '/api/enforcement/draws/weights',
    { config: { access: 'enforcement.read' }, schema: { tags, response: { 200: drawWeightsView } } },
    async () => ({
      defaults: { ...defaultWeightTable },
      labels: weightSignalLabels,
    }),
  );
  app.get(
    '/api/enforcement/draws',
    { config: { access: 'enforcement.read' }, schema: { tags, querystring: drawListQuery, response: { 200: pageOf(drawSchema) } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findDraws(app.db, actor, req.query);
      return { items: items.map((r) => presentDraw(actor, r)), total };
    },
  );
  app.post(
    '/api/enforcement/draws',
    { config: { access: 'enforcement.draw' }, schema: { tags, body: createDrawBody, response: { 201: drawSchema } } },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(presentDraw(actor, await createDraw(app.db, actor, clientIp(req), req.body)));
    },
  );
  app.get(
    '/api/enforcement/draws/:id',
    { config: { access: 'enforcement.read' }, schema: { tags, params: idParams, response: { 200: drawSchema } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findDraw(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentDraw(actor, row);
    },
  );
  app.post(
    '/api/enforcement/draws/:id/verify',
    { config: { access: 'enforcement.read' }, schema: { tags, params: idParams, response: { 200: drawVerification } } },
    async (req) => {
      const row = await findDraw(app.db, actorOf(req), req.params.id);
      if (!row) throw notFound();
      return verifyDraw(app.db, row);
    },
  );
  app.post(
    '/api/enforcement/draws/:id/publish',
    { config: { access: 'enforcement.draw' }, schema: { tags, params: idParams, response: { 200: drawSchema } } },
    async (req) => {
      const actor = actorOf(req);
      return presentDraw(actor, await publishDraw(app.db, actor, clientIp(req), req.params.id));
    },
  );
  app.get(
    '/api/public/draws',
    { config: { access: 'public' }, schema: { tags, querystring: drawListQuery, response: { 200: pageOf(publicDrawSummary) } } },
    async (req) => findPublishedDraws(app.db, req.query),
  );
  app.get(
    '/api/public/draws/:id',
    { config: { access: 'public' }, schema: { tags, params: idParams, response: { 200: publicDrawSchema } } },
    async (req) => {
      const row = await findPublishedDraw(app.db, req.params.id);
      if (!row) throw notFound();
      return presentPublicDraw(row);
    },
  );
}
