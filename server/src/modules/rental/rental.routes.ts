// 出租屋安全生产备案: premises and landlords, 备案 with the landlord's signed commitment, community acceptance, and the
// premises let to a business without a 备案 in force (the grid's list).
import {
  createFilingBody,
  createPremisesBody,
  idParams,
  premisesListQuery,
  premisesPage,
  premisesView,
  rentalFilingActBody,
  rentalFilingListQuery,
  rentalFilingPage,
  rentalFilingView,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findFiling, findFilings, findPremisesList } from './rental.queries';
import { presentFiling, presentPremises } from './rental.presenter';
import { createPremises } from './commands/create-premises';
import { fileRental } from './commands/file-rental';
import { actOnFiling } from './commands/act-on-filing';

export function rentalRoutes(app: ZodApp) {
  const tags = ['rental'];
  app.get(
    '/api/rental/premises',
    { config: { access: 'rental.read' }, schema: { tags, querystring: premisesListQuery, response: { 200: premisesPage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = cstDate();
      const { items, total } = await findPremisesList(app.db, actor, req.query, today);
      return { items: await presentPremises(app.db, actor, items, today), total };
    },
  );
  app.post(
    '/api/rental/premises',
    { config: { access: 'rental.manage' }, schema: { tags, body: createPremisesBody, response: { 200: premisesView } } },
    async (req) => createPremises(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.get(
    '/api/rental/filings',
    { config: { access: 'rental.read' }, schema: { tags, querystring: rentalFilingListQuery, response: { 200: rentalFilingPage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = cstDate();
      const { items, total } = await findFilings(app.db, actor, req.query);
      return { items: items.map((r) => presentFiling(actor, r, today)), total };
    },
  );
  app.post(
    '/api/rental/filings',
    { config: { access: 'rental.manage' }, schema: { tags, body: createFilingBody, response: { 200: rentalFilingView } } },
    async (req) => fileRental(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.get(
    '/api/rental/filings/:id',
    { config: { access: 'rental.read' }, schema: { tags, params: idParams, response: { 200: rentalFilingView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findFiling(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentFiling(actor, row, cstDate());
    },
  );
  app.post(
    '/api/rental/filings/:id/act',
    {
      config: { access: 'rental.accept' },
      schema: { tags, params: idParams, body: rentalFilingActBody, response: { 200: rentalFilingView } },
    },
    async (req) => actOnFiling(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
}
