// 约谈 and 通报 of 工作督办: interviews (record, read, complete minutes and follow-ups) and bulletins (generate from
// completion data, edit while draft, publish to the units concerned). The issuer side sees all it made; a unit sees
// the interviews held with it and the published bulletins addressed to it.
import {
  bulletinListQuery,
  bulletinPage,
  bulletinView,
  createInterviewBody,
  editBulletinBody,
  generateBulletinBody,
  idParams,
  interviewListQuery,
  interviewPage,
  interviewView,
  updateInterviewBody,
  versionBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findBulletin, findBulletins, findInterview, findInterviews } from './supervision.queries';
import { presentBulletins, presentInterviews } from './supervision.presenter';
import { recordInterview, updateInterview } from './commands/record-interview';
import { editBulletin, generateBulletin, publishBulletin } from './commands/bulletins';
import { workplansClock } from './workplans.clock';

export function supervisionRoutes(app: ZodApp) {
  const tags = ['workplans'];
  app.get(
    '/api/work-interviews',
    { config: { access: 'workplan.read' }, schema: { tags, querystring: interviewListQuery, response: { 200: interviewPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findInterviews(app.db, actor, req.query);
      return { items: await presentInterviews(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/work-interviews',
    { config: { access: 'workplan.supervise' }, schema: { tags, body: createInterviewBody, response: { 200: interviewView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await recordInterview(app.db, actor, clientIp(req), req.body);
      return (await presentInterviews(app.db, actor, [row]))[0]!;
    },
  );
  app.get(
    '/api/work-interviews/:id',
    { config: { access: 'workplan.read' }, schema: { tags, params: idParams, response: { 200: interviewView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findInterview(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return (await presentInterviews(app.db, actor, [row]))[0]!;
    },
  );
  app.patch(
    '/api/work-interviews/:id',
    {
      config: { access: 'workplan.supervise' },
      schema: { tags, params: idParams, body: updateInterviewBody, response: { 200: interviewView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await updateInterview(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentInterviews(app.db, actor, [row]))[0]!;
    },
  );
  app.get(
    '/api/work-bulletins',
    { config: { access: 'workplan.read' }, schema: { tags, querystring: bulletinListQuery, response: { 200: bulletinPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findBulletins(app.db, actor, req.query);
      return { items: await presentBulletins(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/work-bulletins',
    { config: { access: 'workplan.supervise' }, schema: { tags, body: generateBulletinBody, response: { 200: bulletinView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await generateBulletin(app.db, actor, clientIp(req), req.body, workplansClock.today());
      return (await presentBulletins(app.db, actor, [row]))[0]!;
    },
  );
  app.get(
    '/api/work-bulletins/:id',
    { config: { access: 'workplan.read' }, schema: { tags, params: idParams, response: { 200: bulletinView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findBulletin(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return (await presentBulletins(app.db, actor, [row]))[0]!;
    },
  );
  app.patch(
    '/api/work-bulletins/:id',
    {
      config: { access: 'workplan.supervise' },
      schema: { tags, params: idParams, body: editBulletinBody, response: { 200: bulletinView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await editBulletin(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentBulletins(app.db, actor, [row]))[0]!;
    },
  );
  app.post(
    '/api/work-bulletins/:id/publish',
    { config: { access: 'workplan.supervise' }, schema: { tags, params: idParams, body: versionBody, response: { 200: bulletinView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await publishBulletin(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentBulletins(app.db, actor, [row]))[0]!;
    },
  );
}
