// Route map: 工作方案与督办 — plans and tasks, the task-table import, task steps, monthly progress reports and the
// month's board. The .xlsx/.docx export (GET /api/workplans/:id/export) is a file download, not a JSON route.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  boardQuery,
  createWorkPlanBody,
  createWorkTaskBody,
  fileMonthlyReportBody,
  myWorkTasks,
  myWorkTasksQuery,
  progressBoard,
  workPlanDetail,
  workPlanListQuery,
  workPlanPage,
  workTaskActBody,
  workTaskDetail,
  workPlanImportQuery,
  workPlanImportReport,
} from '../schemas/workplans';

export const workplanRoutes = defineRoutes({
  'GET /api/workplans': { query: workPlanListQuery, response: workPlanPage },
  'POST /api/workplans': { body: createWorkPlanBody, response: workPlanDetail },
  'GET /api/workplans/:id': { params: idParams, response: workPlanDetail },
  'POST /api/workplans/:id/tasks': { params: idParams, body: createWorkTaskBody, response: workTaskDetail },
  'POST /api/workplans/:id/import': { params: idParams, query: workPlanImportQuery, multipart: true, response: workPlanImportReport },
  'GET /api/workplans/:id/board': { params: idParams, query: boardQuery, response: progressBoard },
  'GET /api/work-tasks/mine': { query: myWorkTasksQuery, response: myWorkTasks },
  'GET /api/work-tasks/:id': { params: idParams, response: workTaskDetail },
  'POST /api/work-tasks/:id/act': { params: idParams, body: workTaskActBody, response: workTaskDetail },
  'POST /api/work-tasks/:id/reports': { params: idParams, body: fileMonthlyReportBody, response: workTaskDetail },
});
