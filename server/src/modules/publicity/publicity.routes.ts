// Publicity reach: campaigns of the bureau and the streets, coverage per street and sector from the maintained
// aggregate, the enterprises not yet reached (paged), targets in the caller's scope (an enterprise's own on its phone),
// deliveries recorded by officers and grid inspectors, receipt confirmed by the enterprise.
import {
  campaignListQuery,
  campaignPage,
  campaignView,
  confirmReceiptBody,
  coverageQuery,
  coverageView,
  createCampaignBody,
  deliverBody,
  idParams,
  targetListQuery,
  targetPage,
  targetView,
  unreachedQuery,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findCampaign, findCampaigns, findCoverage, findTargets } from './publicity.queries';
import { presentCampaigns, presentTargets } from './publicity.presenter';
import { rate } from './publicity.rules';
import { createCampaign } from './commands/create-campaign';
import { confirmReceipt, recordDelivery } from './commands/record-delivery';

export function publicityRoutes(app: ZodApp) {
  const tags = ['publicity'];
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), ip: clientIp(req) });

  app.get(
    '/api/publicity/campaigns',
    { config: { access: 'publicity.read' }, schema: { tags, querystring: campaignListQuery, response: { 200: campaignPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findCampaigns(app.db, actor, req.query);
      return { items: await presentCampaigns(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/publicity/campaigns',
    { config: { access: 'publicity.manage' }, schema: { tags, body: createCampaignBody, response: { 200: campaignView } } },
    async (req) => createCampaign(app.db, ctx(req), req.body),
  );
  app.get(
    '/api/publicity/campaigns/:id',
    { config: { access: 'publicity.read' }, schema: { tags, params: idParams, response: { 200: campaignView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findCampaign(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return (await presentCampaigns(app.db, actor, [row]))[0]!;
    },
  );
  app.get(
    '/api/publicity/campaigns/:id/coverage',
    {
      config: { access: 'publicity.read' },
      schema: { tags, params: idParams, querystring: coverageQuery, response: { 200: coverageView } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!(await findCampaign(app.db, actor, req.params.id))) throw notFound();
      const rows = await findCoverage(app.db, actor, req.params.id, req.query.by);
      const items = rows.map((r) => ({ ...r, rate: rate(r.reached, r.targets) }));
      const targets = rows.reduce((s, r) => s + r.targets, 0);
      const reached = rows.reduce((s, r) => s + r.reached, 0);
      return {
        campaignId: req.params.id,
        by: req.query.by,
        items,
        total: { key: 'all', name: null, targets, reached, rate: rate(reached, targets) },
      };
    },
  );
  app.get(
    '/api/publicity/campaigns/:id/unreached',
    {
      config: { access: 'publicity.read' },
      schema: { tags, params: idParams, querystring: unreachedQuery, response: { 200: targetPage } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!(await findCampaign(app.db, actor, req.params.id))) throw notFound();
      const { items, total } = await findTargets(app.db, actor, { ...req.query, campaignId: req.params.id, reached: false });
      return { items: await presentTargets(app.db, actor, items), total };
    },
  );
  app.get(
    '/api/publicity/targets',
    { config: { access: 'publicity.read' }, schema: { tags, querystring: targetListQuery, response: { 200: targetPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findTargets(app.db, actor, req.query);
      return { items: await presentTargets(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/publicity/targets/:id/deliveries',
    { config: { access: 'publicity.deliver' }, schema: { tags, params: idParams, body: deliverBody, response: { 200: targetView } } },
    async (req) => recordDelivery(app.db, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/api/publicity/targets/:id/confirm',
    {
      config: { access: 'publicity.confirm' },
      schema: { tags, params: idParams, body: confirmReceiptBody, response: { 200: targetView } },
    },
    async (req) => confirmReceipt(app.db, ctx(req), req.params.id, req.body),
  );
}
