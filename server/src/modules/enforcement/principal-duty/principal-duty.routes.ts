// GET /api/enforcement/principal-duty: frequency compliance of 企业主要负责人履责专项执法检查 for one level (street monthly,
// district quarterly, city half-yearly) over the caller's jurisdiction — per period the enterprises covered and the
// rate, and for one period (the running one by default) the enterprises not yet inspected, paged.
import { principalDutyQuery, principalDutyView } from '@anjian/contracts';
import type { ZodApp } from '../../../platform/zod-app';
import { actorOf } from '../../../platform/http';
import { AppError, fieldError } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import {
  periodOf,
  periodRange,
  periodsBegun,
  periodsPerYear,
  principalDutyLevelOf,
  principalDutyPeriodLabels,
} from '../../../reference/enforcement/principal-duty';
import { countEnterprises, coveredPerPeriod, orgAreaLevel, uncoveredEnterprises } from './principal-duty.queries';

export function principalDutyRoutes(app: ZodApp) {
  app.get(
    '/api/enforcement/principal-duty',
    {
      config: { access: 'enforcement.read' },
      schema: { tags: ['enforcement'], querystring: principalDutyQuery, response: { 200: principalDutyView } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!actor.areaPrefix) throw new AppError('FORBIDDEN');
      const q = req.query;
      const ownLevel = principalDutyLevelOf(await orgAreaLevel(app.db, actor));
      const level = q.level ?? ownLevel ?? 'district';
      const n = periodsPerYear(level);
      if (q.period !== undefined && q.period > n)
        throw fieldError('period', `该层级每年只有${n}个周期`, `This level has ${n} periods a year`);
      const today = cstDate();
      const begun = periodsBegun(level, q.year, today);
      const total = await countEnterprises(app.db, actor);
      const covered = await coveredPerPeriod(app.db, actor, level, q.year);
      const periods = Array.from({ length: n }, (_, i) => {
        const p = i + 1;
        const c = covered.get(p) ?? 0;
        return { period: p, ...periodRange(level, q.year, p), begun: p <= begun, covered: c, rate: total ? c / total : 1 };
      });
      const period = q.period ?? Math.max(1, q.year === Number(today.slice(0, 4)) ? periodOf(level, today) : begun || 1);
      const range = periodRange(level, q.year, period);
      const items = await uncoveredEnterprises(app.db, actor, level, range, q);
      return {
        year: q.year,
        level,
        ownLevel,
        rule: principalDutyPeriodLabels[level],
        enterprises: total,
        periods,
        /** Periods begun in which every enterprise was inspected at least once. */
        compliantPeriods: periods.filter((p) => p.begun && p.covered >= total).length,
        periodsBegun: begun,
        uncovered: { period, ...range, items, total: total - (covered.get(period) ?? 0) },
      };
    },
  );
}
