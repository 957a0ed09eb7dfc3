// The caller's inbox (list, unread counts for the header, mark read one by one or all), channel preferences, and
// the administrator's view of failed background jobs and of outside-channel deliveries.
import { and, count, desc, eq } from 'drizzle-orm';
import {
  deliveryLog,
  domainEventList,
  eventListQuery,
  failedJobList,
  failedJobQuery,
  markReadBody,
  markReadResponse,
  notificationList,
  notificationListQuery,
  notificationPreferences,
  openItems,
  pageQuery,
  unreadCounts as unreadCountsSchema,
  type NoticeKindName,
} from '@anjian/contracts';
import { z } from 'zod';
import { domainEvents, notificationDeliveries, type notifications } from '../../db/schema';
import { scopeWhere } from '../../platform/scope';
import type { ZodApp } from '../../platform/zod-app';
import { actorOf, auditCtx } from '../../platform/http';
import { recordAudit } from '../../platform/audit';
import { listFailedJobs } from '../../platform/queue';
import { cstIso } from '../../platform/time';
import { hazardClock } from '../hazards/hazards.clock';
import { myOpenItems } from './notifications.work';
import { listInbox, markRead, readPreferences, savePreferences, unreadCounts } from './notifications.service';

const present = (n: typeof notifications.$inferSelect) => ({
  id: n.id,
  kind: n.kind as NoticeKindName,
  title: { zh: n.titleZh, en: n.titleEn },
  entityType: n.entityType,
  entityId: n.entityId,
  link: n.link,
  dueOn: n.dueOn,
  createdAt: cstIso(n.createdAt),
  readAt: n.readAt ? cstIso(n.readAt) : null,
});

export function notificationsRoutes(app: ZodApp) {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    { config: { access: 'authenticated' }, schema: { tags, querystring: notificationListQuery, response: { 200: notificationList } } },
    async (req) => {
      const q = req.query;
      const page = await listInbox(app.db, actorOf(req).id, { ...q, unread: q.unread === 'true' });
      return { ...page, items: page.items.map(present) };
    },
  );
  app.get(
    '/api/notifications/unread-count',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: unreadCountsSchema } } },
    async (req) => unreadCounts(app.db, actorOf(req).id),
  );
  app.get(
    '/api/notifications/open-items',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: openItems } } },
    async (req) => {
      const actor = actorOf(req);
      const [items, counts] = await Promise.all([myOpenItems(app.db, actor, hazardClock.today()), unreadCounts(app.db, actor.id)]);
      return { ...items, unread: counts.unread };
    },
  );
  app.post(
    '/api/notifications/read',
    { config: { access: 'authenticated' }, schema: { tags, body: markReadBody, response: { 200: markReadResponse } } },
    async (req) => ({ updated: await markRead(app.db, actorOf(req).id, req.body.all ? 'all' : req.body.ids!) }),
  );
  app.get(
    '/api/notifications/preferences',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: notificationPreferences } } },
    async (req) => readPreferences(app.db, actorOf(req).id),
  );
  app.put(
    '/api/notifications/preferences',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: notificationPreferences, response: { 200: notificationPreferences } },
    },
    async (req) => {
      const actor = actorOf(req);
      return app.db.transaction(async (tx) => {
        const before = await readPreferences(tx, actor.id);
        const after = await savePreferences(tx, actor.id, req.body);
        const masked = (p: typeof before) => ({ ...p, email: p.email ? '***' : null });
        await recordAudit(tx, auditCtx(req), {
          action: 'notification.preferences',
          entityType: 'user',
          entityId: actor.id,
          before: masked(before),
          after: masked(after),
        });
        return after;
      });
    },
  );
  // Events are scoped like records: the same predicate over the event's own scope columns. No total: a
  // jurisdiction's history is long, so the page says whether more follow.
  app.get(
    '/api/events',
    { config: { access: 'authenticated' }, schema: { tags: ['events'], querystring: eventListQuery, response: { 200: domainEventList } } },
    async (req) => {
      const q = req.query;
      const e = domainEvents;
      const rows = await app.db
        .select({ id: e.id, type: e.type, entityType: e.entityType, entityId: e.entityId, areaCode: e.areaCode, occurredAt: e.occurredAt })
        .from(e)
        .where(
          and(
            scopeWhere(actorOf(req), { areaCode: e.areaCode, sector: e.sector, parkId: e.parkId, enterpriseId: e.enterpriseId }),
            q.entityType ? eq(e.entityType, q.entityType) : undefined,
            q.entityId ? eq(e.entityId, q.entityId) : undefined,
          ),
        )
        .orderBy(desc(e.id))
        .limit(q.pageSize + 1)
        .offset((q.page - 1) * q.pageSize);
      return {
        hasMore: rows.length > q.pageSize,
        items: rows.slice(0, q.pageSize).map((r) => ({ ...r, occurredAt: cstIso(r.occurredAt) })),
      };
    },
  );
  app.get(
    '/api/jobs/failed',
    { config: { access: 'job.read' }, schema: { tags: ['jobs'], querystring: failedJobQuery, response: { 200: failedJobList } } },
    async (req) => {
      const { page, pageSize } = req.query;
      const r = await listFailedJobs(app.database, pageSize, (page - 1) * pageSize);
      return {
        total: r.total,
        items: r.items.map((j) => ({
          id: j.id,
          name: j.name,
          state: j.state,
          retryCount: j.retryCount,
          error: errorText(j.output),
          createdOn: cstIso(new Date(j.createdOn)),
          completedOn: j.completedOn ? cstIso(new Date(j.completedOn)) : null,
        })),
      };
    },
  );
  app.get(
    '/api/jobs/deliveries',
    {
      config: { access: 'job.read' },
      schema: { tags: ['jobs'], querystring: z.object(pageQuery).strict(), response: { 200: deliveryLog } },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const [rows, [total]] = await Promise.all([
        app.db
          .select()
          .from(notificationDeliveries)
          .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        app.db.select({ n: count() }).from(notificationDeliveries),
      ]);
      return {
        total: total?.n ?? 0,
        items: rows.map((r) => ({ ...r, createdAt: cstIso(r.createdAt) })),
      };
    },
  );
}

/** pg-boss stores a failed handler's error as its output: show the message, never a stack. */
function errorText(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as { message?: unknown; value?: unknown };
  const m = typeof o.message === 'string' ? o.message : typeof o.value === 'string' ? o.value : null;
  return m ? m.slice(0, 500) : JSON.stringify(output).slice(0, 500);
}
