// Route map: the principal's safety commitment (signed on screen, public for the workers) and the 八个一次 duties.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  checkDutyBody,
  commitmentQuery,
  commitmentView,
  dutyComplianceQuery,
  dutyComplianceView,
  dutyFileView,
  dutyRecordListQuery,
  dutyRecordPage,
  dutyRecordView,
  enterpriseDutiesQuery,
  enterpriseDutiesView,
  laggardAreaPage,
  laggardAreaQuery,
  laggardPage,
  laggardQuery,
  publicCommitmentView,
  recordDutyBody,
  resubmitDutyBody,
  returnDutyBody,
  signCommitmentBody,
} from '../schemas/commitments';

export const commitmentRoutes = defineRoutes({
  'GET /api/enterprises/:id/commitment': { params: idParams, query: commitmentQuery, response: commitmentView },
  'POST /api/enterprises/:id/commitment': { params: idParams, body: signCommitmentBody, response: commitmentView },
  'GET /api/public/commitments/:id': { params: idParams, response: publicCommitmentView },
  'GET /api/enterprises/:id/duties': { params: idParams, query: enterpriseDutiesQuery, response: enterpriseDutiesView },
  'GET /api/duty-records': { query: dutyRecordListQuery, response: dutyRecordPage },
  'POST /api/duty-records/attachments': { multipart: true, response: dutyFileView },
  'POST /api/duty-records': { body: recordDutyBody, response: dutyRecordView },
  'GET /api/duty-records/:id': { params: idParams, response: dutyRecordView },
  'POST /api/duty-records/:id/resubmit': { params: idParams, body: resubmitDutyBody, response: dutyRecordView },
  'POST /api/duty-records/:id/accept': { params: idParams, body: checkDutyBody, response: dutyRecordView },
  'POST /api/duty-records/:id/return': { params: idParams, body: returnDutyBody, response: dutyRecordView },
  'GET /api/duties/compliance': { query: dutyComplianceQuery, response: dutyComplianceView },
  'GET /api/duties/laggards': { query: laggardQuery, response: laggardPage },
  'GET /api/duties/laggards/areas': { query: laggardAreaQuery, response: laggardAreaPage },
});
