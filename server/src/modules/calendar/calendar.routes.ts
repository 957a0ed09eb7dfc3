// The official holiday calendar: read by staff whose deadlines count working days, and the deployment's supplement
// (years of the State Council's schedule the package lacks) entered per year by the platform administrator.
import { calendarOverview, calendarYearDetail, calendarYearParams, okResponse, putCalendarYearBody } from '@anjian/contracts';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, auditCtx } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { readCalendarSupplement, readCalendarYear } from '../../platform/calendar-store';
import { calendarClock } from './calendar.clock';
import { presentCalendarOverview, presentCalendarYear } from './calendar.presenter';
import { putCalendarYear } from './commands/put-calendar-year';
import { deleteCalendarYear } from './commands/delete-calendar-year';

export function calendarRoutes(app: ZodApp) {
  const tags = ['calendar'];
  app.get('/api/calendar', { config: { access: 'calendar.read' }, schema: { tags, response: { 200: calendarOverview } } }, async () =>
    presentCalendarOverview(await readCalendarSupplement(app.db), calendarClock.today()),
  );
  app.get(
    '/api/calendar/years/:year',
    { config: { access: 'calendar.read' }, schema: { tags, params: calendarYearParams, response: { 200: calendarYearDetail } } },
    async (req) => {
      const detail = presentCalendarYear(req.params.year, await readCalendarYear(app.db, req.params.year));
      if (!detail) throw notFound();
      return detail;
    },
  );
  app.put(
    '/api/calendar/years/:year',
    {
      config: { access: 'calendar.manage' },
      schema: { tags, params: calendarYearParams, body: putCalendarYearBody, response: { 200: calendarYearDetail } },
    },
    async (req) => {
      const actor = actorOf(req);
      const stored = await putCalendarYear(app.db, auditCtx(req), { id: actor.id, name: actor.displayName }, req.params.year, req.body);
      return presentCalendarYear(req.params.year, stored)!;
    },
  );
  app.delete(
    '/api/calendar/years/:year',
    { config: { access: 'calendar.manage' }, schema: { tags, params: calendarYearParams, response: { 200: okResponse } } },
    async (req) => {
      await deleteCalendarYear(app.db, auditCtx(req), req.params.year);
      return { ok: true as const };
    },
  );
}
