// Route map: hidden dangers (隐患排查治理), 挂牌督办, statistics and the 令16号 report.
import { idParams } from '../schemas/common';
import { defineRoutes } from './define';
import {
  delistHazardBody,
  hazardActionBody,
  hazardActionParams,
  hazardDetail,
  hazardFile,
  hazardListQuery,
  hazardPage,
  listedHazardPage,
  listedHazardQuery,
  listHazardBody,
  listingProgressBody,
  regradeHazardBody,
  reportHazardBody,
} from '../schemas/hazards';
import { hazardMeta, hazardMetaQuery, hazardReport, hazardReportQuery, hazardStats, hazardStatsQuery } from '../schemas/hazard-stats';

export const hazardRoutes = defineRoutes({
  'GET /api/hazards': { query: hazardListQuery, response: hazardPage },
  'GET /api/hazards/meta': { query: hazardMetaQuery, response: hazardMeta },
  'POST /api/hazards': { body: reportHazardBody, response: hazardDetail },
  'POST /api/hazards/attachments': { multipart: true, response: hazardFile },
  'GET /api/hazards/:id': { params: idParams, response: hazardDetail },
  'POST /api/hazards/:id/actions/:action': { params: hazardActionParams, body: hazardActionBody, response: hazardDetail },
  'POST /api/hazards/:id/regrade': { params: idParams, body: regradeHazardBody, response: hazardDetail },
  'GET /api/hazards/listed': { query: listedHazardQuery, response: listedHazardPage },
  'POST /api/hazards/:id/listing': { params: idParams, body: listHazardBody, response: hazardDetail },
  'POST /api/hazards/:id/listing/progress': { params: idParams, body: listingProgressBody, response: hazardDetail },
  'POST /api/hazards/:id/listing/delist': { params: idParams, body: delistHazardBody, response: hazardDetail },
  'GET /api/hazards/stats': { query: hazardStatsQuery, response: hazardStats },
  'GET /api/enterprises/:id/hazard-report': { params: idParams, query: hazardReportQuery, response: hazardReport },
});
