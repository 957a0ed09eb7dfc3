// Enforcement statistics: inspections done, findings, cases decided and fines, by month (of the year) or by sector,
// over the caller's scope (stats.queries.ts: the maintained rollup for staff scopes).
import { enforcementStatsQuery, enforcementStatsView } from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf } from '../../../platform/http';
import { cstDate } from '../../../platform/time';
import { enforcementStats } from './stats.queries';

export function enforcementStatsRoutes(app: ZodApp) {
  app.get(
    '/api/enforcement/stats',
    {
      config: { access: 'enforcement.read' },
      schema: { tags: ['enforcement'], querystring: enforcementStatsQuery, response: { 200: enforcementStatsView } },
    },
    async (req) => {
      const year = req.query.year ?? Number(cstDate().slice(0, 4));
      return { year, by: req.query.by, rows: await enforcementStats(app.db, actorOf(req), req.query.by, year) };
    },
  );
}
