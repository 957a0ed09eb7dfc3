// Route map: an enterprise's occupational-health file (declaration, detections, protective equipment, grade, exposed
// workers and their health checks), the rates against the targets and the detection-due list.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  checkBody,
  declarationBody,
  detectionBody,
  detectionDuePage,
  detectionDueQuery,
  gradeBody,
  ohProfileView,
  ohRates,
  ohRatesQuery,
  ppeBody,
  registerProfileBody,
  workerBody,
  workerListQuery,
  workerPage,
  workerView,
} from '../schemas/occupational-health';

export const occupationalHealthRoutes = defineRoutes({
  'POST /api/occupational-health/profiles': { body: registerProfileBody, response: ohProfileView },
  'GET /api/occupational-health/profiles/:id': { params: idParams, response: ohProfileView },
  'POST /api/occupational-health/profiles/:id/declarations': { params: idParams, body: declarationBody, response: ohProfileView },
  'POST /api/occupational-health/profiles/:id/detections': { params: idParams, body: detectionBody, response: ohProfileView },
  'POST /api/occupational-health/profiles/:id/ppe': { params: idParams, body: ppeBody, response: ohProfileView },
  'PUT /api/occupational-health/profiles/:id/grade': { params: idParams, body: gradeBody, response: ohProfileView },
  'GET /api/occupational-health/profiles/:id/workers': { params: idParams, query: workerListQuery, response: workerPage },
  'POST /api/occupational-health/profiles/:id/workers': { params: idParams, body: workerBody, response: workerView },
  'POST /api/occupational-health/workers/:id/checks': { params: idParams, body: checkBody, response: workerView },
  'GET /api/occupational-health/rates': { query: ohRatesQuery, response: ohRates },
  'GET /api/occupational-health/detection-due': { query: detectionDueQuery, response: detectionDuePage },
});
