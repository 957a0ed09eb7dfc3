// 举报: the public form and tracking (no login; the submission rate-limited per client address), a citizen's own
// reports, operator intake for other channels, the officers' list/detail/handling steps, and the reporter vault.
import {
  idParams,
  intakeReportBody,
  myReports,
  publicReportAreas,
  publicReportBody,
  publicReportReceipt,
  publicReportStatus,
  reportActBody,
  reportDetail,
  reportListQuery,
  reportPage,
  revealedReporter,
  revealReporterBody,
  trackingParams,
  type ReportCategory,
  type ReportStatus,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findByTrackingCode, findMyReports, findReport, findReportAreas, findReports } from './reports.queries';
import { presentPublicStatus, presentReportDetail, presentReports } from './reports.presenter';
import { submitReport } from './commands/submit-report';
import { actOnReport } from './commands/act-on-report';
import { revealReporter } from './commands/reveal-reporter';
import { spendChallenge } from './abuse';

export function reportsRoutes(app: ZodApp) {
  const tags = ['reports'];
  app.get('/api/public/report-areas', { config: { access: 'public' }, schema: { tags, response: { 200: publicReportAreas } } }, async () =>
    findReportAreas(app.db),
  );
  app.post(
    '/api/public/reports',
    {
      config: { access: 'public', rateLimit: { max: app.config.reports.perIpPerHour, timeWindow: 3_600_000 } },
      schema: { tags, body: publicReportBody, response: { 200: publicReportReceipt } },
    },
    async (req) => {
      // A citizen's report is linked to the account only when the request carries the session's CSRF token (the web
      // app does): a form posted from another site with the citizen's cookie stays an anonymous report.
      const actor = req.actor && req.csrfToken && req.headers['x-csrf-token'] === req.csrfToken ? req.actor : null;
      const { vaultKey } = app.config.reports;
      const challenge = await spendChallenge(app.db, vaultKey, req.body.challenge);
      const { row, trackingCode } = await submitReport(
        app.db,
        { actor, ip: clientIp(req), vaultKey, abuse: { limits: app.config.reports, challenge } },
        req.body,
      );
      return { trackingCode, submittedOn: row.submittedOn };
    },
  );
  app.get(
    '/api/public/reports/:code',
    {
      config: { access: 'public', rateLimit: { max: app.config.reports.trackPerMinute, timeWindow: 60_000 } },
      schema: { tags, params: trackingParams, response: { 200: publicReportStatus } },
    },
    async (req) => {
      const row = await findByTrackingCode(app.db, req.params.code);
      if (!row) throw notFound();
      return presentPublicStatus(row);
    },
  );
  app.get('/api/reports/mine', { config: { access: 'report.mine' }, schema: { tags, response: { 200: myReports } } }, async (req) => {
    const rows = await findMyReports(app.db, actorOf(req).id);
    return rows.map((r) => ({ ...r, category: r.category as ReportCategory, status: r.status as ReportStatus }));
  });
  app.get(
    '/api/reports',
    { config: { access: 'report.read' }, schema: { tags, querystring: reportListQuery, response: { 200: reportPage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = cstDate();
      const { items, total } = await findReports(app.db, actor, req.query, today);
      return { items: await presentReports(app.db, actor, items, today), total };
    },
  );
  app.post(
    '/api/reports',
    { config: { access: 'report.intake' }, schema: { tags, body: intakeReportBody, response: { 200: reportDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const { row } = await submitReport(app.db, { actor, ip: clientIp(req), vaultKey: app.config.reports.vaultKey }, req.body);
      return presentReportDetail(app.db, actor, row, cstDate());
    },
  );
  app.get(
    '/api/reports/:id',
    { config: { access: 'report.read' }, schema: { tags, params: idParams, response: { 200: reportDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findReport(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentReportDetail(app.db, actor, row, cstDate());
    },
  );
  app.post(
    '/api/reports/:id/act',
    { config: { access: 'report.handle' }, schema: { tags, params: idParams, body: reportActBody, response: { 200: reportDetail } } },
    async (req) => actOnReport(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.post(
    '/api/reports/:id/reporter/reveal',
    {
      config: { access: 'report.revealReporter' },
      schema: { tags, params: idParams, body: revealReporterBody, response: { 200: revealedReporter } },
    },
    async (req) => revealReporter(app.db, actorOf(req), clientIp(req), app.config.reports.vaultKey, req.params.id, req.body),
  );
}
