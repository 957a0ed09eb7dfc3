// 三项岗位 people and certificates: an enterprise account keeps its own list (people, certificates, reviews); officers
// read it in their scope, with the expiry/review list and the holding rates; the district bureau revokes.
import {
  certificateListQuery,
  certificatePage,
  certificateRateQuery,
  certificateRates,
  certificateView,
  createCertificateBody,
  createPersonBody,
  idParams,
  operationCatalogue,
  personDetail,
  personListQuery,
  personPage,
  peopleImportQuery,
  importReport,
  revokeCertificateBody,
  updateCertificateBody,
  updatePersonBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp, lang } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findCertificates, findPeople, findPerson, findRates } from './people.queries';
import { presentCertificates, presentPeople, presentPersonDetail } from './people.presenter';
import { specialOperationCatalogue } from './people.rules';
import { createPerson, updatePerson } from './commands/save-person';
import { addCertificate, updateCertificate } from './commands/save-certificate';
import { revokeCertificate } from './commands/revoke-certificate';
import { importPeople } from './commands/import-people';
import { receiveUpload } from '../../platform/upload-request';

const rateOf = (holders: number, people: number) => (people > 0 ? Math.round((holders / people) * 10000) / 10000 : null);

export function peopleRoutes(app: ZodApp) {
  const tags = ['people'];
  const vaultKey = app.config.people.vaultKey;
  app.get(
    '/api/people',
    { config: { access: 'people.read' }, schema: { tags, querystring: personListQuery, response: { 200: personPage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = cstDate();
      const { items, total } = await findPeople(app.db, actor, req.query, today);
      return { items: await presentPeople(app.db, actor, items, vaultKey, today), total };
    },
  );
  app.post(
    '/api/people',
    { config: { access: 'people.manage' }, schema: { tags, body: createPersonBody, response: { 200: personDetail } } },
    async (req) => createPerson(app.db, { actor: actorOf(req), ip: clientIp(req), vaultKey }, req.body),
  );
  app.post(
    '/api/people/import',
    { config: { access: 'people.manage' }, schema: { tags, querystring: peopleImportQuery, response: { 200: importReport } } },
    async (req) => {
      const { filename, data: buffer } = await receiveUpload(req, { noun: 'import' });
      return importPeople(
        app.db,
        { actor: actorOf(req), ip: clientIp(req), vaultKey },
        { buffer, filename, dryRun: req.query.dryRun, lang: lang(req) },
      );
    },
  );
  app.get(
    '/api/people/:id',
    { config: { access: 'people.read' }, schema: { tags, params: idParams, response: { 200: personDetail } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findPerson(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentPersonDetail(app.db, actor, row, vaultKey, cstDate());
    },
  );
  app.put(
    '/api/people/:id',
    { config: { access: 'people.manage' }, schema: { tags, params: idParams, body: updatePersonBody, response: { 200: personDetail } } },
    async (req) => updatePerson(app.db, { actor: actorOf(req), ip: clientIp(req), vaultKey }, req.params.id, req.body),
  );
  app.post(
    '/api/people/:id/certificates',
    {
      config: { access: 'people.manage' },
      schema: { tags, params: idParams, body: createCertificateBody, response: { 200: personDetail } },
    },
    async (req) => addCertificate(app.db, { actor: actorOf(req), ip: clientIp(req), vaultKey }, req.params.id, req.body),
  );
  app.get(
    '/api/certificates',
    { config: { access: 'people.read' }, schema: { tags, querystring: certificateListQuery, response: { 200: certificatePage } } },
    async (req) => {
      const actor = actorOf(req);
      const today = cstDate();
      const { items, total } = await findCertificates(app.db, actor, req.query, today);
      return { items: await presentCertificates(app.db, actor, items, today), total };
    },
  );
  app.get(
    '/api/certificates/rates',
    { config: { access: 'certificate.stats' }, schema: { tags, querystring: certificateRateQuery, response: { 200: certificateRates } } },
    async (req) => {
      const { rows, total } = await findRates(app.db, actorOf(req), req.query);
      return {
        groupBy: req.query.groupBy,
        items: rows.map((r) => ({ ...r, rate: rateOf(r.holders, r.people) })),
        total: total.groups,
        overall: {
          key: 'all',
          name: null,
          holders: total.holders,
          people: total.people,
          enterprises: total.enterprises,
          rate: rateOf(total.holders, total.people),
        },
      };
    },
  );
  app.get(
    '/api/certificates/catalogue',
    { config: { access: 'people.read' }, schema: { tags, response: { 200: operationCatalogue } } },
    async () => specialOperationCatalogue.map((c) => ({ ...c, items: [...c.items] })),
  );
  app.put(
    '/api/certificates/:id',
    {
      config: { access: 'people.manage' },
      schema: { tags, params: idParams, body: updateCertificateBody, response: { 200: certificateView } },
    },
    async (req) => updateCertificate(app.db, { actor: actorOf(req), ip: clientIp(req), vaultKey }, req.params.id, req.body),
  );
  app.post(
    '/api/certificates/:id/revoke',
    {
      config: { access: 'certificate.revoke' },
      schema: { tags, params: idParams, body: revokeCertificateBody, response: { 200: certificateView } },
    },
    async (req) => revokeCertificate(app.db, { actor: actorOf(req), ip: clientIp(req) }, req.params.id, req.body),
  );
}
