// 责任清单与责任书: an enterprise's whole-staff responsibility list and post letters (the enterprise writes, officers
// read in scope), and the government's target-responsibility letters district → street → community / enterprise
// (draft → issued → signed, or withdrawn; letters.workflow.ts).
import {
  can,
  createLetterBody,
  idParams,
  letterActBody,
  letterDetail,
  letterListQuery,
  letterPage,
  letterRecipientsView,
  responsibilityListView,
  responsibilityPostBody,
  responsibilityPostView,
  signPostLetterBody,
  updateResponsibilityPostBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findChildAreas, findLetter, findLetters } from './letters.queries';
import { presentLetterDetail, presentLetters } from './letters.presenter';
import { createLetter } from './commands/create-letter';
import { actOnLetter } from './commands/act-on-letter';
import { findListEnterprise, findPosts } from './posts.queries';
import { presentPost } from './posts.presenter';
import { addPost, signPostLetter, updatePost } from './commands/save-post';

export function responsibilityRoutes(app: ZodApp) {
  const tags = ['responsibility'];
  app.get(
    '/api/enterprises/:id/responsibility-posts',
    { config: { access: 'responsibilityList.read' }, schema: { tags, params: idParams, response: { 200: responsibilityListView } } },
    async (req) => {
      const actor = actorOf(req);
      const ent = await findListEnterprise(app.db, actor, req.params.id);
      if (!ent) throw notFound();
      const year = Number(cstDate().slice(0, 4));
      const posts = (await findPosts(app.db, actor, ent.id)).map((p) => presentPost(actor, p));
      return {
        enterpriseId: ent.id,
        year,
        posts,
        signed: posts.filter((p) => p.letterYear === year).length,
        total: posts.length,
        canAdd: can(actor.role, 'responsibilityList.manage') && actor.enterpriseId === ent.id,
      };
    },
  );
  app.post(
    '/api/enterprises/:id/responsibility-posts',
    {
      config: { access: 'responsibilityList.manage' },
      schema: { tags, params: idParams, body: responsibilityPostBody, response: { 200: responsibilityPostView } },
    },
    async (req) => addPost(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.patch(
    '/api/responsibility-posts/:id',
    {
      config: { access: 'responsibilityList.manage' },
      schema: { tags, params: idParams, body: updateResponsibilityPostBody, response: { 200: responsibilityPostView } },
    },
    async (req) => updatePost(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.post(
    '/api/responsibility-posts/:id/sign',
    {
      config: { access: 'responsibilityList.manage' },
      schema: { tags, params: idParams, body: signPostLetterBody, response: { 200: responsibilityPostView } },
    },
    async (req) => signPostLetter(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );

  app.get(
    '/api/responsibility-letters',
    { config: { access: 'responsibilityLetter.read' }, schema: { tags, querystring: letterListQuery, response: { 200: letterPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findLetters(app.db, actor, req.query);
      return { items: await presentLetters(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/responsibility-letters',
    { config: { access: 'responsibilityLetter.issue' }, schema: { tags, body: createLetterBody, response: { 200: letterDetail } } },
    async (req) => createLetter(app.db, actorOf(req), clientIp(req), req.body),
  );
  app.get(
    '/api/responsibility-letter-recipients',
    { config: { access: 'responsibilityLetter.issue' }, schema: { tags, response: { 200: letterRecipientsView } } },
    async (req) => {
      const actor = actorOf(req);
      const areas = await findChildAreas(app.db, actor);
      return {
        areas: areas
          .filter((a) => a.level === 'street' || a.level === 'community')
          .map((a) => ({ code: a.code, name: a.name, kind: a.level as 'street' | 'community' })),
        // Enterprises are addressed by a street (its own enterprises, chosen by search).
        enterprises: actor.role === 'street_officer',
      };
    },
  );
  app.get(
    '/api/responsibility-letters/:id',
    { config: { access: 'responsibilityLetter.read' }, schema: { tags, params: idParams, response: { 200: letterDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findLetter(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentLetterDetail(app.db, actor, row);
    },
  );
  app.post(
    '/api/responsibility-letters/:id/act',
    {
      config: { access: 'responsibilityLetter.act' },
      schema: { tags, params: idParams, body: letterActBody, response: { 200: letterDetail } },
    },
    async (req) => actOnLetter(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
}
