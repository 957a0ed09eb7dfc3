// 年度考核: schemes (create, edit while draft, freeze, revise, compute), score sheets with their calculation line by
// line (entered values, publish → objection → adjustment → final), the ranking and its .xlsx export. The issuing
// authority sees all its units' sheets; an assessed unit its own sheet.
import {
  createSchemeBody,
  enterValueBody,
  idParams,
  rankingView,
  schemeListQuery,
  schemePage,
  schemeView,
  sheetActBody,
  sheetListQuery,
  sheetPage,
  sheetView,
  updateSchemeBody,
  versionBody,
  type RankingView,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { notFound } from '../../platform/errors';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { findIssuedScheme, findScheme, findSchemes, findSheet, findSheets, schemeSheets } from './assessment.queries';
import { presentSchemes, presentSheets } from './assessment.presenter';
import { RANKING_RULE, rankSheets } from './assessment.rules';
import { createScheme } from './commands/create-scheme';
import { freezeScheme, reviseScheme, updateScheme } from './commands/change-scheme';
import { computeScores } from './commands/compute-scores';
import { actOnSheet, enterValue } from './commands/act-on-sheet';
import { rankingWorkbook } from './assessment.export';
import type { SchemeRow, SheetRow } from './assessment.workflow';
import { attachment, XLSX_TYPE } from '../../platform/xlsx-stream';

async function schemeOut(db: DbOrTx, actor: Actor, row: SchemeRow) {
  return (await presentSchemes(db, actor, [row]))[0]!;
}
async function sheetOut(db: DbOrTx, actor: Actor, row: SheetRow) {
  return (await presentSheets(db, actor, [row], true))[0]!;
}

/** The ranking of a scheme's sheets; the issuer side only (404 otherwise). */
export async function buildRanking(db: DbOrTx, actor: Actor, id: string) {
  const scheme = await findIssuedScheme(db, actor, id);
  if (!scheme) throw notFound();
  const sheets = await schemeSheets(db, scheme.id);
  const views = await presentSheets(db, actor, sheets);
  const ranked = rankSheets(views);
  const ranking: RankingView = {
    schemeId: scheme.id,
    year: scheme.year,
    title: scheme.title,
    rule: RANKING_RULE,
    rows: ranked.map((s) => ({ rank: s.rank, sheetId: s.id, orgName: s.orgName, total: s.total, vetoed: s.vetoed, status: s.status })),
  };
  return { ranking, sheets: ranked };
}

export function assessmentRoutes(app: ZodApp) {
  const tags = ['assessment'];
  app.get(
    '/api/assessment/schemes',
    { config: { access: 'assessment.read' }, schema: { tags, querystring: schemeListQuery, response: { 200: schemePage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findSchemes(app.db, actor, req.query);
      return { items: await presentSchemes(app.db, actor, items), total };
    },
  );
  app.post(
    '/api/assessment/schemes',
    { config: { access: 'assessment.manage' }, schema: { tags, body: createSchemeBody, response: { 200: schemeView } } },
    async (req) => {
      const actor = actorOf(req);
      return schemeOut(app.db, actor, await createScheme(app.db, actor, clientIp(req), req.body));
    },
  );
  app.get(
    '/api/assessment/schemes/:id',
    { config: { access: 'assessment.read' }, schema: { tags, params: idParams, response: { 200: schemeView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findScheme(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return schemeOut(app.db, actor, row);
    },
  );
  app.patch(
    '/api/assessment/schemes/:id',
    { config: { access: 'assessment.manage' }, schema: { tags, params: idParams, body: updateSchemeBody, response: { 200: schemeView } } },
    async (req) => {
      const actor = actorOf(req);
      return schemeOut(app.db, actor, await updateScheme(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/assessment/schemes/:id/freeze',
    { config: { access: 'assessment.manage' }, schema: { tags, params: idParams, body: versionBody, response: { 200: schemeView } } },
    async (req) => {
      const actor = actorOf(req);
      return schemeOut(app.db, actor, await freezeScheme(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/assessment/schemes/:id/revise',
    { config: { access: 'assessment.manage' }, schema: { tags, params: idParams, body: versionBody, response: { 200: schemeView } } },
    async (req) => {
      const actor = actorOf(req);
      return schemeOut(app.db, actor, await reviseScheme(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.post(
    '/api/assessment/schemes/:id/compute',
    { config: { access: 'assessment.manage' }, schema: { tags, params: idParams, body: versionBody, response: { 200: schemeView } } },
    async (req) => {
      const actor = actorOf(req);
      return schemeOut(app.db, actor, await computeScores(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  app.get(
    '/api/assessment/schemes/:id/ranking',
    { config: { access: 'assessment.manage' }, schema: { tags, params: idParams, response: { 200: rankingView } } },
    async (req) => (await buildRanking(app.db, actorOf(req), req.params.id)).ranking,
  );
  app.get(
    '/api/assessment/schemes/:id/export',
    { config: { access: 'assessment.manage' }, schema: { tags, params: idParams, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { ranking, sheets } = await buildRanking(app.db, actor, req.params.id);
      await app.db.transaction((tx) =>
        recordAudit(
          tx,
          { actor, ip: clientIp(req) },
          {
            action: 'assessment.export',
            entityType: 'assessment_scheme',
            entityId: ranking.schemeId,
            after: { rows: ranking.rows.length },
          },
        ),
      );
      const name = `考核排名-${ranking.year}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`assessment-${ranking.year}.xlsx`, name))
        .send(await rankingWorkbook(ranking, sheets));
    },
  );
  app.get(
    '/api/assessment/sheets',
    { config: { access: 'assessment.read' }, schema: { tags, querystring: sheetListQuery, response: { 200: sheetPage } } },
    async (req) => {
      const actor = actorOf(req);
      const { items, total } = await findSheets(app.db, actor, req.query);
      return { items: await presentSheets(app.db, actor, items), total };
    },
  );
  app.get(
    '/api/assessment/sheets/:id',
    { config: { access: 'assessment.read' }, schema: { tags, params: idParams, response: { 200: sheetView } } },
    async (req) => {
      const actor = actorOf(req);
      const row = await findSheet(app.db, actor, req.params.id);
      if (!row) throw notFound();
      return sheetOut(app.db, actor, row);
    },
  );
  app.post(
    '/api/assessment/sheets/:id/values',
    { config: { access: 'assessment.manage' }, schema: { tags, params: idParams, body: enterValueBody, response: { 200: sheetView } } },
    async (req) => {
      const actor = actorOf(req);
      return sheetOut(app.db, actor, await enterValue(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
  // The route admits the bureau and the assessed units; each step then needs its own permission (the machine).
  app.post(
    '/api/assessment/sheets/:id/act',
    { config: { access: 'assessment.read' }, schema: { tags, params: idParams, body: sheetActBody, response: { 200: sheetView } } },
    async (req) => {
      const actor = actorOf(req);
      return sheetOut(app.db, actor, await actOnSheet(app.db, actor, clientIp(req), req.params.id, req.body));
    },
  );
}
