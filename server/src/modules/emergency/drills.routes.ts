// 应急演练: drill plans and records, findings, and compliance with the frequency rules per enterprise, sector and area.
import {
  compliancePage,
  complianceQuery,
  drillBody,
  drillListQuery,
  drillPage,
  drillRecordBody,
  drillView,
  findingBody,
  idParams,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findCompliance, findDrill, findDrills } from './drills.queries';
import { presentDrillOne, presentDrills } from './drills.presenter';
import { drillDuties, isHighRisk } from './drills.rules';
import { addFinding, createDrill, recordDrill } from './commands/save-drill';

export function drillRoutes(app: ZodApp) {
  const tags = ['emergency'];
  const read = { access: 'drill.read' } as const;
  const write = { access: 'drill.record' } as const;
  app.get(
    '/api/emergency/drills',
    { config: read, schema: { tags, querystring: drillListQuery, response: { 200: drillPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findDrills(app.db, actor, req.query);
      return { items: await presentDrills(app.db, actor, items), total };
    },
  );
  app.post('/api/emergency/drills', { config: write, schema: { tags, body: drillBody, response: { 200: drillView } } }, async (req) => {
    const actor = actorOf(req);
    return presentDrillOne(app.db, actor, await createDrill(app.db, actor, clientIp(req), req.body));
  });
  app.get('/api/emergency/drills/:id', { config: read, schema: { tags, params: idParams, response: { 200: drillView } } }, async (req) => {
    const actor = actorOf(req);
    const row = await findDrill(app.db, actor, req.params.id);
    if (!row) throw notFound();
    return presentDrillOne(app.db, actor, row);
  });
  app.post(
    '/api/emergency/drills/:id/record',
    { config: write, schema: { tags, params: idParams, body: drillRecordBody, response: { 200: drillView } } },
    async (req) => {
      const actor = actorOf(req);
      return presentDrillOne(app.db, actor, await recordDrill(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/emergency/drills/:id/findings',
    { config: write, schema: { tags, params: idParams, body: findingBody, response: { 200: drillView } } },
    async (req) => {
      const actor = actorOf(req);
      return presentDrillOne(app.db, actor, await addFinding(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.get(
    '/api/emergency/drill-compliance',
    { config: read, schema: { tags, querystring: complianceQuery, response: { 200: compliancePage } } },
    async (req) => {
      const today = cstDate();
      const r = await findCompliance(app.db, actorOf(req), req.query, today);
      return {
        items: r.items.map((e) => {
          const duties = drillDuties(e, today);
          return {
            enterpriseId: e.id,
            enterpriseName: e.name,
            areaCode: e.areaCode,
            sector: e.sector,
            highRisk: isHighRisk(e.sector),
            lastPlanDrillOn: e.lastPlanDrillOn,
            lastOnsiteDrillOn: e.lastOnsiteDrillOn,
            duties,
            overdue: duties.some((d) => d.state === 'overdue'),
          };
        }),
        total: r.total,
        bySector: r.bySector.map((g) => ({ key: g.key, enterprises: Number(g.enterprises), overdue: Number(g.overdue) })),
        byArea: r.byArea.map((g) => ({ key: g.key, enterprises: Number(g.enterprises), overdue: Number(g.overdue) })),
      };
    },
  );
}
