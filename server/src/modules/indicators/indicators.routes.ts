// Indicators: the three rates of an area and year with forecast and alarm; base data, targets and
// imported statistics; the Gaoming worked example.
import {
  gaomingReport as gaomingReportSchema,
  importResult,
  indicatorBase,
  indicatorBaseBody,
  indicatorBaseImportBody,
  indicatorBaseParams,
  indicatorTarget,
  indicatorTargetBody,
  indicatorTargetParams,
  indicatorsQuery,
  indicatorsReport,
  statisticsImportBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findAreaRow, findBase, mayReadArea } from './indicators.queries';
import { computeIndicators, presentBase, presentTarget } from './compute-indicators';
import { gaomingReport } from './gaoming';
import { saveBase } from './commands/save-base';
import { saveTarget } from './commands/save-target';
import { importStatistics } from './commands/import-statistics';

export function indicatorsRoutes(app: ZodApp) {
  const tags = ['indicators'];
  app.get(
    '/api/indicators',
    { config: { access: 'indicator.read' }, schema: { tags, querystring: indicatorsQuery, response: { 200: indicatorsReport } } },
    async (req) => {
      const actor = actorOf(req);
      const area = await findAreaRow(app.db, req.query.areaCode);
      if (!area || !mayReadArea(actor, area.code)) throw notFound();
      return computeIndicators(app.db, area, req.query.year);
    },
  );
  app.put(
    '/api/indicators/base/:areaCode/:year',
    {
      config: { access: 'indicator.manage' },
      schema: { tags, params: indicatorBaseParams, body: indicatorBaseBody, response: { 200: indicatorBase } },
    },
    async (req) => {
      const { areaCode, year } = req.params;
      await saveBase(app.db, actorOf(req), clientIp(req), [{ ...req.body, areaCode, year }]);
      return presentBase((await findBase(app.db, areaCode, year))!);
    },
  );
  app.post(
    '/api/indicators/base/import',
    { config: { access: 'indicator.manage' }, schema: { tags, body: indicatorBaseImportBody, response: { 200: importResult } } },
    async (req) => saveBase(app.db, actorOf(req), clientIp(req), req.body.rows),
  );
  app.put(
    '/api/indicators/targets/:areaCode/:year/:indicator',
    {
      config: { access: 'indicator.manage' },
      schema: { tags, params: indicatorTargetParams, body: indicatorTargetBody, response: { 200: indicatorTarget } },
    },
    async (req) => presentTarget(await saveTarget(app.db, actorOf(req), clientIp(req), req.params, req.body)),
  );
  app.post(
    '/api/accident-statistics/import',
    { config: { access: 'indicator.manage' }, schema: { tags, body: statisticsImportBody, response: { 200: importResult } } },
    async (req) => importStatistics(app.db, actorOf(req), clientIp(req), req.body.rows),
  );
  app.get(
    '/api/indicators/gaoming',
    { config: { access: 'indicator.read' }, schema: { tags, response: { 200: gaomingReportSchema } } },
    async () => gaomingReport(),
  );
}
