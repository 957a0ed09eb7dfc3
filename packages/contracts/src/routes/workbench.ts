// Route map: the workbench, the inbox and its preferences, domain events, background jobs (issue 13).
import { z } from 'zod';
import { pageQuery } from '../schemas/common';
import { defineRoutes } from './define';
import { workbenchResponse } from '../schemas/workbench';
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
  unreadCounts,
} from '../schemas/notifications';

export const workbenchRoutes = defineRoutes({
  'GET /api/workbench': { response: workbenchResponse },
  'GET /api/notifications': { query: notificationListQuery, response: notificationList },
  'GET /api/notifications/unread-count': { response: unreadCounts },
  'GET /api/notifications/open-items': { response: openItems },
  'POST /api/notifications/read': { body: markReadBody, response: markReadResponse },
  'GET /api/notifications/preferences': { response: notificationPreferences },
  'PUT /api/notifications/preferences': { body: notificationPreferences, response: notificationPreferences },
  'GET /api/events': { query: eventListQuery, response: domainEventList },
  'GET /api/jobs/failed': { query: failedJobQuery, response: failedJobList },
  'GET /api/jobs/deliveries': { query: z.object(pageQuery).strict(), response: deliveryLog },
});
