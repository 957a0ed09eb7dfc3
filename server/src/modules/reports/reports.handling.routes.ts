// 举报 handling beyond the workflow steps: extending the handling time limit, and linking / unlinking what the
// investigation produced (each target checked to exist in the caller's scope).
import { extendReportBody, idParams, linkReportBody, reportDetail, unlinkReportBody } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { extendReport } from './commands/extend-report';
import { linkReport, unlinkReport } from './commands/link-report';

export function reportHandlingRoutes(app: ZodApp) {
  const tags = ['reports'];
  app.post(
    '/api/reports/:id/extend',
    { config: { access: 'report.extend' }, schema: { tags, params: idParams, body: extendReportBody, response: { 200: reportDetail } } },
    async (req) => extendReport(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.post(
    '/api/reports/:id/links',
    { config: { access: 'report.handle' }, schema: { tags, params: idParams, body: linkReportBody, response: { 200: reportDetail } } },
    async (req) => linkReport(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.post(
    '/api/reports/:id/unlink',
    { config: { access: 'report.handle' }, schema: { tags, params: idParams, body: unlinkReportBody, response: { 200: reportDetail } } },
    async (req) => unlinkReport(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
}
