// 工作方案与督办: plans and their tasks (the issuer side sees all in its area; a lead unit its own tasks), task steps
// through the machine, monthly progress reports, the month's board and the 进展情况表 export.
import {
  boardQuery,
  workPlanExportQuery,
  workPlanImportQuery,
  workPlanImportReport,
  createWorkPlanBody,
  createWorkTaskBody,
  fileMonthlyReportBody,
  idParams,
  myWorkTasks,
  myWorkTasksQuery,
  progressBoard,
  workPlanDetail,
  workPlanListQuery,
  workPlanPage,
  workTaskActBody,
  workTaskDetail,
  type MonthlyReportState,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findMyTasks, findPlan, findPlans, findPlanTasks, findReportsFor, findTask, planReportDays, planTitles } from './workplans.queries';
import { presentPlans, presentReports, presentTaskDetail, presentTasks } from './workplans.presenter';
import { createPlan } from './commands/create-plan';
import { addTask } from './commands/add-task';
import { actOnTask } from './commands/act-on-task';
import { fileReport } from './commands/file-report';
import { buildBoard } from './workplans.board';
import { exportProgress } from './workplans.export';
import { importPlanTable } from './commands/import-plan-table';
import { workplansClock } from './workplans.clock';
import { monthlyReportDue, monthOf, reportState } from './workplans.rules';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { attachment, XLSX_TYPE } from '../../platform/xlsx-stream';
import { receiveUpload } from '../../platform/upload-request';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function planDetail(db: DbOrTx, actor: Actor, id: string) {
  const plan = await findPlan(db, actor, id);
  if (!plan) throw notFound();
  const [[view], tasks] = await Promise.all([presentPlans(db, actor, [plan]), findPlanTasks(db, actor, plan.id)]);
  return { ...view!, tasks: await presentTasks(db, actor, tasks, new Map([[plan.id, plan.title]])) };
}

export function workplansRoutes(app: ZodApp) {
  const tags = ['workplans'];
  app.get(
    '/api/workplans',
    { config: { access: 'workplan.read' }, schema: { tags, querystring: workPlanListQuery, response: { 200: workPlanPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findPlans(app.db, actor, req.query);
      return { items: await presentPlans(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/workplans',
    { config: { access: 'workplan.manage' }, schema: { tags, body: createWorkPlanBody, response: { 200: workPlanDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await createPlan(app.db, actor, clientIp(req), req.body);
      return planDetail(app.db, actor, row.id);
    },
  );
  app.get(
    '/api/workplans/:id',
    { config: { access: 'workplan.read' }, schema: { tags, params: idParams, response: { 200: workPlanDetail } } },
    async (req) => planDetail(app.db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/workplans/:id/tasks',
    {
      config: { access: 'workplan.manage' },
      schema: { tags, params: idParams, body: createWorkTaskBody, response: { 200: workTaskDetail } },
    },
    async (req) => addTask(app.db, actorOf(req), clientIp(req), req.params.id, req.body, workplansClock.today()),
  );
  app.get(
    '/api/workplans/:id/board',
    { config: { access: 'workplan.read' }, schema: { tags, params: idParams, querystring: boardQuery, response: { 200: progressBoard } } },
    async (req) => buildBoard(app.db, actorOf(req), req.params.id, req.query.month, workplansClock.today()),
  );
  app.get(
    '/api/workplans/:id/export',
    {
      config: { access: 'workplan.export' },
      schema: { tags, params: idParams, querystring: workPlanExportQuery, produces: [XLSX_TYPE, DOCX_TYPE] },
    },
    async (req, reply) => {
      const { format } = req.query;
      const { buffer, month } = await exportProgress(
        app.db,
        actorOf(req),
        clientIp(req),
        req.params.id,
        req.query.month,
        workplansClock.today(),
        format,
      );
      const name = `工作分工及进展情况表-${month}.${format}`;
      return reply
        .type(format === 'docx' ? DOCX_TYPE : XLSX_TYPE)
        .header('content-disposition', attachment(`progress-${month}.${format}`, name))
        .send(buffer);
    },
  );
  app.post(
    '/api/workplans/:id/import',
    {
      config: { access: 'workplan.manage' },
      schema: { tags, params: idParams, querystring: workPlanImportQuery, response: { 200: workPlanImportReport } },
    },
    async (req) => {
      const { data: buffer } = await receiveUpload(req, { noun: 'import' });
      return importPlanTable(app.db, actorOf(req), clientIp(req), req.params.id, { buffer, ...req.query }, workplansClock.today());
    },
  );
  app.get(
    '/api/work-tasks/mine',
    { config: { access: 'workplan.report' }, schema: { tags, querystring: myWorkTasksQuery, response: { 200: myWorkTasks } } },
    async (req) => {
      const actor = actorOf(req);
      const today = workplansClock.today();
      const month = req.query.month ?? monthOf(today);
      const tasks = await findMyTasks(app.db, actor);
      const planIds = tasks.map((t) => t.planId);
      const [titles, days, reports] = await Promise.all([
        planTitles(app.db, planIds),
        planReportDays(app.db, planIds),
        findReportsFor(
          app.db,
          tasks.map((t) => t.id),
          month,
        ),
      ]);
      const views = await presentTasks(app.db, actor, tasks, titles);
      const presented = await presentReports(app.db, reports);
      const byTask = new Map(reports.map((r, i) => [r.taskId, presented[i]!]));
      return {
        month,
        items: views.map((v, i) => {
          const t = tasks[i]!;
          const dueOn = monthlyReportDue(month, days.get(t.planId) ?? 28);
          const report = byTask.get(t.id) ?? null;
          const state: MonthlyReportState = reportState({
            submittedOn: report?.submittedOn ?? null,
            dueOn,
            today,
            assignedOn: t.assignedOn,
            status: t.status,
          });
          return { ...v, month, dueOn, reportState: state, report };
        }),
      };
    },
  );
  app.get(
    '/api/work-tasks/:id',
    { config: { access: 'workplan.read' }, schema: { tags, params: idParams, response: { 200: workTaskDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findTask(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentTaskDetail(app.db, actor, row, (await planTitles(app.db, [row.planId])).get(row.planId) ?? '');
    },
  );
  // The route admits every role that takes some step; each step then needs its own permission (the machine).
  app.post(
    '/api/work-tasks/:id/act',
    { config: { access: 'workplan.read' }, schema: { tags, params: idParams, body: workTaskActBody, response: { 200: workTaskDetail } } },
    async (req) => actOnTask(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.post(
    '/api/work-tasks/:id/reports',
    {
      config: { access: 'workplan.report' },
      schema: { tags, params: idParams, body: fileMonthlyReportBody, response: { 200: workTaskDetail } },
    },
    async (req) => fileReport(app.db, actorOf(req), clientIp(req), req.params.id, req.body, workplansClock.today()),
  );
}
