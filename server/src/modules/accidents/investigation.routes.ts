// The investigation of one accident: read (with its derived due days), save, and the one extension.
import { extendInvestigationBody, idParams, investigation, saveInvestigationBody } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findAccident, findInvestigation } from './accidents.queries';
import { presentInvestigation } from './investigation.presenter';
import { saveInvestigation } from './commands/save-investigation';
import { extendInvestigation } from './commands/extend-investigation';

export function investigationRoutes(app: ZodApp) {
  const tags = ['accidents'];
  app.get(
    '/api/accidents/:id/investigation',
    { config: { access: 'accident.read' }, schema: { tags, params: idParams, response: { 200: investigation } } },
    async (req) => {
      const actor = actorOf(req);
      const accident = await findAccident(app.db, actor, req.params.id);
      if (!accident) throw notFound();
      return presentInvestigation(actor, accident, await findInvestigation(app.db, accident.id), new Date());
    },
  );
  app.put(
    '/api/accidents/:id/investigation',
    {
      config: { access: 'accident.update' },
      schema: { tags, params: idParams, body: saveInvestigationBody, response: { 200: investigation } },
    },
    async (req) => saveInvestigation(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.post(
    '/api/accidents/:id/investigation/extension',
    {
      config: { access: 'accident.update' },
      schema: { tags, params: idParams, body: extendInvestigationBody, response: { 200: investigation } },
    },
    async (req) => extendInvestigation(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
}
