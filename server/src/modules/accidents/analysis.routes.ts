// Accident analysis and enforcement hotspots, answered from the per-dimension rollup (analysis.queries.ts).
import { analysisQuery, analysisReport, hotspotsQuery, hotspotsReport } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf } from '../../platform/http';
import { analyseAccidents, findHotspots } from './analysis';

export function analysisRoutes(app: ZodApp) {
  const tags = ['accidents'];
  app.get(
    '/api/accidents/analysis',
    { config: { access: 'accident.read' }, schema: { tags, querystring: analysisQuery, response: { 200: analysisReport } } },
    async (req) => analyseAccidents(app.db, actorOf(req), req.query),
  );
  app.get(
    '/api/accidents/hotspots',
    { config: { access: 'accident.read' }, schema: { tags, querystring: hotspotsQuery, response: { 200: hotspotsReport } } },
    async (req) => findHotspots(app.db, actorOf(req), req.query),
  );
}
