// The inbox's calls and their query keys, shared by the page and the header badge.
import { useQuery } from '@tanstack/react-query';
import type { NotificationItem, NotificationPreferences, UnreadCounts } from '@anjian/contracts';
import { api } from '../../api/client';

export const unreadKey = ['notifications', 'unread'] as const;

/** Polled every minute so the header follows notices created by the background jobs. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => api.get<UnreadCounts>('/api/notifications/unread-count'),
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
  api.get<InboxPage>('/api/notifications', { unread: q.unread ? 'true' : undefined, kind: q.kind, page: q.page, pageSize: q.pageSize });

export const markRead = (body: { ids: string[] } | { all: true }) => api.post<{ updated: number }>('/api/notifications/read', body);

export const fetchPreferences = () => api.get<NotificationPreferences>('/api/notifications/preferences');
export const savePreferences = (p: NotificationPreferences) => api.put<NotificationPreferences>('/api/notifications/preferences', p);

export interface FailedJob {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  error: string | null;
  createdOn: string;
  completedOn: string | null;
}
export const fetchFailedJobs = (page: number) => api.get<{ items: FailedJob[]; total: number }>('/api/jobs/failed', { page, pageSize: 20 });
