// 应急准备情况: the readiness view of an area (resources against minimums, expired stock, plans due for evaluation,
// enterprises overdue for drills, teams with nobody on duty), each linked to its list.
import { readinessQuery, readinessView } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf } from '../../platform/http';
import { cstDate } from '../../platform/time';
import { readinessOf } from './readiness';

export function readinessRoutes(app: ZodApp) {
  app.get(
    '/api/emergency/readiness',
    {
      config: { access: 'readiness.read' },
      schema: { tags: ['emergency'], querystring: readinessQuery, response: { 200: readinessView } },
    },
    async (req) => readinessOf(app.db, actorOf(req), req.query.areaCode, cstDate()),
  );
}
