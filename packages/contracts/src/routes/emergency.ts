// Route map: 应急管理 — the resource register and stock ledger, the map layer and "nearest", the duty roster, incidents.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  depotStock,
  mapLayer,
  mapLayerQuery,
  minimumBody,
  movementBody,
  movementListQuery,
  movementPage,
  nearestQuery,
  nearestResult,
  resourceBody,
  resourceListQuery,
  resourcePage,
  resourceView,
  shortageListQuery,
  shortagePage,
  updateResourceBody,
} from '../schemas/emergency';

export const emergencyRoutes = defineRoutes({
  'GET /api/emergency/resources': { query: resourceListQuery, response: resourcePage },
  'POST /api/emergency/resources': { body: resourceBody, response: resourceView },
  'GET /api/emergency/resources/:id': { params: idParams, response: resourceView },
  'PATCH /api/emergency/resources/:id': { params: idParams, body: updateResourceBody, response: resourceView },
  'GET /api/emergency/map': { query: mapLayerQuery, response: mapLayer },
  'GET /api/emergency/depots/:id/stock': { params: idParams, response: depotStock },
  'GET /api/emergency/depots/:id/movements': { params: idParams, query: movementListQuery, response: movementPage },
  'POST /api/emergency/depots/:id/movements': { params: idParams, body: movementBody, response: depotStock },
  'POST /api/emergency/depots/:id/minimums': { params: idParams, body: minimumBody, response: depotStock },
  'GET /api/emergency/shortages': { query: shortageListQuery, response: shortagePage },
  'GET /api/emergency/nearest': { query: nearestQuery, response: nearestResult },
});
