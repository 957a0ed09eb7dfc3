// Penalty cases (行政处罚案件): file, list (首查必罚 / 一案双查 / missing evidence filters), workspace, steps; legal bases;
// and the public page of published decisions.
import { caseActionBody, caseActionParams, caseListQuery, fileCaseBody, idParams, pageQuery } from '@anjian/contracts';
import { z } from 'zod';
import { eq, inArray } from 'drizzle-orm';
import { hazards, penaltyCaseEvents } from '../../db/schema';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { penaltyBases } from '../../reference/enforcement/penalty-basis';
import { findCase, findCases, findEvidence } from './cases.queries';
import { presentCase, presentPublicPenalty } from './cases.presenter';
import { findDocumentsOf, presentDocument } from './documents';
import { fileCase } from './commands/file-case';
import { actOnCase } from './commands/act-on-case';
import { findInspection } from './inspections.queries';
import { findPresiderCandidates } from './hearing.queries';
import { loadHearingConfig } from './enforcement.settings';
import { findPublishedPenalties } from './public-penalties.queries';

export function casesRoutes(app: ZodApp) {
  const tags = ['penalties'];
  const show = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(req);
    const c = await findCase(app.db, actor, id);
    if (!c) throw notFound();
    const documents = (await findDocumentsOf(app.db, { caseId: id })).map(presentDocument);
    const events = await app.db.select().from(penaltyCaseEvents).where(eq(penaltyCaseEvents.caseId, id)).orderBy(penaltyCaseEvents.id);
    // Where the case came from: the inspection (and its re-inspection) and the hidden dangers it is about.
    const insp = c.inspectionId ? await findInspection(app.db, actor, c.inspectionId) : null;
    const about = c.hazardIds.length
      ? await app.db
          .select({ id: hazards.id, number: hazards.number, description: hazards.description, state: hazards.state })
          .from(hazards)
          .where(inArray(hazards.id, c.hazardIds))
          .orderBy(hazards.number)
      : [];
    return presentCase(actor, c, await loadHearingConfig(app.db), await findEvidence(app.db, id), {
      documents,
      events: events.map((e) => ({ at: e.at.toISOString(), actorName: e.actorName, action: e.action, from: e.fromStatus, to: e.toStatus })),
      inspection: insp && {
        id: insp.id,
        enterpriseName: insp.enterpriseName,
        inspectedOn: insp.inspectedOn,
        rectificationDeadline: insp.rectificationDeadline,
        reinspectedOn: insp.reinspectedOn,
        reinspectionResult: insp.reinspectionResult,
      },
      hazards: about,
    });
  };
  app.get('/api/enforcement/penalty-bases', { config: { access: 'case.read' }, schema: { tags } }, async () => penaltyBases);
  app.get('/api/enforcement/cases', { config: { access: 'case.read' }, schema: { tags, querystring: caseListQuery } }, async (req) => {
    const actor = actorOf(req);
    const [{ items, total }, config] = await Promise.all([findCases(app.db, actor, req.query), loadHearingConfig(app.db)]);
    return { items: items.map(({ c, ...evidence }) => presentCase(actor, c, config, evidence)), total };
  });
  app.post('/api/enforcement/cases', { config: { access: 'case.manage' }, schema: { tags, body: fileCaseBody } }, async (req, reply) => {
    const c = await fileCase(app.db, actorOf(req), clientIp(req), req.body);
    return reply.status(201).send(await show(req, c.id));
  });
  app.get('/api/enforcement/cases/:id', { config: { access: 'case.read' }, schema: { tags, params: idParams } }, async (req) =>
    show(req, req.params.id),
  );
  app.post(
    '/api/enforcement/cases/:id/actions/:action',
    { config: { access: 'case.act' }, schema: { tags, params: caseActionParams, body: caseActionBody } },
    async (req) => {
      // Each step declares its own permission in case.workflow.ts (case.manage or case.review), checked there.
      await actOnCase(app.db, actorOf(req), clientIp(req), req.params.id, req.params.action, req.body);
      return show(req, req.params.id);
    },
  );
  app.get(
    '/api/enforcement/cases/:id/presiders',
    { config: { access: 'case.manage' }, schema: { tags, params: idParams } },
    async (req) => {
      // Who may preside over the case's hearing: staff of the caller's authority who did not investigate it.
      const actor = actorOf(req);
      const c = await findCase(app.db, actor, req.params.id);
      if (!c) throw notFound();
      return findPresiderCandidates(app.db, actor, c);
    },
  );
  app.get(
    '/api/public/penalties',
    { config: { access: 'public' }, schema: { tags, querystring: z.object({ ...pageQuery }).strict() } },
    async (req) => {
      const { rows, total } = await findPublishedPenalties(app.db, req.query);
      return { items: rows.map(presentPublicPenalty), total };
    },
  );
}
