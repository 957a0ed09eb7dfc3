// Route map: 举报奖励 — the verification finding on a report, the reward records and their steps, the rate
// "rewards paid / rewards due", and what a tracking code shows of the reward.
import { defineRoutes } from './define';
import { idParams } from '../schemas/common';
import { trackingParams } from '../schemas/reports';
import {
  publicRewardStatus,
  recordFindingBody,
  reportVerificationView,
  rewardActBody,
  rewardDetail,
  rewardListQuery,
  rewardPage,
  rewardRate,
  rewardRateQuery,
  rewardReceiptView,
} from '../schemas/rewards';

export const rewardRoutes = defineRoutes({
  'GET /api/public/reports/:code/reward': { params: trackingParams, response: publicRewardStatus },
  'GET /api/reports/:id/verification': { params: idParams, response: reportVerificationView },
  'POST /api/reports/:id/verification': { params: idParams, body: recordFindingBody, response: reportVerificationView },
  'GET /api/rewards': { query: rewardListQuery, response: rewardPage },
  'GET /api/rewards/rate': { query: rewardRateQuery, response: rewardRate },
  'GET /api/rewards/:id': { params: idParams, response: rewardDetail },
  'POST /api/rewards/receipts': { multipart: true, response: rewardReceiptView },
  'POST /api/rewards/:id/act': { params: idParams, body: rewardActBody, response: rewardDetail },
});
