// District side of risk graded control: the reference tables and settings the forms use, the four-colour
// distribution by area or sector, and the enterprise → colour list for the map.
import {
  mapColours as mapColoursSchema,
  mapColoursQuery,
  riskDistribution as riskDistributionSchema,
  riskDistributionQuery,
  riskReference,
  riskSettings,
  updateRiskSettingsBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp, lang } from '../../platform/http';
import { buildRiskReference } from './risks.reference';
import { loadRiskSettings, presentSettings } from './risks.settings';
import { mapColours, riskDistribution } from './risks.views';
import { updateRiskSettings } from './commands/update-risk-settings';

export function risksDistrictRoutes(app: ZodApp) {
  const tags = ['risks'];
  app.get('/api/risks/reference', { config: { access: 'risk.read' }, schema: { tags, response: { 200: riskReference } } }, async () =>
    buildRiskReference(await loadRiskSettings(app.db)),
  );
  app.patch(
    '/api/risks/settings',
    { config: { access: 'risk.manageTemplates' }, schema: { tags, body: updateRiskSettingsBody, response: { 200: riskSettings } } },
    async (req) => presentSettings(await updateRiskSettings(app.db, actorOf(req), clientIp(req), req.body)),
  );
  app.get(
    '/api/risks/distribution',
    { config: { access: 'risk.read' }, schema: { tags, querystring: riskDistributionQuery, response: { 200: riskDistributionSchema } } },
    async (req) => riskDistribution(app.db, actorOf(req), req.query, lang(req)),
  );
  app.get(
    '/api/risks/map-colours',
    { config: { access: 'risk.read' }, schema: { tags, querystring: mapColoursQuery, response: { 200: mapColoursSchema } } },
    async (req) => mapColours(app.db, actorOf(req), req.query),
  );
}
