// Account administration.
import { createUserBody, idParams, pageOf, updateUserBody, user, userListQuery } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findUser, findUsers } from './users.queries';
import { presentUser } from './users.presenter';
import { createUser } from './commands/create-user';
import { unlockUser, updateUser } from './commands/update-user';

export function usersRoutes(app: ZodApp) {
  const tags = ['users'];
  app.get(
    '/api/users',
    { config: { access: 'user.read' }, schema: { tags, querystring: userListQuery, response: { 200: pageOf(user) } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findUsers(app.db, actor, req.query);
      return { items: items.map((r) => presentUser(actor, r)), total };
    },
  );
  app.get(
    '/api/users/:id',
    { config: { access: 'user.read' }, schema: { tags, params: idParams, response: { 200: user } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findUser(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentUser(actor, row);
    },
  );
  app.post(
    '/api/users',
    { config: { access: 'user.manage' }, schema: { tags, body: createUserBody, response: { 201: user } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createUser(app.db, app.config, actor, clientIp(req), req.body);
      return reply.status(201).send(presentUser(actor, row));
    },
  );
  app.patch(
    '/api/users/:id',
    { config: { access: 'user.manage' }, schema: { tags, params: idParams, body: updateUserBody, response: { 200: user } } },
    async (req) => {
      const actor = actorOf(req);
      return presentUser(actor, await updateUser(app.db, app.config, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/users/:id/unlock',
    { config: { access: 'user.manage' }, schema: { tags, params: idParams, response: { 200: user } } },
    async (req) => {
      const actor = actorOf(req);
      return presentUser(actor, await unlockUser(app.db, actor, clientIp(req), req.params.id));
    },
  );
}
