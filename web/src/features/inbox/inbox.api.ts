// The inbox's calls and their query keys, shared by the page and the header badge.
import { useQuery } from '@tanstack/react-query';
import type { NoticeKindName, NotificationItem, NotificationPreferences } from '@anjian/contracts';
import { call } from '../../api/client';

export const unreadKey = ['notifications', 'unread'] as const;

/** Polled every minute so the header follows notices created by the background jobs. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => call('GET /api/notifications/unread-count'),
    enabled,
    refetchInterval: 60_000,
  });
}

export interface InboxPage {
  items: NotificationItem[];
  total: number;
  unread: number;
}

export const fetchInbox = (q: { unread?: boolean; kind?: string; page: number; pageSize: number }) =>
  call('GET /api/notifications', {
    query: { unread: q.unread ? 'true' : undefined, kind: q.kind as NoticeKindName | undefined, page: q.page, pageSize: q.pageSize },
  });

export const markRead = (body: { ids: string[] } | { all: true }) => call('POST /api/notifications/read', { body });

export const fetchPreferences = () => call('GET /api/notifications/preferences');
export const savePreferences = (p: NotificationPreferences) => call('PUT /api/notifications/preferences', { body: p });

export interface FailedJob {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  error: string | null;
  createdOn: string;
  completedOn: string | null;
}
export const fetchFailedJobs = (page: number) => call('GET /api/jobs/failed', { query: { page, pageSize: 20 } });
