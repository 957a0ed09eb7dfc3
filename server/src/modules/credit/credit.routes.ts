// 信用: an enterprise's credit record with its grade and calculation, and the officers' list of enterprises by grade.
import { creditGradeListQuery, creditGradePage, enterpriseCreditView, idParams } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { cstDate } from '../../platform/time';
import { findCreditEnterprise, findCreditGrades } from './credit.queries';
import { presentEnterpriseCredit, presentGradeRow } from './credit.presenter';
import { entriesOf, isListed } from './credit.service';

export function creditRoutes(app: ZodApp) {
  const tags = ['credit'];
  app.get(
    '/api/enterprises/:id/credit',
    { config: { access: 'credit.read' }, schema: { tags, params: idParams, response: { 200: enterpriseCreditView } } },
    async (req) => {
      const actor = actorOf(req);
      const ent = await findCreditEnterprise(app.db, actor, req.params.id);
      if (!ent) throw notFound();
      const today = cstDate();
      const [entries, listed] = await Promise.all([entriesOf(app.db, ent.id), isListed(app.db, ent.id, today)]);
      return presentEnterpriseCredit(ent, entries, listed, today);
    },
  );
  app.get(
    '/api/credit/enterprises',
    { config: { access: 'credit.list' }, schema: { tags, querystring: creditGradeListQuery, response: { 200: creditGradePage } } },
    async (req) => {
      const { items, total } = await findCreditGrades(app.db, actorOf(req), req.query);
      return { items: items.map(presentGradeRow), total };
    },
  );
}
