// 举报奖励: the verification finding on a report (read with the report, recorded by its handlers), the rewards list,
// detail and steps, the rate "rewards paid / rewards due" per year and area, and what a tracking code shows of the
// reward (public, rate-limited like the tracking read). No route answers with the reporter.
import {
  idParams,
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
  trackingParams,
} from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf, clientIp } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { fileLimits, registerFileOwner, storeUpload } from '../../../platform/files';
import { canReadReceipt, REWARD_RECEIPT_OWNER } from './rewards.receipts';
import { findReport } from '../reports.queries';
import { findReward, findRewardByTrackingCode, findRewards, rewardRateOf } from './rewards.queries';
import { presentPublicReward, presentRewardDetail, presentRewards } from './rewards.presenter';
import { presentVerification, recordFinding } from './commands/record-finding';
import { actOnReward } from './commands/act-on-reward';
import { receiveUpload } from '../../../platform/upload-request';

const rate = (paid: number, due: number) => (due === 0 ? null : Math.round((paid / due) * 10_000) / 10_000);

export function rewardsRoutes(app: ZodApp) {
  const tags = ['reports'];
  registerFileOwner(REWARD_RECEIPT_OWNER, canReadReceipt);
  app.get(
    '/api/public/reports/:code/reward',
    {
      config: { access: 'public', rateLimit: { max: app.config.reports.trackPerMinute, timeWindow: 60_000 } },
      schema: { tags, params: trackingParams, response: { 200: publicRewardStatus } },
    },
    async (req) => {
      const row = await findRewardByTrackingCode(app.db, req.params.code);
      if (!row) throw notFound();
      return presentPublicReward(row);
    },
  );
  app.get(
    '/api/reports/:id/verification',
    { config: { access: 'report.read' }, schema: { tags, params: idParams, response: { 200: reportVerificationView } } },
    async (req) => {
      const actor = actorOf(req);
      const report = await findReport(app.db, actor, req.params.id);
      if (!report) throw notFound();
      return presentVerification(app.db, actor, report);
    },
  );
  app.post(
    '/api/reports/:id/verification',
    {
      config: { access: 'report.handle' },
      schema: { tags, params: idParams, body: recordFindingBody, response: { 200: reportVerificationView } },
    },
    async (req) => recordFinding(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.get(
    '/api/rewards',
    { config: { access: 'reward.read' }, schema: { tags, querystring: rewardListQuery, response: { 200: rewardPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findRewards(app.db, actor, req.query);
      return { items: await presentRewards(app.db, actor, items), total };
    },
  );
  app.get(
    '/api/rewards/rate',
    { config: { access: 'reward.read' }, schema: { tags, querystring: rewardRateQuery, response: { 200: rewardRate } } },
    async (req) => {
      const rows = await rewardRateOf(app.db, actorOf(req), req.query.year);
      const due = rows.reduce((n, r) => n + r.due, 0);
      const paid = rows.reduce((n, r) => n + r.paid, 0);
      return {
        year: req.query.year,
        total: { due, paid, rate: rate(paid, due) },
        areas: rows.map((r) => ({ ...r, rate: rate(r.paid, r.due) })),
      };
    },
  );
  app.get(
    '/api/rewards/:id',
    { config: { access: 'reward.read' }, schema: { tags, params: idParams, response: { 200: rewardDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findReward(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentRewardDetail(app.db, actor, row);
    },
  );
  // The payment voucher is uploaded first (the files platform's checks), then claimed by the paid step.
  app.post(
    '/api/rewards/receipts',
    { config: { access: 'reward.pay' }, schema: { tags, response: { 201: rewardReceiptView } } },
    async (req, reply) => {
      const { filename, data } = await receiveUpload(req, { noun: 'file', maxBytes: fileLimits.document, exactName: true });
      const row = await storeUpload(app.db, app.config.dataDir, actorOf(req), clientIp(req), { filename, data }, app.config.images);
      return reply.status(201).send({ id: row.id, name: row.originalName, mime: row.mime, size: row.size });
    },
  );
  app.post(
    '/api/rewards/:id/act',
    { config: { access: 'reward.act' }, schema: { tags, params: idParams, body: rewardActBody, response: { 200: rewardDetail } } },
    async (req) => actOnReward(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
}
