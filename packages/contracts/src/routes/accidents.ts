// Route map: accidents (事故), investigation, analysis and the safety indicators (控制指标).
import { idParams, pageOf } from '../schemas/common';
import { defineRoutes } from './define';
import {
  accidentDetail,
  accidentListQuery,
  accidentSummary,
  completeFollowUpBody,
  createAccidentBody,
  followUp,
  followUpParams,
  gradePreview,
  gradePreviewBody,
  recordReportBody,
  timeline,
  updateAccidentBody,
} from '../schemas/accidents';
import { extendInvestigationBody, investigation, saveInvestigationBody } from '../schemas/accident-investigation';
import {
  analysisQuery,
  analysisReport,
  gaomingReport,
  hotspotsQuery,
  hotspotsReport,
  importResult,
  indicatorBase,
  indicatorBaseBody,
  indicatorBaseImportBody,
  indicatorBaseParams,
  indicatorsQuery,
  indicatorsReport,
  indicatorTarget,
  indicatorTargetBody,
  indicatorTargetParams,
  statisticsImportBody,
} from '../schemas/indicators';
import { accidentCodeTablesView } from './other-views';

export const accidentRoutes = defineRoutes({
  'GET /api/accidents': { query: accidentListQuery, response: pageOf(accidentSummary) },
  'GET /api/accidents/code-tables': { response: accidentCodeTablesView },
  'POST /api/accidents/grade-preview': { body: gradePreviewBody, response: gradePreview },
  'POST /api/accidents': { body: createAccidentBody, response: accidentDetail },
  'GET /api/accidents/:id': { params: idParams, response: accidentDetail },
  'PATCH /api/accidents/:id': { params: idParams, body: updateAccidentBody, response: accidentDetail },
  'POST /api/accidents/:id/reports': { params: idParams, body: recordReportBody, response: accidentDetail },
  'GET /api/accidents/:id/timeline': { params: idParams, response: timeline },
  'POST /api/accidents/:id/follow-ups/:dutyId/complete': { params: followUpParams, body: completeFollowUpBody, response: followUp },
  'GET /api/accidents/:id/investigation': { params: idParams, response: investigation },
  'PUT /api/accidents/:id/investigation': { params: idParams, body: saveInvestigationBody, response: investigation },
  'POST /api/accidents/:id/investigation/extension': { params: idParams, body: extendInvestigationBody, response: investigation },
  'GET /api/accidents/analysis': { query: analysisQuery, response: analysisReport },
  'GET /api/accidents/hotspots': { query: hotspotsQuery, response: hotspotsReport },
  'GET /api/indicators': { query: indicatorsQuery, response: indicatorsReport },
  'PUT /api/indicators/base/:areaCode/:year': { params: indicatorBaseParams, body: indicatorBaseBody, response: indicatorBase },
  'POST /api/indicators/base/import': { body: indicatorBaseImportBody, response: importResult },
  'PUT /api/indicators/targets/:areaCode/:year/:indicator': {
    params: indicatorTargetParams,
    body: indicatorTargetBody,
    response: indicatorTarget,
  },
  'POST /api/accident-statistics/import': { body: statisticsImportBody, response: importResult },
  'GET /api/indicators/gaoming': { response: gaomingReport },
});
