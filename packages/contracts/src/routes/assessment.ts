// Route map: 年度考核 (schemes, score sheets, ranking) and 工作督办's 约谈 and 通报. The ranking's .xlsx export
// (GET /api/assessment/schemes/:id/export) is a file download, not a JSON route.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  createSchemeBody,
  enterValueBody,
  rankingView,
  schemeListQuery,
  schemePage,
  schemeView,
  sheetActBody,
  sheetListQuery,
  sheetPage,
  sheetView,
  updateSchemeBody,
} from '../schemas/assessment';
import { versionBody } from '../schemas/risks';
import {
  bulletinListQuery,
  bulletinPage,
  bulletinView,
  createInterviewBody,
  editBulletinBody,
  generateBulletinBody,
  interviewListQuery,
  interviewPage,
  interviewView,
  updateInterviewBody,
} from '../schemas/supervision';

export const assessmentRoutes = defineRoutes({
  'GET /api/assessment/schemes': { query: schemeListQuery, response: schemePage },
  'POST /api/assessment/schemes': { body: createSchemeBody, response: schemeView },
  'GET /api/assessment/schemes/:id': { params: idParams, response: schemeView },
  'PATCH /api/assessment/schemes/:id': { params: idParams, body: updateSchemeBody, response: schemeView },
  'POST /api/assessment/schemes/:id/freeze': { params: idParams, body: versionBody, response: schemeView },
  'POST /api/assessment/schemes/:id/revise': { params: idParams, body: versionBody, response: schemeView },
  'POST /api/assessment/schemes/:id/compute': { params: idParams, body: versionBody, response: schemeView },
  'GET /api/assessment/schemes/:id/ranking': { params: idParams, response: rankingView },
  'GET /api/assessment/sheets': { query: sheetListQuery, response: sheetPage },
  'GET /api/assessment/sheets/:id': { params: idParams, response: sheetView },
  'POST /api/assessment/sheets/:id/values': { params: idParams, body: enterValueBody, response: sheetView },
  'POST /api/assessment/sheets/:id/act': { params: idParams, body: sheetActBody, response: sheetView },
  'GET /api/work-interviews': { query: interviewListQuery, response: interviewPage },
  'POST /api/work-interviews': { body: createInterviewBody, response: interviewView },
  'GET /api/work-interviews/:id': { params: idParams, response: interviewView },
  'PATCH /api/work-interviews/:id': { params: idParams, body: updateInterviewBody, response: interviewView },
  'GET /api/work-bulletins': { query: bulletinListQuery, response: bulletinPage },
  'POST /api/work-bulletins': { body: generateBulletinBody, response: bulletinView },
  'GET /api/work-bulletins/:id': { params: idParams, response: bulletinView },
  'PATCH /api/work-bulletins/:id': { params: idParams, body: editBulletinBody, response: bulletinView },
  'POST /api/work-bulletins/:id/publish': { params: idParams, body: versionBody, response: bulletinView },
});
