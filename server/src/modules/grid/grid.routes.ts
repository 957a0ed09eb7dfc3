// 网格化巡查: the grid inspector's units with their due state, visits (idempotent by the phone's id) with photos,
// coverage and inspectors' activity for the street and above, and 网格登记 with the street's decision.
import {
  gridActivityQuery,
  gridActivityView,
  gridCoverageQuery,
  gridCoverageView,
  gridFileView,
  gridRegistrationActBody,
  gridRegistrationListQuery,
  gridRegistrationPage,
  gridRegistrationView,
  gridUnitPage,
  gridUnitsQuery,
  gridVisitListQuery,
  gridVisitPage,
  gridVisitView,
  idParams,
  recordVisitBody,
  registerUnitBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { fileLimits, registerFileOwner, storeUpload } from '../../platform/files';
import { cstDate } from '../../platform/time';
import { findActivity, findCoverage, findRegistration, findRegistrations, findUnits, findVisit, findVisits } from './grid.queries';
import { presentRegistration, presentRegistrations, presentUnit, presentVisit, presentVisits } from './grid.presenter';
import { monthOf } from './grid.rules';
import { recordVisit } from './commands/record-visit';
import { registerUnit } from './commands/register-unit';
import { actOnRegistration } from './commands/act-on-registration';
import { receiveUpload } from '../../platform/upload-request';

export function gridRoutes(app: ZodApp) {
  const tags = ['grid'];
  // A visit's photos are readable by whoever may read the visit.
  registerFileOwner('grid_visit', async (db, actor, visitId) => !!(await findVisit(db, actor, visitId)));

  app.get(
    '/api/grid/units',
    { config: { access: 'grid.read' }, schema: { tags, querystring: gridUnitsQuery, response: { 200: gridUnitPage } } },
    async (req) => {
      const today = cstDate();
      const { items, total } = await findUnits(app.db, actorOf(req), req.query, today);
      return { items: items.map((r) => presentUnit(r, today)), total };
    },
  );
  app.post(
    '/api/grid/visits',
    { config: { access: 'grid.patrol' }, schema: { tags, body: recordVisitBody, response: { 200: gridVisitView } } },
    async (req) => recordVisit(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.get(
    '/api/grid/visits',
    { config: { access: 'grid.read' }, schema: { tags, querystring: gridVisitListQuery, response: { 200: gridVisitPage } } },
    async (req) => {
      const { items, total } = await findVisits(app.db, actorOf(req), req.query);
      return { items: await presentVisits(app.db, items), total };
    },
  );
  app.get(
    '/api/grid/visits/:id',
    { config: { access: 'grid.read' }, schema: { tags, params: idParams, response: { 200: gridVisitView } } },
    async (req) => {
      const row = await findVisit(app.db, actorOf(req), req.params.id);
      if (!row) throw notFound();
      return presentVisit(app.db, row);
    },
  );
  app.post(
    '/api/grid/attachments',
    { config: { access: 'grid.patrol' }, schema: { tags, response: { 201: gridFileView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { filename, data } = await receiveUpload(req, { noun: 'photo', maxBytes: fileLimits.document, exactName: true });
      const row = await storeUpload(app.db, app.config.dataDir, actor, clientIp(req), { filename, data }, app.config.images);
      return reply.status(201).send({ id: row.id, name: row.originalName, mime: row.mime, size: row.size });
    },
  );
  app.get(
    '/api/grid/coverage',
    { config: { access: 'grid.coverage' }, schema: { tags, querystring: gridCoverageQuery, response: { 200: gridCoverageView } } },
    async (req) => {
      const month = req.query.month ?? monthOf(cstDate());
      const rows = await findCoverage(app.db, actorOf(req), month, req.query.level);
      const sum = (k: 'units' | 'visitedThisMonth' | 'visits' | 'stillDue' | 'neverVisited') => rows.reduce((n, r) => n + r[k], 0);
      return {
        month,
        level: req.query.level,
        rows,
        totals: {
          units: sum('units'),
          visitedThisMonth: sum('visitedThisMonth'),
          visits: sum('visits'),
          stillDue: sum('stillDue'),
          neverVisited: sum('neverVisited'),
        },
      };
    },
  );
  app.get(
    '/api/grid/activity',
    { config: { access: 'grid.coverage' }, schema: { tags, querystring: gridActivityQuery, response: { 200: gridActivityView } } },
    async (req) => {
      const month = req.query.month ?? monthOf(cstDate());
      return { month, inspectors: await findActivity(app.db, actorOf(req), month) };
    },
  );
  app.post(
    '/api/grid/registrations',
    { config: { access: 'grid.patrol' }, schema: { tags, body: registerUnitBody, response: { 200: gridRegistrationView } } },
    async (req) => registerUnit(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.get(
    '/api/grid/registrations',
    { config: { access: 'grid.read' }, schema: { tags, querystring: gridRegistrationListQuery, response: { 200: gridRegistrationPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findRegistrations(app.db, actor, req.query);
      return { items: await presentRegistrations(app.db, actor, items), total };
    },
  );
  app.get(
    '/api/grid/registrations/:id',
    { config: { access: 'grid.read' }, schema: { tags, params: idParams, response: { 200: gridRegistrationView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findRegistration(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentRegistration(app.db, actor, row);
    },
  );
  app.post(
    '/api/grid/registrations/:id/act',
    {
      config: { access: 'grid.review' },
      schema: { tags, params: idParams, body: gridRegistrationActBody, response: { 200: gridRegistrationView } },
    },
    async (req) => actOnRegistration(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
}
