// The risk register (风险分级管控): analysis units of an enterprise, their risk events with LEC or LS-matrix
// assessment, control measures, and the printable risk notification card.
import { z } from 'zod';
import {
  closeRiskEventBody,
  createMeasureBody,
  createRiskEventBody,
  createRiskUnitBody,
  idParams,
  okResponse,
  riskEvent,
  riskMeasure,
  riskUnit,
  riskUnitDetail,
  updateMeasureBody,
  updateRiskEventBody,
  updateRiskUnitBody,
  versionBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { actorOf, clientIp, lang } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { contentDisposition } from '../../platform/files';
import { countEventsByUnit, findEvent, findEventsOfUnits, findMeasuresOfEvents, findUnit, findUnits } from './risks.queries';
import { presentEvent, presentMeasure, presentUnit } from './risks.presenter';
import { createRiskUnit } from './commands/create-risk-unit';
import { updateRiskUnit } from './commands/update-risk-unit';
import { deleteRiskUnit } from './commands/delete-risk-unit';
import { createRiskEvent } from './commands/create-risk-event';
import { updateRiskEvent } from './commands/update-risk-event';
import { changeRiskEventStatus } from './commands/close-risk-event';
import { deleteRiskEvent } from './commands/delete-risk-event';
import { createMeasure, deleteMeasure, updateMeasure } from './commands/save-measure';
import { renderRiskCard } from './commands/render-risk-card';
import { findEnterpriseInScope } from '../enterprises/enterprises.queries';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function unitDetail(db: DbOrTx, actor: Actor, id: string, language: 'zh' | 'en') {
  const unit = await findUnit(db, actor, id);
  if (!unit) throw notFound();
  const enterprise = await findEnterpriseInScope(db, actor, unit.enterpriseId);
  const events = await findEventsOfUnits(db, [unit.id]);
  const measures = await findMeasuresOfEvents(
    db,
    events.map((e) => e.id),
  );
  return {
    ...presentUnit(actor, unit, await countEventsByUnit(db, [unit.id])),
    enterpriseName: enterprise?.name ?? '',
    events: events.map((e) => presentEvent(actor, e, measures, language)),
  };
}

async function eventOut(db: DbOrTx, actor: Actor, id: string, language: 'zh' | 'en') {
  const row = await findEvent(db, actor, id);
  if (!row) throw notFound();
  return presentEvent(actor, row, await findMeasuresOfEvents(db, [id]), language);
}

export function risksRoutes(app: ZodApp) {
  const tags = ['risks'];
  const read = { access: 'risk.read' } as const;
  const manage = { access: 'risk.manage' } as const;

  app.get(
    '/api/enterprises/:id/risk-units',
    { config: read, schema: { tags, params: idParams, response: { 200: z.array(riskUnit) } } },
    async (req) => {
      const actor = actorOf(req);
      const enterprise = await findEnterpriseInScope(app.db, actor, req.params.id);
      if (!enterprise) throw notFound();
      const units = await findUnits(app.db, actor, enterprise.id);
      const counts = await countEventsByUnit(
        app.db,
        units.map((u) => u.id),
      );
      return units.map((u) => presentUnit(actor, u, counts));
    },
  );
  app.post(
    '/api/enterprises/:id/risk-units',
    { config: manage, schema: { tags, params: idParams, body: createRiskUnitBody, response: { 201: riskUnit } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createRiskUnit(app.db, actor, clientIp(req), req.params.id, req.body);
      return reply.status(201).send(presentUnit(actor, row, []));
    },
  );
  app.get('/api/risk-units/:id', { config: read, schema: { tags, params: idParams, response: { 200: riskUnitDetail } } }, async (req) =>
    unitDetail(app.db, actorOf(req), req.params.id, lang(req)),
  );
  app.patch(
    '/api/risk-units/:id',
    { config: manage, schema: { tags, params: idParams, body: updateRiskUnitBody, response: { 200: riskUnit } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await updateRiskUnit(app.db, actor, clientIp(req), req.params.id, req.body);
      return presentUnit(actor, row, await countEventsByUnit(app.db, [row.id]));
    },
  );
  app.delete(
    '/api/risk-units/:id',
    { config: manage, schema: { tags, params: idParams, body: versionBody, response: { 200: okResponse } } },
    async (req) => {
      await deleteRiskUnit(app.db, actorOf(req), clientIp(req), req.params.id, req.body.version);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/risk-units/:id/card.docx',
    { config: read, schema: { tags, params: idParams, produces: [DOCX_TYPE] } },
    async (req, reply) => {
      const card = await renderRiskCard(app.db, actorOf(req), req.params.id);
      return reply.type(DOCX_TYPE).header('content-disposition', contentDisposition(card.filename)).send(card.buffer);
    },
  );
  app.post(
    '/api/risk-units/:id/events',
    { config: manage, schema: { tags, params: idParams, body: createRiskEventBody, response: { 201: riskEvent } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createRiskEvent(app.db, actor, clientIp(req), req.params.id, req.body);
      return reply.status(201).send(presentEvent(actor, row, [], lang(req)));
    },
  );

  app.get('/api/risk-events/:id', { config: read, schema: { tags, params: idParams, response: { 200: riskEvent } } }, async (req) =>
    eventOut(app.db, actorOf(req), req.params.id, lang(req)),
  );
  app.patch(
    '/api/risk-events/:id',
    { config: manage, schema: { tags, params: idParams, body: updateRiskEventBody, response: { 200: riskEvent } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await updateRiskEvent(app.db, actor, clientIp(req), req.params.id, req.body);
      return presentEvent(actor, row, await findMeasuresOfEvents(app.db, [row.id]), lang(req));
    },
  );
  app.post(
    '/api/risk-events/:id/close',
    { config: manage, schema: { tags, params: idParams, body: closeRiskEventBody, response: { 200: riskEvent } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await changeRiskEventStatus(app.db, actor, clientIp(req), req.params.id, 'close', req.body);
      return presentEvent(actor, row, await findMeasuresOfEvents(app.db, [row.id]), lang(req));
    },
  );
  app.post(
    '/api/risk-events/:id/reopen',
    { config: manage, schema: { tags, params: idParams, body: versionBody, response: { 200: riskEvent } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await changeRiskEventStatus(app.db, actor, clientIp(req), req.params.id, 'reopen', req.body);
      return presentEvent(actor, row, await findMeasuresOfEvents(app.db, [row.id]), lang(req));
    },
  );
  app.delete(
    '/api/risk-events/:id',
    { config: manage, schema: { tags, params: idParams, body: versionBody, response: { 200: okResponse } } },
    async (req) => {
      await deleteRiskEvent(app.db, actorOf(req), clientIp(req), req.params.id, req.body.version);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/risk-events/:id/measures',
    { config: read, schema: { tags, params: idParams, response: { 200: z.array(riskMeasure) } } },
    async (req) => {
      const actor = actorOf(req);
      const event = await findEvent(app.db, actor, req.params.id);
      if (!event) throw notFound();
      return (await findMeasuresOfEvents(app.db, [event.id])).map((m) => presentMeasure(actor, m));
    },
  );
  app.post(
    '/api/risk-events/:id/measures',
    { config: manage, schema: { tags, params: idParams, body: createMeasureBody, response: { 201: riskMeasure } } },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(presentMeasure(actor, await createMeasure(app.db, actor, clientIp(req), req.params.id, req.body)));
    },
  );
  app.patch(
    '/api/risk-measures/:id',
    { config: manage, schema: { tags, params: idParams, body: updateMeasureBody, response: { 200: riskMeasure } } },
    async (req) => {
      const actor = actorOf(req);
      return presentMeasure(actor, await updateMeasure(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.delete(
    '/api/risk-measures/:id',
    { config: manage, schema: { tags, params: idParams, body: versionBody, response: { 200: okResponse } } },
    async (req) => {
      await deleteMeasure(app.db, actorOf(req), clientIp(req), req.params.id, req.body.version);
      return { ok: true as const };
    },
  );
}
