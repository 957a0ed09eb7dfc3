// The enterprise file (一企一档): list and search, the record, its history, soft delete and restore,
// the import template, bulk import and streamed export.
import {
  createEnterpriseBody,
  enterprise,
  enterpriseExportQuery,
  enterpriseHistoryEntry,
  enterpriseHistoryQuery,
  enterpriseImportQuery,
  enterpriseListQuery,
  enterprisePage,
  enterpriseVersionBody,
  idParams,
  importReport,
  pageOf,
  updateEnterpriseBody,
  revealContactsBody,
  revealedContacts,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp, lang } from '../../platform/http';
import { forbidden, notFound } from '../../platform/errors';
import { findEnterprise, findEnterpriseHistory, findEnterprises } from './enterprises.queries';
import { presentEnterprise, presentHistoryEntry } from './enterprises.presenter';
import { maySeeDeleted } from './enterprises.policy';
import { createEnterprise } from './commands/create-enterprise';
import { updateEnterprise } from './commands/update-enterprise';
import { deleteEnterprise, restoreEnterprise } from './commands/delete-enterprise';
import { importEnterprises } from './commands/import-enterprises';
import { exportEnterprises } from './commands/export-enterprises';
import { attachment, XLSX_TYPE } from '../../platform/xlsx-stream';
import { revealContacts } from './commands/reveal-contacts';
import { buildImportTemplate } from './commands/import-template';
import { receiveUpload } from '../../platform/upload-request';

export function enterprisesRoutes(app: ZodApp) {
  const tags = ['enterprises'];
  app.get(
    '/api/enterprises',
    { config: { access: 'enterprise.read' }, schema: { tags, querystring: enterpriseListQuery, response: { 200: enterprisePage } } },
    async (req) => {
      const actor = actorOf(req);
      if (req.query.includeDeleted && !maySeeDeleted(actor)) throw forbidden();
      const { items, total, totalCapped } = await findEnterprises(app.db, actor, req.query);
      return { items: items.map((r) => presentEnterprise(actor, r)), total, totalCapped };
    },
  );
  app.post(
    '/api/enterprises',
    { config: { access: 'enterprise.create' }, schema: { tags, body: createEnterpriseBody, response: { 201: enterprise } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await createEnterprise(app.db, actor, clientIp(req), req.body);
      return reply.status(201).send(presentEnterprise(actor, row));
    },
  );
  app.get(
    '/api/enterprises/import-template',
    { config: { access: 'enterprise.import' }, schema: { tags, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const buffer = await buildImportTemplate(app.db, actorOf(req));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('enterprise-import-template.xlsx', '企业导入模板.xlsx'))
        .send(buffer);
    },
  );
  app.post(
    '/api/enterprises/import',
    { config: { access: 'enterprise.import' }, schema: { tags, querystring: enterpriseImportQuery, response: { 200: importReport } } },
    async (req) => {
      const { filename, data: buffer } = await receiveUpload(req, { noun: 'import' });
      return importEnterprises(app.db, actorOf(req), clientIp(req), {
        buffer,
        filename,
        dryRun: req.query.dryRun,
        lang: lang(req),
      });
    },
  );
  app.get(
    '/api/enterprises/export',
    { config: { access: 'enterprise.export' }, schema: { tags, querystring: enterpriseExportQuery, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const { stream, disposition } = await exportEnterprises(app.db, actorOf(req), clientIp(req), req.query);
      return reply.type(XLSX_TYPE).header('content-disposition', disposition).send(stream);
    },
  );
  app.get(
    '/api/enterprises/:id',
    { config: { access: 'enterprise.read' }, schema: { tags, params: idParams, response: { 200: enterprise } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findEnterprise(app.db, actor, req.params.id, { includeDeleted: maySeeDeleted(actor) });
      if (!row) throw notFound();
      return presentEnterprise(actor, row);
    },
  );
  app.patch(
    '/api/enterprises/:id',
    {
      config: { access: 'enterprise.update' },
      schema: { tags, params: idParams, body: updateEnterpriseBody, response: { 200: enterprise } },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentEnterprise(actor, await updateEnterprise(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.delete(
    '/api/enterprises/:id',
    {
      config: { access: 'enterprise.delete' },
      schema: { tags, params: idParams, body: enterpriseVersionBody, response: { 200: enterprise } },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentEnterprise(actor, await deleteEnterprise(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/enterprises/:id/restore',
    {
      config: { access: 'enterprise.delete' },
      schema: { tags, params: idParams, body: enterpriseVersionBody, response: { 200: enterprise } },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentEnterprise(actor, await restoreEnterprise(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/enterprises/:id/contacts/reveal',
    {
      config: { access: 'enterprise.revealContacts' },
      schema: { tags, params: idParams, body: revealContactsBody, response: { 200: revealedContacts } },
    },
    async (req) => revealContacts(app.db, actorOf(req), clientIp(req), req.params.id, req.body),
  );
  app.get(
    '/api/enterprises/:id/history',
    {
      config: { access: 'enterprise.read' },
      schema: { tags, params: idParams, querystring: enterpriseHistoryQuery, response: { 200: pageOf(enterpriseHistoryEntry) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await findEnterprise(app.db, actor, req.params.id, { includeDeleted: maySeeDeleted(actor) });
      if (!row) throw notFound();
      const { items, total } = await findEnterpriseHistory(app.db, row.id, req.query);
      return { items: items.map((e) => presentHistoryEntry(actor, row.id, e)), total };
    },
  );
}
