// 年度执法检查计划: an organisation's target groups with their yearly frequency, and progress against the calendar
// (inspections done so far vs the share of the year elapsed).
import { planParams, planView, putPlanBody } from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf, clientIp } from '../../../platform/http';
import { AppError } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { findPlanView } from './plans.presenter';
import { savePlan } from './commands/save-plan';

export function plansRoutes(app: ZodApp) {
  const tags = ['enforcement'];
  app.get(
    '/api/enforcement/plans/:year',
    { config: { access: 'enforcement.read' }, schema: { tags, params: planParams, response: { 200: planView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.orgId) throw new AppError('FORBIDDEN');
      return findPlanView(app.db, actor, req.params.year, cstDate());
    },
  );
  app.put(
    '/api/enforcement/plans/:year',
    { config: { access: 'enforcement.draw' }, schema: { tags, params: planParams, body: putPlanBody, response: { 200: planView } } },
    async (req) => savePlan(app.db, actorOf(req), clientIp(req), req.params.year, req.body),
  );
}
