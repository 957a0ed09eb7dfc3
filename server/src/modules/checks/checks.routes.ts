// Scheduled self-inspection (隐患排查): task lists (today's tasks on the phone, the district's lists), one task with
// its items, submission, the missed-task summary, on-demand generation, and the checklist templates.
import { and, eq } from 'drizzle-orm';
import {
  checkTaskDetail,
  checkTaskListQuery,
  checkTemplate,
  checkTemplateBody,
  checkTask,
  generateCheckTasksBody,
  generateCheckTasksResult,
  idParams,
  missedSummary as missedSummarySchema,
  missedSummaryQuery,
  okResponse,
  pageOf,
  submitCheckTaskBody,
  updateCheckTemplateBody,
  versionBody,
} from '@anjian/contracts';
import { z } from 'zod';
import { checkTaskItems, checkTasks } from '../../db/schema';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, auditCtx, clientIp, lang } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { registerFileOwner } from '../../platform/files';
import { checksClock } from './checks.clock';
import { findTask, findTaskItems, findTasks, findTemplateItems, findTemplates, taskScope } from './checks.queries';
import { presentItem, presentTask, presentTemplate } from './checks.presenter';
import { missedSummary } from './checks.views';
import { CHECK_ITEM_OWNER, submitCheckTask } from './commands/submit-check-task';
import { generateCheckTasks } from './commands/generate-check-tasks';
import { createCheckTemplate, deleteCheckTemplate, updateCheckTemplate } from './commands/save-check-template';

export function checksRoutes(app: ZodApp) {
  const tags = ['checks'];
  // A passed item's photo is readable by whoever may read the task it belongs to.
  registerFileOwner(CHECK_ITEM_OWNER, async (db, actor, itemId) => {
    const [row] = await db
      .select({ id: checkTaskItems.id })
      .from(checkTaskItems)
      .innerJoin(checkTasks, eq(checkTasks.id, checkTaskItems.taskId))
      .where(and(eq(checkTaskItems.id, itemId), taskScope(actor)));
    return !!row;
  });

  app.get(
    '/api/check-tasks',
    { config: { access: 'check.read' }, schema: { tags, querystring: checkTaskListQuery, response: { 200: pageOf(checkTask) } } },
    async (req) => {
      const actor = actorOf(req);
      const today = checksClock.today();
      const { items, total } = await findTasks(app.db, actor, req.query, today);
      return { items: items.map((r) => presentTask(actor, r, today)), total };
    },
  );
  app.get(
    '/api/check-tasks/missed-summary',
    { config: { access: 'check.read' }, schema: { tags, querystring: missedSummaryQuery, response: { 200: missedSummarySchema } } },
    async (req) => missedSummary(app.db, actorOf(req), req.query, checksClock.today(), lang(req)),
  );
  app.post(
    '/api/check-tasks/generate',
    {
      config: { access: 'risk.manageTemplates' },
      schema: { tags, body: generateCheckTasksBody, response: { 200: generateCheckTasksResult } },
    },
    async (req) =>
      generateCheckTasks(app.db, { today: req.body.date ?? checksClock.today(), log: (m) => req.log.warn(m), audit: auditCtx(req) }),
  );
  app.get(
    '/api/check-tasks/:id',
    { config: { access: 'check.read' }, schema: { tags, params: idParams, response: { 200: checkTaskDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const task = await findTask(app.db, actor, req.params.id);
      if (!task) throw notFound();
      return { ...presentTask(actor, task, checksClock.today()), items: (await findTaskItems(app.db, task.id)).map(presentItem) };
    },
  );
  app.post(
    '/api/check-tasks/:id/submit',
    { config: { access: 'check.do' }, schema: { tags, params: idParams, body: submitCheckTaskBody, response: { 200: checkTaskDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const task = await submitCheckTask(app.db, actor, clientIp(req), req.params.id, req.body);
      return { ...presentTask(actor, task, checksClock.today()), items: (await findTaskItems(app.db, task.id)).map(presentItem) };
    },
  );

  app.get(
    '/api/check-templates',
    { config: { access: 'check.read' }, schema: { tags, response: { 200: z.array(checkTemplate) } } },
    async (req) => {
      const actor = actorOf(req);
      const rows = await findTemplates(app.db);
      const items = await findTemplateItems(
        app.db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => presentTemplate(actor, r, items));
    },
  );
  app.post(
    '/api/check-templates',
    { config: { access: 'risk.manageTemplates' }, schema: { tags, body: checkTemplateBody, response: { 201: checkTemplate } } },
    async (req, reply) => reply.status(201).send(await createCheckTemplate(app.db, actorOf(req), clientIp(req), req.body)),
  );
  app.put(
    '/api/check-templates/:id',
    {
      config: { access: 'risk.manageTemplates' },
      schema: { tags, params: idParams, body: updateCheckTemplateBody, response: { 200: checkTemplate } },
    },
    async (req) => updateCheckTemplate(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.delete(
    '/api/check-templates/:id',
    { config: { access: 'risk.manageTemplates' }, schema: { tags, params: idParams, body: versionBody, response: { 200: okResponse } } },
    async (req) => {
      await deleteCheckTemplate(app.db, actorOf(req), clientIp(req), req.params.id, req.body.version);
      return { ok: true as const };
    },
  );
}
