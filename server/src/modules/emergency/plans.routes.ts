// 应急预案: the plan register (government and enterprise plans), filing and its review queue (status=submitted),
// versions, evaluation, revision triggers and duties, and the printable disposal cards.
import {
  completeRevisionBody,
  idParams,
  newPlanVersionBody,
  planActBody,
  planBody,
  planDetail,
  planEvaluateBody,
  planListQuery,
  planPage,
  planTriggerBody,
  revisionListQuery,
  revisionPage,
  revisionView,
  updatePlanBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { contentDisposition } from '../../platform/files';
import { cstDate } from '../../platform/time';
import { findPlan, findPlans, findRevisions } from './plans.queries';
import { presentPlanDetail, presentPlans, presentRevisions } from './plans.presenter';
import { renderDisposalCards } from './plans.card';
import { createPlan, newPlanVersion, updatePlan } from './commands/save-plan';
import { actOnPlan, evaluatePlan } from './commands/act-on-plan';
import { completeRevision, recordTrigger } from './commands/plan-revisions';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function emergencyPlanRoutes(app: ZodApp) {
  const tags = ['emergency'];
  const read = { access: 'plan.read' } as const;
  const write = { access: 'plan.write' } as const;
  const act = { access: 'plan.act' } as const;
  app.get(
    '/api/emergency/plans',
    { config: read, schema: { tags, querystring: planListQuery, response: { 200: planPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findPlans(app.db, actor, req.query, cstDate());
      return { items: await presentPlans(app.db, actor, items), total };
    },
  );
  app.post('/api/emergency/plans', { config: write, schema: { tags, body: planBody, response: { 200: planDetail } } }, async (req) => {
    const actor = actorOf(req);
    return presentPlanDetail(app.db, actor, await createPlan(app.db, actor, clientIp(req), req.body));
  });
  app.get('/api/emergency/plans/:id', { config: read, schema: { tags, params: idParams, response: { 200: planDetail } } }, async (req) => {
    const actor = actorOf(req);
    const row = await findPlan(app.db, actor, req.params.id);
    if (!row) throw notFound();
    return presentPlanDetail(app.db, actor, row);
  });
  app.patch(
    '/api/emergency/plans/:id',
    { config: write, schema: { tags, params: idParams, body: updatePlanBody, response: { 200: planDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return presentPlanDetail(app.db, actor, await updatePlan(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/emergency/plans/:id/act',
    { config: act, schema: { tags, params: idParams, body: planActBody, response: { 200: planDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return presentPlanDetail(app.db, actor, await actOnPlan(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/emergency/plans/:id/versions',
    { config: write, schema: { tags, params: idParams, body: newPlanVersionBody, response: { 200: planDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return presentPlanDetail(app.db, actor, await newPlanVersion(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/emergency/plans/:id/evaluations',
    { config: write, schema: { tags, params: idParams, body: planEvaluateBody, response: { 200: planDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return presentPlanDetail(app.db, actor, await evaluatePlan(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/emergency/plans/:id/triggers',
    { config: act, schema: { tags, params: idParams, body: planTriggerBody, response: { 200: planDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return presentPlanDetail(app.db, actor, await recordTrigger(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.get(
    '/api/emergency/plans/:id/cards.docx',
    { config: read, schema: { tags, params: idParams, produces: [DOCX_TYPE] } },
    async (req, reply) => {
      const card = await renderDisposalCards(app.db, actorOf(req), req.params.id);
      return reply.type(DOCX_TYPE).header('content-disposition', contentDisposition(card.filename)).send(card.buffer);
    },
  );
  app.get(
    '/api/emergency/revisions',
    { config: read, schema: { tags, querystring: revisionListQuery, response: { 200: revisionPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findRevisions(app.db, actor, req.query);
      return { items: await presentRevisions(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/emergency/revisions/:id/complete',
    { config: write, schema: { tags, params: idParams, body: completeRevisionBody, response: { 200: revisionView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await completeRevision(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentRevisions(app.db, actor, [row]))[0]!;
    },
  );
}
