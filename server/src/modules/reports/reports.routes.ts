// 举报: the public form and tracking (no login; the submission rate-limited per client address) with the reporter's
// photos, a citizen's own reports, operator intake for other channels, the officers' list/detail/handling steps, and
// the reporter vault.
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
  reportPhotoUpload,
  reportPhotoView,
  revealedReporter,
  revealReporterBody,
  trackedPhotoParams,
  trackingParams,
  type ReportCategory,
  type ReportStatus,
} from '@anjian/contracts';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { fileLimits, registerFileOwner, storeUpload } from '../../platform/files';
import { newClaimToken } from '../../platform/public-uploads';
import { sendFileRow } from '../files/files.routes';
import { canReadReportPhotos, findReportPhotos, findTrackedPhoto, presentReportPhoto, REPORT_PHOTO_OWNER } from './reports.photos';
import { cstDate } from '../../platform/time';
import { findByTrackingCode, findMyReports, findReport, findReportAreas, findReports } from './reports.queries';
import { presentPublicStatus, presentReportDetail, presentReports } from './reports.presenter';
import { submitReport } from './commands/submit-report';
import { actOnReport } from './commands/act-on-report';
import { revealReporter } from './commands/reveal-reporter';
import { spendChallenge } from './abuse';
import { receiveUpload } from '../../platform/upload-request';

/**
 * The signed-in caller of a public route, when the request carries the session's CSRF token (the web app does): a form
 * posted from another site with the citizen's cookie stays anonymous, as does its photo.
 */
function citizenOf(req: FastifyRequest) {
  return req.actor && req.csrfToken && req.headers['x-csrf-token'] === req.csrfToken ? req.actor : null;
}

export function reportsRoutes(app: ZodApp) {
  const tags = ['reports'];
  // A report's photos: the officers who may read the report, and the citizen account that submitted it.
  registerFileOwner(REPORT_PHOTO_OWNER, canReadReportPhotos);
  app.get('/api/public/report-areas', { config: { access: 'public' }, schema: { tags, response: { 200: publicReportAreas } } }, async () =>
    findReportAreas(app.db),
  );
  // The photos a reporter attaches: each uploaded first, one per request, answering the id and a claim token that the
  // submission presents (platform/public-uploads.ts); rate-limited per address like the form itself.
  app.post(
    '/api/public/reports/photos',
    {
      config: { access: 'public', rateLimit: { max: app.config.reports.photosPerIpPerHour, timeWindow: 3_600_000 } },
      schema: { tags, response: { 201: reportPhotoUpload } },
    },
    async (req, reply) => {
      const { filename, data } = await receiveUpload(req, { noun: 'photo', maxBytes: fileLimits.photo, exactName: true });
      const token = newClaimToken();
      const row = await storeUpload(app.db, app.config.dataDir, citizenOf(req), clientIp(req), { filename, data }, app.config.images, {
        kinds: ['photo'],
        claimToken: token,
        neutralName: 'report-photo',
      });
      return reply.status(201).send({ id: row.id, token, mime: row.mime, size: row.size });
    },
  );
  app.post(
    '/api/public/reports',
    {
      config: { access: 'public', rateLimit: { max: app.config.reports.perIpPerHour, timeWindow: 3_600_000 } },
      schema: { tags, body: publicReportBody, response: { 200: publicReportReceipt } },
    },
    async (req) => {
      const actor = citizenOf(req);
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
      const photos = await findReportPhotos(app.db, [row.id]);
      return presentPublicStatus(req.params.code, row, photos.get(row.id) ?? []);
    },
  );
  // A photo of the report and its thumbnail for whoever holds the tracking code (the reporter, with or without an
  // account); a photo of any other report, or a wrong code, is 404.
  for (const variant of ['file', 'thumbnail'] as const) {
    app.get(
      variant === 'file' ? '/api/public/reports/:code/photos/:fileId' : '/api/public/reports/:code/photos/:fileId/thumbnail',
      {
        config: { access: 'public', rateLimit: { max: app.config.reports.trackPhotosPerMinute, timeWindow: 60_000 } },
        schema: { tags, params: trackedPhotoParams, produces: ['image/*'] },
      },
      async (req, reply) => {
        const row = await findTrackedPhoto(app.db, req.params.code, req.params.fileId);
        if (!row) throw notFound();
        return sendFileRow(req, reply, app.config.dataDir, row, variant);
      },
    );
  }
  app.get('/api/reports/mine', { config: { access: 'report.mine' }, schema: { tags, response: { 200: myReports } } }, async (req) => {
    const rows = await findMyReports(app.db, actorOf(req).id);
    const photos = await findReportPhotos(
      app.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      ...r,
      category: r.category as ReportCategory,
      status: r.status as ReportStatus,
      photos: (photos.get(r.id) ?? []).map(presentReportPhoto),
    }));
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
  // A photo the reporter sent another way (a letter's prints, a picture over a messenger), uploaded by the officer
  // recording the report before saving it, as any signed-in upload: the officer's own, claimed by id on save
  // (platform/files.ts claimFiles), so no claim token. The public form's limits: photos only, 10 MB, location data
  // stripped, and a neutral stored name, since the sent name may be the reporter's.
  app.post(
    '/api/reports/photos',
    { config: { access: 'report.intake' }, schema: { tags, response: { 201: reportPhotoView } } },
    async (req, reply) => {
      const { filename, data } = await receiveUpload(req, { noun: 'photo', maxBytes: fileLimits.photo, exactName: true });
      const row = await storeUpload(app.db, app.config.dataDir, actorOf(req), clientIp(req), { filename, data }, app.config.images, {
        kinds: ['photo'],
        neutralName: 'report-photo',
      });
      return reply.status(201).send(presentReportPhoto(row));
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
