// Penalty cases (行政处罚案件): file, list (首查必罚 / 一案双查 / missing evidence filters), workspace, steps; legal bases;
// and the public page of published decisions.
import {
  caseActionBody,
  caseActionParams,
  caseListQuery,
  caseView,
  fileCaseBody,
  idParams,
  pageOf,
  publicPenaltiesQuery,
  penaltyBasisView,
  presiderCandidateView,
  publicPenaltyView,
} from '@anjian/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf, clientIp } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { penaltyBases } from '../../../reference/enforcement/penalty-basis';
import { findCase, findCases } from './cases.queries';
import { findPublishedPenalties } from './public-penalties.queries';
import { findCaseDetail } from './cases.detail';
import { presentCase, presentPublicPenalty } from './cases.presenter';
import { fileCase } from './commands/file-case';
import { actOnCase } from './commands/act-on-case';
import { findPresiderCandidates } from './hearing.queries';
import { loadHearingConfig } from '../settings/enforcement.settings';

export function casesRoutes(app: ZodApp) {
  const tags = ['penalties'];
  const show = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const detail = await findCaseDetail(app.db, actorOf(req), id);
    if (!detail) throw notFound();
    return detail;
  };
  app.get(
    '/api/enforcement/penalty-bases',
    { config: { access: 'case.read' }, schema: { tags, response: { 200: z.array(penaltyBasisView) } } },
    async () => [...penaltyBases],
  );
  app.get(
    '/api/enforcement/cases',
    { config: { access: 'case.read' }, schema: { tags, querystring: caseListQuery, response: { 200: pageOf(caseView) } } },
    async (req) => {
      const actor = actorOf(req);
      // The hearing configuration is needed first only to filter by the decision limit.
      const early = req.query.pastLimit ? await loadHearingConfig(app.db) : null;
      const [{ items, total }, config] = await Promise.all([
        findCases(app.db, actor, req.query, early ? { today: cstDate(), hearing: early } : undefined),
        early ?? loadHearingConfig(app.db),
      ]);
      return { items: items.map(({ c, ...evidence }) => presentCase(actor, c, config, evidence)), total };
    },
  );
  app.post(
    '/api/enforcement/cases',
    { config: { access: 'case.manage' }, schema: { tags, body: fileCaseBody, response: { 201: caseView } } },
    async (req, reply) => {
      const c = await fileCase(app.db, actorOf(req), clientIp(req), req.body);
      return reply.status(201).send(await show(req, c.id));
    },
  );
  app.get(
    '/api/enforcement/cases/:id',
    { config: { access: 'case.read' }, schema: { tags, params: idParams, response: { 200: caseView } } },
    async (req) => show(req, req.params.id),
  );
  app.post(
    '/api/enforcement/cases/:id/actions/:action',
    { config: { access: 'case.act' }, schema: { tags, params: caseActionParams, body: caseActionBody, response: { 200: caseView } } },
    async (req) => {
      // Each step declares its own permission in case.workflow.ts (case.manage or case.review), checked there.
      await actOnCase(app.db, actorOf(req), clientIp(req), req.params.id, req.params.action, req.body);
      return show(req, req.params.id);
    },
  );
  app.get(
    '/api/enforcement/cases/:id/presiders',
    { config: { access: 'case.manage' }, schema: { tags, params: idParams, response: { 200: z.array(presiderCandidateView) } } },
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
    {
      config: { access: 'public' },
      schema: { tags, querystring: publicPenaltiesQuery, response: { 200: pageOf(publicPenaltyView) } },
    },
    async (req) => {
      const { rows, total } = await findPublishedPenalties(app.db, req.query);
      return { items: rows.map(presentPublicPenalty), total };
    },
  );
}
