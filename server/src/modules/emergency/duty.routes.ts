// 值班 and 接警: the duty roster (shifts, the people it may name, who is on duty now, 交接班 between shifts) and
// incidents (intake by the duty officer, the list, the detail with its timeline, acknowledge and close).
import {
  dutyPeople,
  handoverAckBody,
  handoverBody,
  handoverList,
  handoverListQuery,
  handoverView,
  idParams,
  incidentActBody,
  incidentBody,
  incidentDetail,
  incidentListQuery,
  incidentPage,
  onDutyView,
  shiftBody,
  shiftList,
  shiftListQuery,
  shiftView,
  updateShiftBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findDutyPeople, findOnDuty, findShifts } from './duty.queries';
import { presentShift, presentShifts } from './duty.presenter';
import { createShift, updateShift } from './commands/save-shift';
import { findIncident, findIncidents } from './incidents.queries';
import { presentIncidentDetail, presentIncidents } from './incidents.presenter';
import { receiveIncident } from './commands/receive-incident';
import { actOnIncident } from './commands/act-on-incident';
import { findHandovers, presentHandovers } from './handovers';
import { acknowledgeHandover, handOver } from './commands/hand-over';

const DAY = 86_400_000;

export function dutyRoutes(app: ZodApp) {
  const tags = ['emergency'];
  app.get(
    '/api/emergency/duty/shifts',
    { config: { access: 'duty.read' }, schema: { tags, querystring: shiftListQuery, response: { 200: shiftList } } },
    async (req) => {
      const actor = actorOf(req);
      const from = req.query.from ? new Date(req.query.from) : new Date(Date.now() - 7 * DAY);
      const to = req.query.to ? new Date(req.query.to) : new Date(from.getTime() + 21 * DAY);
      return { items: await presentShifts(app.db, actor, await findShifts(app.db, actor, from, to)) };
    },
  );
  app.post(
    '/api/emergency/duty/shifts',
    { config: { access: 'duty.manage' }, schema: { tags, body: shiftBody, response: { 200: shiftView } } },
    async (req) => {
      const actor = actorOf(req);
      return presentShift(app.db, actor, await createShift(app.db, actor, clientIp(req), req.body));
    },
  );
  app.patch(
    '/api/emergency/duty/shifts/:id',
    { config: { access: 'duty.manage' }, schema: { tags, params: idParams, body: updateShiftBody, response: { 200: shiftView } } },
    async (req) => {
      const actor = actorOf(req);
      return presentShift(app.db, actor, await updateShift(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.get(
    '/api/emergency/duty/people',
    { config: { access: 'duty.read' }, schema: { tags, response: { 200: dutyPeople } } },
    async (req) => ({
      items: (await findDutyPeople(app.db, actorOf(req))).map((p) => ({ id: p.id, name: p.name, role: p.role })),
    }),
  );
  app.get('/api/emergency/duty/now', { config: { access: 'duty.read' }, schema: { tags, response: { 200: onDutyView } } }, async (req) => {
    const actor = actorOf(req);
    const shift = actor.areaCode ? await findOnDuty(app.db, actor.areaCode, new Date()) : null;
    return { shift: shift ? await presentShift(app.db, actor, shift) : null };
  });
  app.get(
    '/api/emergency/incidents',
    { config: { access: 'incident.read' }, schema: { tags, querystring: incidentListQuery, response: { 200: incidentPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findIncidents(app.db, actor, req.query);
      return { items: await presentIncidents(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/emergency/incidents',
    { config: { access: 'incident.intake' }, schema: { tags, body: incidentBody, response: { 200: incidentDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await receiveIncident(app.db, actor, clientIp(req), req.body);
      return presentIncidentDetail(app.db, actor, row);
    },
  );
  app.get(
    '/api/emergency/incidents/:id',
    { config: { access: 'incident.read' }, schema: { tags, params: idParams, response: { 200: incidentDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findIncident(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentIncidentDetail(app.db, actor, row);
    },
  );
  app.post(
    '/api/emergency/incidents/:id/act',
    { config: { access: 'incident.act' }, schema: { tags, params: idParams, body: incidentActBody, response: { 200: incidentDetail } } },
    async (req) => actOnIncident(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.get(
    '/api/emergency/duty/handovers',
    { config: { access: 'duty.read' }, schema: { tags, querystring: handoverListQuery, response: { 200: handoverList } } },
    async (req) => {
      const actor = actorOf(req);
      const from = req.query.from ? new Date(req.query.from) : new Date(Date.now() - 7 * DAY);
      const to = req.query.to ? new Date(req.query.to) : new Date(from.getTime() + 21 * DAY);
      return { items: await presentHandovers(app.db, actor, await findHandovers(app.db, actor, from, to)) };
    },
  );
  app.post(
    '/api/emergency/duty/handovers',
    { config: { access: 'duty.read' }, schema: { tags, body: handoverBody, response: { 200: handoverView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await handOver(app.db, actor, clientIp(req), req.body);
      return (await presentHandovers(app.db, actor, [row]))[0]!;
    },
  );
  app.post(
    '/api/emergency/duty/handovers/:id/acknowledge',
    { config: { access: 'duty.read' }, schema: { tags, params: idParams, body: handoverAckBody, response: { 200: handoverView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await acknowledgeHandover(app.db, actor, clientIp(req), req.params.id, req.body);
      return (await presentHandovers(app.db, actor, [row]))[0]!;
    },
  );
}
