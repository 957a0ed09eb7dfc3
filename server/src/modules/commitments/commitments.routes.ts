// 安全生产承诺制 and the 八个一次: the principal's commitment (signed on screen, its public page for the workers), each
// enterprise's duties for a year, the records with their evidence and the street's check, compliance and the
// enterprises falling behind.
import {
  checkDutyBody,
  commitmentQuery,
  commitmentTextEntry,
  commitmentTextParams,
  commitmentTextsView,
  putCommitmentTextBody,
  commitmentView,
  dutyComplianceQuery,
  dutyComplianceView,
  dutyFileView,
  dutyRecordListQuery,
  dutyRecordPage,
  dutyRecordView,
  enterpriseDutiesQuery,
  enterpriseDutiesView,
  idParams,
  laggardAreaPage,
  laggardAreaQuery,
  laggardPage,
  laggardQuery,
  publicCommitmentView,
  recordDutyBody,
  resubmitDutyBody,
  returnDutyBody,
  signCommitmentBody,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { fileLimits, registerFileOwner, storeUpload } from '../../platform/files';
import { cstDate } from '../../platform/time';
import { enterpriseDutyBoard } from './duties.board';
import { findCommitment, findDutyRecord, findDutyRecords, findEnterprise, findPublicCommitment } from './commitments.queries';
import { presentCommitment, presentDutyRecord } from './commitments.presenter';
import { readCompliance, readLaggards } from './duties.compliance';
import { readLaggardAreas } from './duties.laggards';
import { currentCommitmentText, listCommitmentTexts, saveCommitmentText } from './commitments.texts';
import { signCommitment } from './commands/sign-commitment';
import { DUTY_FILE_OWNER, recordDuty, resubmitDuty } from './commands/record-duty';
import { checkDuty } from './commands/check-duty';
import { receiveUpload } from '../../platform/upload-request';

export function commitmentsRoutes(app: ZodApp) {
  const tags = ['commitments'];
  // A duty record's photos, minutes and attendance sheets are readable by exactly those who can read the record.
  registerFileOwner(DUTY_FILE_OWNER, async (db, actor, id) => (await findDutyRecord(db, actor, id)) !== null);
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), ip: clientIp(req) });

  app.get(
    '/api/enterprises/:id/commitment',
    {
      config: { access: 'commitment.read' },
      schema: { tags, params: idParams, querystring: commitmentQuery, response: { 200: commitmentView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const year = req.query.year ?? Number(cstDate().slice(0, 4));
      const ent = await findEnterprise(app.db, actor, req.params.id);
      if (!ent) throw notFound();
      return presentCommitment(
        actor,
        ent,
        year,
        await findCommitment(app.db, actor, ent.id, year),
        await currentCommitmentText(app.db, ent.sector),
      );
    },
  );

  app.post(
    '/api/enterprises/:id/commitment',
    {
      config: { access: 'commitment.sign' },
      schema: { tags, params: idParams, body: signCommitmentBody, response: { 200: commitmentView } },
    },
    async (req) => signCommitment(app.db, ctx(req), req.params.id, req.body),
  );

  // The workers' page, reached by the QR code the enterprise prints: the current year's signed commitment, no login.
  app.get(
    '/api/commitment-texts',
    { config: { access: 'commitment.configure' }, schema: { tags, response: { 200: commitmentTextsView } } },
    async () => ({ items: await listCommitmentTexts(app.db) }),
  );
  app.put(
    '/api/commitment-texts/:sector',
    {
      config: { access: 'commitment.configure' },
      schema: { tags, params: commitmentTextParams, body: putCommitmentTextBody, response: { 200: commitmentTextEntry } },
    },
    async (req) => saveCommitmentText(app.db, actorOf(req), clientIp(req), req.params.sector, req.body),
  );
  app.get(
    '/api/public/commitments/:id',
    { config: { access: 'public' }, schema: { tags, params: idParams, response: { 200: publicCommitmentView } } },
    async (req) => {
      const found = await findPublicCommitment(app.db, req.params.id, Number(cstDate().slice(0, 4)));
      if (!found) throw notFound();
      const c = found.c;
      return {
        enterpriseName: found.enterpriseName,
        year: c.year,
        title: c.title,
        body: c.body,
        signerName: c.signerName,
        typedName: c.typedName,
        signatureImage: c.signatureImage,
        signedAt: c.signedAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/enterprises/:id/duties',
    {
      config: { access: 'commitment.read' },
      schema: { tags, params: idParams, querystring: enterpriseDutiesQuery, response: { 200: enterpriseDutiesView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const today = cstDate();
      const year = req.query.year ?? Number(today.slice(0, 4));
      const ent = await findEnterprise(app.db, actor, req.params.id);
      if (!ent) throw notFound();
      return enterpriseDutyBoard(app.db, actor, ent, year, today);
    },
  );

  app.get(
    '/api/duty-records',
    { config: { access: 'commitment.read' }, schema: { tags, querystring: dutyRecordListQuery, response: { 200: dutyRecordPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { rows, total } = await findDutyRecords(app.db, actor, req.query);
      return { items: await Promise.all(rows.map((r) => presentDutyRecord(app.db, actor, r))), total };
    },
  );

  // Evidence (a photo of the inspection, the minutes, the attendance sheet) is uploaded first, then claimed by the record.
  app.post(
    '/api/duty-records/attachments',
    { config: { access: 'duty.record' }, schema: { tags, response: { 201: dutyFileView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { filename, data } = await receiveUpload(req, { noun: 'file', maxBytes: fileLimits.document, exactName: true });
      const row = await storeUpload(app.db, app.config.dataDir, actor, clientIp(req), { filename, data }, app.config.images);
      return reply.status(201).send({ id: row.id, name: row.originalName, mime: row.mime, size: row.size });
    },
  );

  app.post(
    '/api/duty-records',
    { config: { access: 'duty.record' }, schema: { tags, body: recordDutyBody, response: { 200: dutyRecordView } } },
    async (req) => recordDuty(app.db, ctx(req), req.body),
  );

  app.get(
    '/api/duty-records/:id',
    { config: { access: 'commitment.read' }, schema: { tags, params: idParams, response: { 200: dutyRecordView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findDutyRecord(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return presentDutyRecord(app.db, actor, row);
    },
  );

  app.post(
    '/api/duty-records/:id/resubmit',
    { config: { access: 'duty.record' }, schema: { tags, params: idParams, body: resubmitDutyBody, response: { 200: dutyRecordView } } },
    async (req) => resubmitDuty(app.db, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/api/duty-records/:id/accept',
    { config: { access: 'duty.check' }, schema: { tags, params: idParams, body: checkDutyBody, response: { 200: dutyRecordView } } },
    async (req) => checkDuty(app.db, ctx(req), req.params.id, 'accept', req.body),
  );

  app.post(
    '/api/duty-records/:id/return',
    { config: { access: 'duty.check' }, schema: { tags, params: idParams, body: returnDutyBody, response: { 200: dutyRecordView } } },
    async (req) => checkDuty(app.db, ctx(req), req.params.id, 'return', req.body),
  );

  app.get(
    '/api/duties/compliance',
    { config: { access: 'duty.stats' }, schema: { tags, querystring: dutyComplianceQuery, response: { 200: dutyComplianceView } } },
    async (req) => readCompliance(app.db, actorOf(req), req.query, cstDate()),
  );

  app.get(
    '/api/duties/laggards',
    { config: { access: 'duty.stats' }, schema: { tags, querystring: laggardQuery, response: { 200: laggardPage } } },
    async (req) => readLaggards(app.db, actorOf(req), req.query, cstDate()),
  );

  app.get(
    '/api/duties/laggards/areas',
    { config: { access: 'duty.stats' }, schema: { tags, querystring: laggardAreaQuery, response: { 200: laggardAreaPage } } },
    async (req) => readLaggardAreas(app.db, actorOf(req), req.query, cstDate()),
  );
}
