// Route map: publicity campaigns, their coverage and unreached enterprises, deliveries and receipts.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import {
  campaignListQuery,
  campaignPage,
  campaignView,
  confirmReceiptBody,
  coverageQuery,
  coverageView,
  createCampaignBody,
  deliverBody,
  targetListQuery,
  targetPage,
  targetView,
  unreachedQuery,
} from '../schemas/publicity';

export const publicityRoutes = defineRoutes({
  'GET /api/publicity/campaigns': { query: campaignListQuery, response: campaignPage },
  'POST /api/publicity/campaigns': { body: createCampaignBody, response: campaignView },
  'GET /api/publicity/campaigns/:id': { params: idParams, response: campaignView },
  'GET /api/publicity/campaigns/:id/coverage': { params: idParams, query: coverageQuery, response: coverageView },
  'GET /api/publicity/campaigns/:id/unreached': { params: idParams, query: unreachedQuery, response: targetPage },
  'GET /api/publicity/targets': { query: targetListQuery, response: targetPage },
  'POST /api/publicity/targets/:id/deliveries': { params: idParams, body: deliverBody, response: targetView },
  'POST /api/publicity/targets/:id/confirm': { params: idParams, body: confirmReceiptBody, response: targetView },
});
