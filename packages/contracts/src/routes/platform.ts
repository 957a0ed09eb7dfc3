// Route map: platform (auth, users, jurisdiction, audit, calendar, code tables).
import { z } from 'zod';
import { defineRoutes } from './define';
import { idParams, okResponse, pageOf } from '../schemas/common';
import { changePasswordBody, loginBody, loginResponse, meResponse } from '../schemas/auth';
import { createUserBody, updateUserBody, user, userListQuery } from '../schemas/users';
import { area, areaChildrenQuery, org, park } from '../schemas/areas';
import { auditEntry, auditQuery, auditVerifyResponse } from '../schemas/audit';
import { calendarOverview, calendarYearDetail, calendarYearParams, putCalendarYearBody } from '../schemas/calendar';
import { codeTablesView } from './other-views';

export const platformRoutes = defineRoutes({
  'POST /api/auth/login': { body: loginBody, response: loginResponse },
  'POST /api/auth/logout': { response: okResponse },
  'GET /api/me': { response: meResponse },
  'POST /api/auth/password': { body: changePasswordBody, response: okResponse },
  'GET /api/users': { query: userListQuery, response: pageOf(user) },
  'GET /api/users/:id': { params: idParams, response: user },
  'POST /api/users': { body: createUserBody, response: user },
  'PATCH /api/users/:id': { params: idParams, body: updateUserBody, response: user },
  'POST /api/users/:id/unlock': { params: idParams, response: user },
  'GET /api/areas': { query: areaChildrenQuery, response: z.array(area) },
  'GET /api/organisations': { response: z.array(org) },
  'GET /api/parks': { response: z.array(park) },
  'GET /api/audit': { query: auditQuery, response: pageOf(auditEntry) },
  'POST /api/audit/verify': { response: auditVerifyResponse },
  'GET /api/calendar': { response: calendarOverview },
  'GET /api/calendar/years/:year': { params: calendarYearParams, response: calendarYearDetail },
  'PUT /api/calendar/years/:year': { params: calendarYearParams, body: putCalendarYearBody, response: calendarYearDetail },
  'DELETE /api/calendar/years/:year': { params: calendarYearParams, response: okResponse },
  'GET /api/code-tables': { response: codeTablesView },
});
