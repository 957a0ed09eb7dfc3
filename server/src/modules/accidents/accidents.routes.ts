// The accident registry: list, register, read, edit (with 补报 regrading), reports up the chain,
// timeline, follow-up duties, the live grade preview and the code tables.
import {
  accidentCodeTablesView,
  accidentDetail,
  accidentListQuery,
  accidentSummary,
  completeFollowUpBody,
  createAccidentBody,
  followUp,
  followUpParams,
  gradePreview,
  gradePreviewBody,
  idParams,
  pageOf,
  recordReportBody,
  timeline,
  updateAccidentBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import type { DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/actor';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { explainGrade } from '../../reference/accidents/accident-level';
import { findAccident, findAccidents, findFollowUps, findInvestigation, findReports, findRevisions } from './accidents.queries';
import { presentAccident, presentAccidentDetail, presentFollowUp } from './accidents.presenter';
import { accidentCodeTables } from './code-tables';
import { buildTimeline } from './timeline';
import { registerAccident } from './commands/register-accident';
import { updateAccident } from './commands/update-accident';
import { recordReport } from './commands/record-report';
import { completeFollowUp } from './commands/complete-follow-up';

/** Reads the accident again with everything the detail page shows. */
export async function loadDetail(db: DbOrTx, actor: Actor, id: string, now = new Date()) {
  const row = await findAccident(db, actor, id);
  if (!row) throw notFound();
  const [reports, followUps] = await Promise.all([findReports(db, [id]), findFollowUps(db, id)]);
  return presentAccidentDetail(actor, row, reports.get(id) ?? [], followUps, now);
}

export function accidentsRoutes(app: ZodApp) {
  const tags = ['accidents'];
  app.get(
    '/api/accidents',
    { config: { access: 'accident.read' }, schema: { tags, querystring: accidentListQuery, response: { 200: pageOf(accidentSummary) } } },
    async (req) => {
      const actor = actorOf(req);
      const now = new Date();
      const { items, total } = await findAccidents(app.db, actor, req.query);
      const reports = await findReports(
        app.db,
        items.map((i) => i.id),
      );
      return { items: items.map((r) => presentAccident(actor, r, reports.get(r.id) ?? [], now)), total };
    },
  );
  app.get(
    '/api/accidents/code-tables',
    { config: { access: 'accident.read' }, schema: { tags, response: { 200: accidentCodeTablesView } } },
    async () => accidentCodeTables(),
  );
  app.post(
    '/api/accidents/grade-preview',
    { config: { access: 'accident.create' }, schema: { tags, body: gradePreviewBody, response: { 200: gradePreview } } },
    async (req) => explainGrade(req.body),
  );
  app.post(
    '/api/accidents',
    { config: { access: 'accident.create' }, schema: { tags, body: createAccidentBody, response: { 201: accidentDetail } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await registerAccident(app.db, actor, clientIp(req), req.body);
      return reply.status(201).send(await loadDetail(app.db, actor, row.id));
    },
  );
  app.get(
    '/api/accidents/:id',
    { config: { access: 'accident.read' }, schema: { tags, params: idParams, response: { 200: accidentDetail } } },
    async (req) => loadDetail(app.db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/accidents/:id',
    {
      config: { access: 'accident.update' },
      schema: { tags, params: idParams, body: updateAccidentBody, response: { 200: accidentDetail } },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateAccident(app.db, actor, clientIp(req), req.params.id, req.body);
      return loadDetail(app.db, actor, req.params.id);
    },
  );
  app.post(
    '/api/accidents/:id/reports',
    {
      config: { access: 'accident.update' },
      schema: { tags, params: idParams, body: recordReportBody, response: { 201: accidentDetail } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await recordReport(app.db, actor, clientIp(req), req.params.id, req.body);
      return reply.status(201).send(await loadDetail(app.db, actor, req.params.id));
    },
  );
  app.get(
    '/api/accidents/:id/timeline',
    { config: { access: 'accident.read' }, schema: { tags, params: idParams, response: { 200: timeline } } },
    async (req) => {
      const actor = actorOf(req);
      const id = req.params.id;
      const row = await findAccident(app.db, actor, id);
      if (!row) throw notFound();
      const [reports, revisions, investigation, followUps] = await Promise.all([
        findReports(app.db, [id]),
        findRevisions(app.db, id),
        findInvestigation(app.db, id),
        findFollowUps(app.db, id),
      ]);
      return { items: buildTimeline(row, reports.get(id) ?? [], revisions, investigation, followUps, new Date()) };
    },
  );
  app.post(
    '/api/accidents/:id/follow-ups/:dutyId/complete',
    {
      config: { access: 'accident.update' },
      schema: { tags, params: followUpParams, body: completeFollowUpBody, response: { 200: followUp } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await completeFollowUp(app.db, actor, clientIp(req), req.params.id, req.params.dutyId, req.body);
      return presentFollowUp(actor, row, new Date());
    },
  );
}
