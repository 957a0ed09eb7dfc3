// Statistics for the supervision side, and the enterprise's own 令16号 report and data export.
import { z } from 'zod';
import { hazardReport, hazardReportQuery, hazardStats, hazardStatsQuery, idParams } from '@anjian/contracts';
import { recordAudit } from '../../platform/audit';
import { actorOf, auditCtx } from '../../platform/http';
import type { ZodApp } from '../../platform/zod-app';
import { hazardClock } from './hazards.clock';
import { exportEnterpriseHazards } from './hazards.export';
import { enterpriseHazardReport } from './hazards.report';
import { hazardStatistics } from './hazards.stats';

export function hazardStatsRoutes(app: ZodApp) {
  const tags = ['hazards'];
  app.get(
    '/api/hazards/stats',
    { config: { access: 'hazard.stats' }, schema: { tags, querystring: hazardStatsQuery, response: { 200: hazardStats } } },
    async (req) => hazardStatistics(app.db, actorOf(req), req.query, hazardClock.today()),
  );
  app.get(
    '/api/enterprises/:id/hazard-report',
    {
      config: { access: 'hazard.read' },
      schema: { tags, params: idParams, querystring: hazardReportQuery, response: { 200: hazardReport } },
    },
    async (req) => enterpriseHazardReport(app.db, actorOf(req), req.params.id, req.query.period, hazardClock.today()),
  );
  app.get(
    '/api/enterprises/:id/hazard-export',
    { config: { access: 'hazard.read' }, schema: { tags, params: idParams, response: { 200: z.record(z.string(), z.unknown()) } } },
    async (req, reply) => {
      const data = await exportEnterpriseHazards(app.db, actorOf(req), req.params.id);
      // Exports are audited like every other way data leaves the platform.
      await app.db.transaction((tx) =>
        recordAudit(tx, auditCtx(req), {
          action: 'hazard.export',
          entityType: 'enterprise',
          entityId: req.params.id,
          after: { hazards: data.hiddenDangers.length },
        }),
      );
      return reply.header('content-disposition', `attachment; filename="hazards-${req.params.id}.json"`).send(data);
    },
  );
}
