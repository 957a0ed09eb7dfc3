// Route map: 网格化巡查 — units with their due state, visits, coverage, activity and 网格登记.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  gridActivityQuery,
  gridActivityView,
  gridCoverageQuery,
  gridCoverageView,
  gridFileView,
  gridRegistrationActBody,
  gridRegistrationListQuery,
  gridRegistrationPage,
  gridRegistrationView,
  gridUnitPage,
  gridUnitsQuery,
  gridVisitListQuery,
  gridVisitPage,
  gridVisitView,
  recordVisitBody,
  registerUnitBody,
} from '../schemas/grid';

export const gridRoutes = defineRoutes({
  'GET /api/grid/units': { query: gridUnitsQuery, response: gridUnitPage },
  'POST /api/grid/visits': { body: recordVisitBody, response: gridVisitView },
  'GET /api/grid/visits': { query: gridVisitListQuery, response: gridVisitPage },
  'GET /api/grid/visits/:id': { params: idParams, response: gridVisitView },
  'POST /api/grid/attachments': { multipart: true, response: gridFileView },
  'GET /api/grid/coverage': { query: gridCoverageQuery, response: gridCoverageView },
  'GET /api/grid/activity': { query: gridActivityQuery, response: gridActivityView },
  'POST /api/grid/registrations': { body: registerUnitBody, response: gridRegistrationView },
  'GET /api/grid/registrations': { query: gridRegistrationListQuery, response: gridRegistrationPage },
  'GET /api/grid/registrations/:id': { params: idParams, response: gridRegistrationView },
  'POST /api/grid/registrations/:id/act': { params: idParams, body: gridRegistrationActBody, response: gridRegistrationView },
});
