// 安责险: policies per enterprise (an enterprise records its own), the coverage check (mandatory enterprises without a
// policy in force today) and coverage rates per area.
import {
  insuranceCoverageQuery,
  insuranceCoverageView,
  idParams,
  insuranceRatesView,
  policyBody,
  policyListQuery,
  policyPage,
  policyView,
  ratesQuery,
  updatePolicyBody,
  insuranceSettingsView,
  putInsuranceSettingsBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { cstDate } from '../../platform/time';
import { findPolicies, findUninsured } from './insurance.queries';
import { presentPolicies } from './insurance.presenter';
import { loadInsuranceRules, loadInsuranceSettings, presentInsuranceSettings, saveInsuranceSettings } from './insurance.settings';
import { insuranceRates } from './rates';
import { createPolicy, updatePolicy } from './commands/save-policy';

export function insuranceRoutes(app: ZodApp) {
  const tags = ['insurance'];
  app.get(
    '/api/insurance/policies',
    { config: { access: 'insurance.read' }, schema: { tags, querystring: policyListQuery, response: { 200: policyPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findPolicies(app.db, actor, req.query, cstDate());
      return { items: await presentPolicies(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/insurance/policies',
    { config: { access: 'insurance.write' }, schema: { tags, body: policyBody, response: { 200: policyView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await createPolicy(app.db, actor, clientIp(req), req.body);
      return (await presentPolicies(app.db, actor, [row]))[0]!;
    },
  );
  app.patch(
    '/api/insurance/policies/:id',
    { config: { access: 'insurance.write' }, schema: { tags, params: idParams, body: updatePolicyBody, response: { 200: policyView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await updatePolicy(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentPolicies(app.db, actor, [row]))[0]!;
    },
  );
  app.get(
    '/api/insurance/settings',
    { config: { access: 'insurance.configure' }, schema: { tags, response: { 200: insuranceSettingsView } } },
    async () => presentInsuranceSettings(await loadInsuranceSettings(app.db)),
  );
  app.put(
    '/api/insurance/settings',
    {
      config: { access: 'insurance.configure' },
      schema: { tags, body: putInsuranceSettingsBody, response: { 200: insuranceSettingsView } },
    },
    async (req) => saveInsuranceSettings(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.get(
    '/api/insurance/coverage',
    {
      config: { access: 'insurance.coverage' },
      schema: { tags, querystring: insuranceCoverageQuery, response: { 200: insuranceCoverageView } },
    },
    async (req) => {
      const today = cstDate();
      const rules = await loadInsuranceRules(app.db);
      const { items, total } = await findUninsured(app.db, actorOf(req), req.query, today, rules);
      return {
        today,
        mandatorySectors: [...rules.mandatorySectors],
        mandatoryTags: [...rules.mandatoryTags],
        items: items.map((i) => ({ ...i, sector: i.sector as never })),
        total,
      };
    },
  );
  app.get(
    '/api/insurance/rates',
    { config: { access: 'insurance.coverage' }, schema: { tags, querystring: ratesQuery, response: { 200: insuranceRatesView } } },
    async (req) => insuranceRates(app.db, actorOf(req), req.query.areaCode, cstDate()),
  );
}
