// 举报 duplicates, the handler workspace's map of reports, and the public form's challenge. Suggestions and the map
// read through the same scope predicate as every report read and carry nothing about reporters but a count.
import {
  idParams,
  mergeReportBody,
  reportChallenge,
  reportDetail,
  reportDuplicates,
  reportMapPoints,
  reportMapQuery,
  type ReportCategory,
  type ReportStatus,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findDuplicateCandidates, findReportMapPoints } from './duplicates.queries';
import { duplicateRules, mergeTargetStates } from './duplicates.rules';
import { findReport, reportNames } from './reports.queries';
import { availableReportActions } from './reports.workflow';
import { mergeReport } from './commands/merge-report';
import { issueChallenge } from './abuse';

export function reportDuplicatesRoutes(app: ZodApp) {
  const tags = ['reports'];
  app.get(
    '/api/reports/:id/duplicates',
    { config: { access: 'report.read' }, schema: { tags, params: idParams, response: { 200: reportDuplicates } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findReport(app.db, actor, req.params.id);
      if (!row) throw notFound();
      const found = await findDuplicateCandidates(app.db, actor, row);
      const names = await reportNames(
        app.db,
        found.map((c) => c.row),
      );
      const mayMerge = availableReportActions(actor, row).includes('merge');
      return {
        distanceM: duplicateRules.distanceM,
        windowDays: duplicateRules.windowDays,
        items: found.map(({ row: c, sameEnterprise, distanceM }) => ({
          id: c.id,
          category: c.category as ReportCategory,
          status: c.status as ReportStatus,
          areaName: names.areas.get(c.areaCode) ?? null,
          address: c.address,
          enterpriseName: c.enterpriseName,
          submittedOn: c.submittedOn,
          reporterCount: c.reporterCount,
          sameEnterprise,
          distanceM: distanceM === null ? null : Math.round(distanceM),
          canMergeInto: mayMerge && mergeTargetStates.includes(c.status as ReportStatus),
        })),
      };
    },
  );
  app.post(
    '/api/reports/:id/merge',
    { config: { access: 'report.handle' }, schema: { tags, params: idParams, body: mergeReportBody, response: { 200: reportDetail } } },
    async (req) => mergeReport(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.get(
    '/api/reports/map',
    { config: { access: 'report.read' }, schema: { tags, querystring: reportMapQuery, response: { 200: reportMapPoints } } },
    async (req) => {
      const { points, total, truncated } = await findReportMapPoints(app.db, actorOf(req), req.query);
      return {
        total,
        truncated,
        points: points.map(
          (p) =>
            [p.id, p.lat, p.lon, p.status as ReportStatus, p.category as ReportCategory] as [
              string,
              number,
              number,
              ReportStatus,
              ReportCategory,
            ],
        ),
      };
    },
  );
  app.get(
    '/api/public/report-challenge',
    {
      config: { access: 'public', rateLimit: { max: app.config.reports.trackPerMinute, timeWindow: 60_000 } },
      schema: { tags, response: { 200: reportChallenge } },
    },
    async () => issueChallenge(app.db, app.config.reports.vaultKey),
  );
}
