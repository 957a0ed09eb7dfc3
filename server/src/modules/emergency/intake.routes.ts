// 快报 and call-outs: an enterprise reports its own accident (photos uploaded first, then claimed) and reads its own
// reports with their state; a called-out team's account reads and acknowledges its own call-out; the administrator and
// the district bureau read and replace the team types each incident kind calls out (出动队伍配置).
import {
  flashPhotoView,
  flashReportBody,
  idParams,
  incidentDetail,
  incidentListQuery,
  incidentNoticeView,
  incidentPage,
  putTeamCalloutSettingsBody,
  teamCalloutSettingsView,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { fieldError, notFound } from '../../platform/errors';
import { fileLimits, registerFileOwner, storeUpload } from '../../platform/files';
import { findIncident, findIncidents, findMyNotice } from './incidents.queries';
import { presentIncidentDetail, presentIncidents, presentNotice } from './incidents.presenter';
import { INCIDENT_FILE_OWNER, reportFlash } from './commands/report-flash';
import { acknowledgeNotice } from './commands/acknowledge-notice';
import { loadTeamCallout, presentTeamCallout, saveTeamCallout } from './callout.settings';
import { receiveUpload } from '../../platform/upload-request';

export function intakeRoutes(app: ZodApp) {
  const tags = ['emergency'];
  const flash = { access: 'incident.flash' } as const;
  // A 快报's photos: whoever may read the incident (the enterprise itself, the area's duty staff).
  registerFileOwner(INCIDENT_FILE_OWNER, async (db, actor, id) => (await findIncident(db, actor, id)) !== null);

  app.post(
    '/api/emergency/flash-reports/photos',
    { config: flash, schema: { tags, response: { 201: flashPhotoView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { filename, data } = await receiveUpload(req, { noun: 'photo', maxBytes: fileLimits.photo, exactName: true });
      const row = await storeUpload(app.db, app.config.dataDir, actor, clientIp(req), { filename, data }, app.config.images);
      if (row.kind !== 'photo') throw fieldError('file', '快报只能附照片', 'A flash report takes photos only');
      return reply.status(201).send({ id: row.id, name: row.originalName, mime: row.mime, size: row.size });
    },
  );
  app.get(
    '/api/emergency/flash-reports',
    { config: flash, schema: { tags, querystring: incidentListQuery, response: { 200: incidentPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findIncidents(app.db, actor, { ...req.query, source: 'enterprise' });
      return { items: await presentIncidents(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/emergency/flash-reports',
    { config: flash, schema: { tags, body: flashReportBody, response: { 200: incidentDetail } } },
    async (req) => {
      const actor = actorOf(req);
      return presentIncidentDetail(app.db, actor, await reportFlash(app.db, actor, clientIp(req), req.body));
    },
  );
  app.get(
    '/api/emergency/flash-reports/:id',
    { config: flash, schema: { tags, params: idParams, response: { 200: incidentDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findIncident(app.db, actor, req.params.id);
      if (!row || row.source !== 'enterprise') throw notFound();
      return presentIncidentDetail(app.db, actor, row);
    },
  );
  app.get(
    '/api/emergency/incident-notices/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: incidentNoticeView } } },
    async (req) => {
      const found = await findMyNotice(app.db, actorOf(req), req.params.id);
      if (!found) throw notFound();
      return presentNotice(found.notice, found.incident);
    },
  );
  app.post(
    '/api/emergency/incident-notices/:id/acknowledge',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: incidentNoticeView } } },
    async (req) => acknowledgeNotice(app.db, actorOf(req), clientIp(req), req.params.id),
  );
  app.get(
    '/api/emergency/callout-settings',
    { config: { access: 'emergency.configure' }, schema: { tags, response: { 200: teamCalloutSettingsView } } },
    async () => presentTeamCallout(app.db, await loadTeamCallout(app.db)),
  );
  app.put(
    '/api/emergency/callout-settings',
    {
      config: { access: 'emergency.configure' },
      schema: { tags, body: putTeamCalloutSettingsBody, response: { 200: teamCalloutSettingsView } },
    },
    async (req) => saveTeamCallout(app.db, actorOf(req), clientIp(req), req.body),
  );
}
