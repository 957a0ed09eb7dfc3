// The inbox: notices addressed to the caller (assigned, awaiting action, due soon, due today, overdue, escalated,
// announcements), read state, channel preferences; and the administrator's view of failed background jobs.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageOf, pageQuery } from './common';

export const noticeKinds = ['assigned', 'awaiting_action', 'due_soon', 'due_today', 'overdue', 'escalated', 'announcement'] as const;
export const noticeKind = z.enum(noticeKinds);
export type NoticeKindName = z.infer<typeof noticeKind>;

export const noticeKindLabels: Record<NoticeKindName, { zh: string; en: string }> = {
  assigned: { zh: '分配给我', en: 'Assigned to me' },
  awaiting_action: { zh: '待我处理', en: 'Waiting for my action' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  due_today: { zh: '今日到期', en: 'Due today' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  escalated: { zh: '逾期督促', en: 'Escalated' },
  announcement: { zh: '通知公告', en: 'Announcement' },
};

export const notificationListQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional().describe('只看未读 / Unread only'),
    kind: noticeKind.optional(),
    ...pageQuery,
  })
  .strict();

export const notificationItem = z.object({
  id: z.uuid(),
  kind: noticeKind,
  title: z.object({ zh: safeString(), en: safeString() }),
  entityType: safeString().nullable(),
  entityId: safeString().nullable(),
  link: safeString().nullable(),
  dueOn: isoDate.nullable(),
  createdAt: safeString(),
  readAt: safeString().nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationList = pageOf(notificationItem).extend({ unread: z.number().int() });

export const unreadCounts = z.object({
  unread: z.number().int(),
  byKind: z.record(safeString(), z.number().int()),
});
export type UnreadCounts = z.infer<typeof unreadCounts>;

/** Either the listed notices or every unread one of the caller's (bulk). */
export const markReadBody = z
  .object({
    ids: z.array(z.uuid()).min(1).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => (b.ids ? !b.all : b.all), { message: 'markRead.idsOrAll', path: ['ids'] });

export const markReadResponse = z.object({ updated: z.number().int() });

export const notificationPreferences = z
  .object({
    email: z.email().max(200).nullable(),
    emailEnabled: z.boolean(),
    webhookEnabled: z.boolean(),
    dailyDigest: z.boolean().describe('每日汇总一封，而不是逐条发送 / One daily digest instead of one message each'),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/** What waits for the caller (the workbench's "my open items"), each counted in the caller's scope. */
export const openItems = z.object({
  hazardsToRectify: z.number().int(),
  hazardsAwaitingAcceptance: z.number().int(),
  hazardsOverdue: z.number().int(),
  checkTasksDue: z.number().int().describe('企业：今日及以前到期未完成的排查任务 / Enterprise: check tasks due by today, not done'),
  inspectionsPlanned: z.number().int().describe('指派给我、尚未实施的执法检查 / Inspections assigned to me, not yet done'),
  unread: z.number().int(),
});
export type OpenItems = z.infer<typeof openItems>;

/** Domain events in the caller's scope (the records' own scope columns), newest first. */
export const eventListQuery = z
  .object({
    entityType: safeString().trim().min(1).max(64).optional(),
    entityId: safeString().trim().min(1).max(64).optional(),
    ...pageQuery,
  })
  .strict();
export const domainEventItem = z.object({
  id: z.number().int(),
  type: safeString(),
  entityType: safeString(),
  entityId: safeString(),
  areaCode: safeString(),
  occurredAt: safeString(),
});
export const domainEventList = z.object({ items: z.array(domainEventItem), hasMore: z.boolean() });

export const failedJob = z.object({
  id: safeString(),
  name: safeString(),
  state: safeString(),
  retryCount: z.number().int(),
  error: safeString().nullable(),
  createdOn: safeString(),
  completedOn: safeString().nullable(),
});
export const failedJobList = pageOf(failedJob);
export const failedJobQuery = z.object({ ...pageQuery }).strict();

export const deliveryLogItem = z.object({
  id: z.number().int(),
  channel: safeString(),
  recipient: safeString().describe('已脱敏 / Masked'),
  status: safeString(),
  attempts: z.number().int(),
  error: safeString().nullable(),
  createdAt: safeString(),
});
export const deliveryLog = pageOf(deliveryLogItem);
