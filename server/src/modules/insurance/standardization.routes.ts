// 安全生产标准化: the grade's history per enterprise (recorded by officers; the accidents consumer lowers or revokes),
// grades expiring soon, and the rate of 规上 enterprises at grade 3 or better per area with seed 003's deduction.
import {
  ratesQuery,
  standardizationExpiringPage,
  standardizationExpiringQuery,
  standardizationRatesView,
  standardizationRecordBody,
  standardizationRecordPage,
  standardizationRecordQuery,
  standardizationRecordView,
  type StandardizationGrade,
} from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, clientIp } from '../../platform/http';
import { cstDate, daysBetween } from '../../platform/time';
import { findExpiringGrades, findRecords } from './standardization.queries';
import { presentRecords } from './standardization.presenter';
import { standardizationRates } from './rates';
import { recordStandardization } from './commands/record-standardization';

export function standardizationRoutes(app: ZodApp) {
  const tags = ['standardization'];
  app.get(
    '/api/standardization/records',
    {
      config: { access: 'standardization.read' },
      schema: { tags, querystring: standardizationRecordQuery, response: { 200: standardizationRecordPage } },
    },
    async (req) => {
      const { items, total } = await findRecords(app.db, actorOf(req), req.query);
      return { items: await presentRecords(app.db, items), total };
    },
  );
  app.post(
    '/api/standardization/records',
    {
      config: { access: 'standardization.record' },
      schema: { tags, body: standardizationRecordBody, response: { 200: standardizationRecordView } },
    },
    async (req) => {
      const row = await recordStandardization(app.db, actorOf(req), clientIp(req), req.body);
      return (await presentRecords(app.db, [row]))[0]!;
    },
  );
  app.get(
    '/api/standardization/expiring',
    {
      config: { access: 'standardization.stats' },
      schema: { tags, querystring: standardizationExpiringQuery, response: { 200: standardizationExpiringPage } },
    },
    async (req) => {
      const today = cstDate();
      const { items, total } = await findExpiringGrades(app.db, actorOf(req), req.query, today);
      return {
        items: items.map((i) => ({
          ...i,
          grade: i.grade as StandardizationGrade,
          expiresOn: i.expiresOn!,
          daysLeft: daysBetween(today, i.expiresOn!),
        })),
        total,
      };
    },
  );
  app.get(
    '/api/standardization/rates',
    { config: { access: 'standardization.stats' }, schema: { tags, querystring: ratesQuery, response: { 200: standardizationRatesView } } },
    async (req) => standardizationRates(app.db, actorOf(req), req.query.areaCode, cstDate()),
  );
}
