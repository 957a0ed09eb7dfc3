// Inspections (现场检查): tasks, the on-site record with findings → hidden dangers, re-inspection, documents.
import { z } from 'zod';
import {
  createInspectionBody,
  escalateInspectionBody,
  idParams,
  inspectionListQuery,
  recordInspectionBody,
  reinspectBody,
} from '@anjian/contracts';
import { eq } from 'drizzle-orm';
import { enforcementDocuments } from '../../db/schema';
import { contentDisposition } from '../../platform/files';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { findFindings, findInspection, findInspections } from './inspections.queries';
import { presentInspection } from './inspections.presenter';
import { findDocumentsOf, presentDocument } from './documents';
import { renderDocument } from './documents.render';
import { createInspection } from './commands/create-inspection';
import { recordInspection } from './commands/record-inspection';
import { reinspect } from './commands/reinspect';
import { findCase } from './cases.queries';
import { escalateInspection, findEscalation } from './commands/escalate-inspection';

export function inspectionsRoutes(app: ZodApp) {
  const tags = ['inspections'];
  app.get(
    '/api/inspections',
    { config: { access: 'inspection.read' }, schema: { tags, querystring: inspectionListQuery } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findInspections(app.db, actor, req.query);
      return { items: items.map((r) => presentInspection(actor, r)), total };
    },
  );
  app.post(
    '/api/inspections',
    { config: { access: 'inspection.do' }, schema: { tags, body: createInspectionBody } },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.status(201).send(presentInspection(actor, await createInspection(app.db, actor, clientIp(req), req.body)));
    },
  );
  app.get('/api/inspections/:id', { config: { access: 'inspection.read' }, schema: { tags, params: idParams } }, async (req) => {
    const actor = actorOf(req);
    const row = await findInspection(app.db, actor, req.params.id);
    if (!row) throw notFound();
    const documents = (await findDocumentsOf(app.db, { inspectionId: row.id })).map(presentDocument);
    return presentInspection(actor, row, {
      findings: await findFindings(app.db, row.id),
      documents,
      escalation: await findEscalation(app.db, row.id),
    });
  });
  app.post(
    '/api/inspections/:id/record',
    { config: { access: 'inspection.do' }, schema: { tags, params: idParams, body: recordInspectionBody } },
    async (req) => {
      const actor = actorOf(req);
      const row = await recordInspection(app.db, actor, clientIp(req), req.params.id, req.body);
      const documents = (await findDocumentsOf(app.db, { inspectionId: row.id })).map(presentDocument);
      return presentInspection(actor, row, { findings: await findFindings(app.db, row.id), documents });
    },
  );
  app.post(
    '/api/inspections/:id/reinspection',
    { config: { access: 'inspection.do' }, schema: { tags, params: idParams, body: reinspectBody } },
    async (req) => {
      const actor = actorOf(req);
      const { inspection, escalate, caseId } = await reinspect(app.db, actor, clientIp(req), req.params.id, req.body);
      const documents = (await findDocumentsOf(app.db, { inspectionId: inspection.id })).map(presentDocument);
      const escalation = await findEscalation(app.db, inspection.id);
      return {
        ...presentInspection(actor, inspection, { findings: await findFindings(app.db, inspection.id), documents, escalation }),
        escalate,
        caseId,
      };
    },
  );
  app.post(
    '/api/inspections/:id/escalate',
    { config: { access: 'case.manage' }, schema: { tags, params: idParams, body: escalateInspectionBody } },
    async (req, reply) => {
      const c = await escalateInspection(app.db, actorOf(req), clientIp(req), req.params.id, req.body);
      return reply.status(201).send({ caseId: c.id, number: c.number });
    },
  );
  app.get(
    '/api/enforcement/documents/:id/docx',
    { config: { access: 'inspection.read' }, schema: { tags, params: z.object({ id: z.uuid() }).strict() } },
    async (req, reply) => {
      const actor = actorOf(req);
      const [doc] = await app.db.select().from(enforcementDocuments).where(eq(enforcementDocuments.id, req.params.id));
      // Visible only through the inspection or case it belongs to, so the record scope decides.
      const visible =
        doc &&
        ((doc.inspectionId && (await findInspection(app.db, actor, doc.inspectionId))) ||
          (doc.caseId && (await findCase(app.db, actor, doc.caseId))));
      if (!doc || !visible) throw notFound();
      const { filename, buffer } = await renderDocument(doc);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(filename))
        .send(buffer);
    },
  );
}
