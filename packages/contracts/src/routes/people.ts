// Route map: 三项岗位 people of an enterprise, their certificates, the expiry/review list and the holding rates.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import { importReport } from '../schemas/enterprises';
import {
  certificateListQuery,
  certificatePage,
  certificateRateQuery,
  certificateRates,
  certificateView,
  createCertificateBody,
  createPersonBody,
  operationCatalogue,
  personDetail,
  personListQuery,
  personPage,
  peopleImportQuery,
  revokeCertificateBody,
  updateCertificateBody,
  updatePersonBody,
} from '../schemas/people';
import {
  createSpotCheckBody,
  recordSpotOutcomeBody,
  spotCheckDetail,
  spotCheckItemView,
  spotCheckListQuery,
  spotCheckPage,
  spotCheckPhotoView,
} from '../schemas/spot-checks';

export const peopleRoutes = defineRoutes({
  'GET /api/people': { query: personListQuery, response: personPage },
  'POST /api/people': { body: createPersonBody, response: personDetail },
  'POST /api/people/import': { query: peopleImportQuery, multipart: true, response: importReport },
  'GET /api/people/:id': { params: idParams, response: personDetail },
  'PUT /api/people/:id': { params: idParams, body: updatePersonBody, response: personDetail },
  'POST /api/people/:id/certificates': { params: idParams, body: createCertificateBody, response: personDetail },
  'GET /api/certificates': { query: certificateListQuery, response: certificatePage },
  'GET /api/certificates/rates': { query: certificateRateQuery, response: certificateRates },
  'GET /api/certificates/catalogue': { response: operationCatalogue },
  'PUT /api/certificates/:id': { params: idParams, body: updateCertificateBody, response: certificateView },
  'POST /api/certificates/:id/revoke': { params: idParams, body: revokeCertificateBody, response: certificateView },
  'GET /api/spot-checks': { query: spotCheckListQuery, response: spotCheckPage },
  'POST /api/spot-checks': { body: createSpotCheckBody, response: spotCheckDetail },
  'GET /api/spot-checks/:id': { params: idParams, response: spotCheckDetail },
  'POST /api/spot-checks/photos': { multipart: true, response: spotCheckPhotoView },
  'POST /api/spot-check-items/:id/outcome': { params: idParams, body: recordSpotOutcomeBody, response: spotCheckItemView },
});
