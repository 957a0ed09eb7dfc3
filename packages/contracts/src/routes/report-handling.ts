// Route map: 举报 handling — the handling time-limit extension, links to what the investigation produced, and the
// routing rules (configuration).
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import { reportDetail } from '../schemas/reports';
import {
  extendReportBody,
  linkReportBody,
  routingRuleBody,
  routingRuleList,
  routingRuleUpdateBody,
  routingRuleView,
  unlinkReportBody,
} from '../schemas/report-handling';

export const reportHandlingRoutes = defineRoutes({
  'POST /api/reports/:id/extend': { params: idParams, body: extendReportBody, response: reportDetail },
  'POST /api/reports/:id/links': { params: idParams, body: linkReportBody, response: reportDetail },
  'POST /api/reports/:id/unlink': { params: idParams, body: unlinkReportBody, response: reportDetail },
  'GET /api/report-routing-rules': { response: routingRuleList },
  'POST /api/report-routing-rules': { body: routingRuleBody, response: routingRuleView },
  'PUT /api/report-routing-rules/:id': { params: idParams, body: routingRuleUpdateBody, response: routingRuleView },
});
