// Route map: 举报 duplicates and merge, the handler workspace's map, and the public form's challenge.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import { reportDetail } from '../schemas/reports';
import { mergeReportBody, reportChallenge, reportDuplicates, reportMapPoints, reportMapQuery } from '../schemas/report-duplicates';

export const reportDuplicateRoutes = defineRoutes({
  'GET /api/reports/:id/duplicates': { params: idParams, response: reportDuplicates },
  'POST /api/reports/:id/merge': { params: idParams, body: mergeReportBody, response: reportDetail },
  'GET /api/reports/map': { query: reportMapQuery, response: reportMapPoints },
  'GET /api/public/report-challenge': { response: reportChallenge },
});
