// Route map: the enterprise registry (一企一档) and the map.
import { defineRoutes } from './define';
import { idParams, pageOf } from '../schemas/common';
import {
  createEnterpriseBody,
  enterprise,
  enterpriseHistoryEntry,
  enterpriseHistoryQuery,
  enterpriseImportQuery,
  enterpriseListQuery,
  enterprisePage,
  enterpriseVersionBody,
  importReport,
  revealContactsBody,
  revealedContacts,
  updateEnterpriseBody,
} from '../schemas/enterprises';
import { mapConfigView, mapPointsQuery, mapPointsView } from './other-views';

export const registryRoutes = defineRoutes({
  'GET /api/enterprises': { query: enterpriseListQuery, response: enterprisePage },
  'POST /api/enterprises': { body: createEnterpriseBody, response: enterprise },
  'GET /api/enterprises/:id': { params: idParams, response: enterprise },
  'POST /api/enterprises/:id/contacts/reveal': { params: idParams, body: revealContactsBody, response: revealedContacts },
  'PATCH /api/enterprises/:id': { params: idParams, body: updateEnterpriseBody, response: enterprise },
  'DELETE /api/enterprises/:id': { params: idParams, body: enterpriseVersionBody, response: enterprise },
  'POST /api/enterprises/:id/restore': { params: idParams, body: enterpriseVersionBody, response: enterprise },
  'GET /api/enterprises/:id/history': { params: idParams, query: enterpriseHistoryQuery, response: pageOf(enterpriseHistoryEntry) },
  'POST /api/enterprises/import': { query: enterpriseImportQuery, multipart: true, response: importReport },
  'GET /api/map/config': { response: mapConfigView },
  'GET /api/map/enterprises': { query: mapPointsQuery, response: mapPointsView },
});
