// Inspections (现场检查): tasks, the on-site record with findings → hidden dangers, re-inspection, documents.
import { z } from 'zod';
import {
  createInspectionBody,
  escalateInspectionBody,
  escalationFiledView,
  inspectionView,
  pageOf,
  reinspectionResultView,
  idParams,
  inspectionListQuery,
  recordInspectionBody,
  reinspectBody,
} from '@anjian/contracts';
import { contentDisposition } from '../../../platform/files';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf, clientIp } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { findInspections } from './inspections.queries';
import { presentInspection } from './inspections.presenter';
import { findInspectionDetail, presentInspectionDetail } from './inspections.detail';
import { findDocumentInScope } from '../documents/documents.queries';
import { renderDocument } from '../documents/documents.render';
import { createInspection } from './commands/create-inspection';
import { recordInspection } from './commands/record-inspection';
import { reinspect } from './commands/reinspect';
import { escalateInspection } from './commands/escalate-inspection';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function inspectionsRoutes(app: ZodApp) {
  const tags = ['inspections'];
  app.get(
    '/api/inspections',
    {
      config: { access: 'inspection.read' },
      schema: { tags, querystring: inspectionListQuery, response: { 200: pageOf(inspectionView) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findInspections(app.db, actor, req.query);
      return { items: items.map((r) => presentInspection(actor, r)), total };
    },
  );
  app.post(
    '/api/inspections',
    { config: { access: 'inspection.do' }, schema: { tags, body: createInspectionBody, response: { 201: inspectionView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(presentInspection(actor, await createInspection(app.db, actor, clientIp(req), req.body)));
    },
  );
  app.get(
    '/api/inspections/:id',
    { config: { access: 'inspection.read' }, schema: { tags, params: idParams, response: { 200: inspectionView } } },
    async (req) => {
      const detail = await findInspectionDetail(app.db, actorOf(req), req.params.id);
      if (!detail) throw notFound();
      return detail;
    },
  );
  app.post(
    '/api/inspections/:id/record',
    {
      config: { access: 'inspection.do' },
      schema: { tags, params: idParams, body: recordInspectionBody, response: { 200: inspectionView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await recordInspection(app.db, actor, clientIp(req), req.params.id, req.body);
      return presentInspectionDetail(app.db, actor, row);
    },
  );
  app.post(
    '/api/inspections/:id/reinspection',
    {
      config: { access: 'inspection.do' },
      schema: { tags, params: idParams, body: reinspectBody, response: { 200: reinspectionResultView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { inspection, escalate, caseId } = await reinspect(app.db, actor, clientIp(req), req.params.id, req.body);
      return { ...(await presentInspectionDetail(app.db, actor, inspection)), escalate, caseId };
    },
  );
  app.post(
    '/api/inspections/:id/escalate',
    {
      config: { access: 'case.manage' },
      schema: { tags, params: idParams, body: escalateInspectionBody, response: { 201: escalationFiledView } },
    },
    async (req, reply) => {
      const c = await escalateInspection(app.db, actorOf(req), clientIp(req), req.params.id, req.body);
      return reply.status(201).send({ caseId: c.id, number: c.number });
    },
  );
  app.get(
    '/api/enforcement/documents/:id/docx',
    { config: { access: 'inspection.read' }, schema: { tags, params: z.object({ id: z.uuid() }).strict(), produces: [DOCX_TYPE] } },
    async (req, reply) => {
      const doc = await findDocumentInScope(app.db, actorOf(req), req.params.id);
      if (!doc) throw notFound();
      const { filename, buffer } = await renderDocument(doc);
      return reply.header('content-type', DOCX_TYPE).header('content-disposition', contentDisposition(filename)).send(buffer);
    },
  );
}
