// 举报 routing rules (configuration): the administrator's list, a new rule, a change (versioned; 409 when stale).
import { idParams, routingRuleBody, routingRuleList, routingRuleUpdateBody, routingRuleView } from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf, clientIp } from '../../../platform/http';
import { findRoutingRules } from './routing.queries';
import { createRoutingRule, presentRoutingRules, updateRoutingRule } from './save-routing-rule';

export function reportRoutingRoutes(app: ZodApp) {
  const tags = ['reports'];
  app.get(
    '/api/report-routing-rules',
    { config: { access: 'report.routing' }, schema: { tags, response: { 200: routingRuleList } } },
    async (req) => {
      const actor = actorOf(req);
      return presentRoutingRules(app.db, actor, await findRoutingRules(app.db, actor));
    },
  );
  app.post(
    '/api/report-routing-rules',
    { config: { access: 'report.routing' }, schema: { tags, body: routingRuleBody, response: { 200: routingRuleView } } },
    async (req) => createRoutingRule(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.put(
    '/api/report-routing-rules/:id',
    {
      config: { access: 'report.routing' },
      schema: { tags, params: idParams, body: routingRuleUpdateBody, response: { 200: routingRuleView } },
    },
    async (req) => updateRoutingRule(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
}
