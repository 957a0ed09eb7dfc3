// 警兆知识库 and the warning inbox: rules (list, create, read, draft a new version), versions (activate or retire,
// backtest side by side with the active one) and warnings (list, read, acknowledge / handle / close).
import {
  backtestQuery,
  backtestView,
  createWarningRuleBody,
  idParams,
  newRuleVersionBody,
  ruleVersionActBody,
  ruleVersionView,
  warningActBody,
  warningListQuery,
  warningPage,
  warningRuleListQuery,
  warningRulePage,
  warningRuleView,
  warningView,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { activeVersionOf, findRule, findRuleVersion, findRules, findWarning, findWarnings } from './warnings.queries';
import { presentRules, presentVersion, presentWarnings } from './warnings.presenter';
import { actOnVersion, createRule, draftVersion } from './commands/rules';
import { actOnWarning } from './commands/act-on-warning';
import { backtestVersion } from './warnings.evaluate';
import { warningsClock } from './warnings.clock';

export function warningsRoutes(app: ZodApp) {
  const tags = ['warnings'];
  app.get(
    '/api/warning-rules',
    { config: { access: 'warningRule.read' }, schema: { tags, querystring: warningRuleListQuery, response: { 200: warningRulePage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findRules(app.db, actor, req.query);
      return { items: await presentRules(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/warning-rules',
    { config: { access: 'warningRule.manage' }, schema: { tags, body: createWarningRuleBody, response: { 200: warningRuleView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await createRule(app.db, actor, clientIp(req), req.body);
      return (await presentRules(app.db, actor, [row]))[0]!;
    },
  );
  app.get(
    '/api/warning-rules/:id',
    { config: { access: 'warningRule.read' }, schema: { tags, params: idParams, response: { 200: warningRuleView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findRule(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return (await presentRules(app.db, actor, [row]))[0]!;
    },
  );
  app.post(
    '/api/warning-rules/:id/versions',
    {
      config: { access: 'warningRule.manage' },
      schema: { tags, params: idParams, body: newRuleVersionBody, response: { 200: warningRuleView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await draftVersion(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentRules(app.db, actor, [row]))[0]!;
    },
  );
  app.post(
    '/api/warning-rule-versions/:id/act',
    {
      config: { access: 'warningRule.manage' },
      schema: { tags, params: idParams, body: ruleVersionActBody, response: { 200: ruleVersionView } },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentVersion(actor, await actOnVersion(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.get(
    '/api/warning-rule-versions/:id/backtest',
    {
      config: { access: 'warningRule.read' },
      schema: { tags, params: idParams, querystring: backtestQuery, response: { 200: backtestView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const v = await findRuleVersion(app.db, actor, req.params.id);
      if (!v) throw notFound();
      const today = warningsClock.today();
      const active = await activeVersionOf(app.db, v.ruleId);
      const series = [await backtestVersion(app.db, v, today, req.query.months)];
      if (active && active.id !== v.id) series.push(await backtestVersion(app.db, active, today, req.query.months));
      return { ruleId: v.ruleId, series };
    },
  );
  app.get(
    '/api/warnings',
    { config: { access: 'warning.read' }, schema: { tags, querystring: warningListQuery, response: { 200: warningPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findWarnings(app.db, actor, req.query);
      return { items: await presentWarnings(app.db, actor, items), total };
    },
  );
  app.get(
    '/api/warnings/:id',
    { config: { access: 'warning.read' }, schema: { tags, params: idParams, response: { 200: warningView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findWarning(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return (await presentWarnings(app.db, actor, [row]))[0]!;
    },
  );
  app.post(
    '/api/warnings/:id/act',
    { config: { access: 'warning.act' }, schema: { tags, params: idParams, body: warningActBody, response: { 200: warningView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await actOnWarning(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentWarnings(app.db, actor, [row]))[0]!;
    },
  );
}
