// Route map: 举报 — the public form and tracking (no login), a citizen's own reports, and the officers' workspace.
// The photo files themselves (GET /api/public/reports/:code/photos/:fileId[/thumbnail], /api/files/:id) are bytes,
// not JSON, and are linked from the views' url and thumbnailUrl.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  intakeReportBody,
  myReports,
  publicReportAreas,
  publicReportBody,
  publicReportReceipt,
  publicReportStatus,
  reportActBody,
  reportDetail,
  reportListQuery,
  reportPage,
  reportPhotoUpload,
  reportPhotoView,
  revealedReporter,
  revealReporterBody,
  trackingParams,
} from '../schemas/reports';

export const reportRoutes = defineRoutes({
  'GET /api/public/report-areas': { response: publicReportAreas },
  'POST /api/public/reports/photos': { multipart: true, response: reportPhotoUpload },
  'POST /api/public/reports': { body: publicReportBody, response: publicReportReceipt },
  'GET /api/public/reports/:code': { params: trackingParams, response: publicReportStatus },
  'GET /api/reports/mine': { response: myReports },
  'GET /api/reports': { query: reportListQuery, response: reportPage },
  'POST /api/reports/photos': { multipart: true, response: reportPhotoView },
  'POST /api/reports': { body: intakeReportBody, response: reportDetail },
  'GET /api/reports/:id': { params: idParams, response: reportDetail },
  'POST /api/reports/:id/act': { params: idParams, body: reportActBody, response: reportDetail },
  'POST /api/reports/:id/reporter/reveal': { params: idParams, body: revealReporterBody, response: revealedReporter },
});
