// 挂牌督办 (major hidden dangers under listed supervision): the register, listing, the enterprise's progress
// reports and de-listing. The review before resumption is the workflow's acceptance step.
import {
  delistHazardBody,
  hazardDetail,
  idParams,
  listedHazardPage,
  listedHazardQuery,
  listHazardBody,
  listingProgressBody,
} from '@anjian/contracts';
import { actorOf, clientIp } from '../../platform/http';
import type { ZodApp } from '../../platform/zod-app';
import { delistHazard } from './commands/delist-hazard';
import { listHazard } from './commands/list-hazard';
import { reportListingProgress } from './commands/report-listing-progress';
import { hazardClock } from './hazards.clock';
import { presentHazardSummary, presentListing } from './hazards.presenter';
import { findListedHazards } from './hazards.queries';
import { loadHazardDetail } from './hazards.routes';

export function hazardListingRoutes(app: ZodApp) {
  const tags = ['hazards'];
  app.get(
    '/api/hazards/listed',
    { config: { access: 'hazard.read' }, schema: { tags, querystring: listedHazardQuery, response: { 200: listedHazardPage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = hazardClock.today();
      const { items, total } = await findListedHazards(app.db, actor, req.query, today);
      return {
        items: items.map((r) => ({ ...presentHazardSummary(actor, r, today), listing: presentListing(r.listing!, r.state, today) })),
        total,
      };
    },
  );
  app.post(
    '/api/hazards/:id/listing',
    { config: { access: 'hazard.list' }, schema: { tags, params: idParams, body: listHazardBody, response: { 200: hazardDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return loadHazardDetail(app.db, actor, await listHazard(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/hazards/:id/listing/progress',
    { config: { access: 'hazard.act' }, schema: { tags, params: idParams, body: listingProgressBody, response: { 200: hazardDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return loadHazardDetail(app.db, actor, await reportListingProgress(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/hazards/:id/listing/delist',
    { config: { access: 'hazard.list' }, schema: { tags, params: idParams, body: delistHazardBody, response: { 200: hazardDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return loadHazardDetail(app.db, actor, await delistHazard(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
}
