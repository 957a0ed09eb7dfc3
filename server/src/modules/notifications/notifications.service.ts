// Writing and reading inboxes. `notify` is idempotent per (recipient, dedupe key): a rule evaluated twice or an
// event delivered twice adds nothing. Reads are always the caller's own inbox (user_id = the session's user).
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notificationPreferences, notifications } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { NoticeKind } from './notifications.rules';

export interface Notice {
  kind: NoticeKind;
  title: { zh: string; en: string };
  entityType?: string | null;
  entityId?: string | null;
  link?: string | null;
  dueOn?: string | null;
  eventId?: number | null;
  dedupeKey: string;
}

/** Web paths of the records notices link to. */
export const recordLink: Record<string, (id: string) => string> = {
  hazard: (id) => `/hazards/${id}`,
  inspection: (id) => `/enforcement/inspections/${id}`,
  penalty_case: (id) => `/enforcement/cases/${id}`,
  accident: (id) => `/accidents/${id}`,
  enterprise: (id) => `/enterprises/${id}`,
  check_task: () => `/checks`,
  report: (id) => `/reports/${id}`,
  credit_listing: (id) => `/credit-listings/${id}`,
  work_task: (id) => `/work-tasks/${id}`,
  grid_visit: (id) => `/grid/visits/${id}`,
  grid_registration: (id) => `/grid-registrations/${id}`,
  oh_profile: (id) => `/enterprises/${id}?tab=occupational-health`,
  certificate: () => `/certificates`,
  publicity_target: (id) => `/publicity-receipts?target=${id}`,
  responsibility_letter: (id) => `/responsibility-letters/${id}`,
};

/**
 * Adds the notice to each recipient's inbox (once per dedupe key). Recipients who want e-mail or webhook messages
 * one by one are flagged for the delivery pass; digest readers get theirs in the daily digest. Returns how many
 * inbox rows were added.
 */
export async function notify(db: DbOrTx, userIds: readonly string[], n: Notice): Promise<number> {
  if (userIds.length === 0) return 0;
  const result = await db.execute(sql`
    insert into notifications (user_id, kind, title_zh, title_en, entity_type, entity_id, link, due_on, event_id, dedupe_key,
                               external_pending)
    select u.id::uuid, ${n.kind}, ${n.title.zh}, ${n.title.en}, ${n.entityType ?? null}, ${n.entityId ?? null},
           ${n.link ?? null}, ${n.dueOn ?? null}::date, ${n.eventId ?? null}::bigint, ${n.dedupeKey},
           coalesce((p.email_enabled or p.webhook_enabled) and not p.daily_digest, false)
      from unnest(string_to_array(${userIds.join(',')}, ',')) as u(id)
      left join notification_preferences p on p.user_id = u.id::uuid
    on conflict (user_id, dedupe_key) do nothing
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

export async function listInbox(db: DbOrTx, userId: string, q: { unread?: boolean; kind?: string; page: number; pageSize: number }) {
  const where = and(
    eq(notifications.userId, userId),
    q.unread ? isNull(notifications.readAt) : undefined,
    q.kind ? eq(notifications.kind, q.kind) : undefined,
  );
  const [items, [total], counts] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), notifications.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    unreadCounts(db, userId),
  ]);
  return { items, total: total?.n ?? 0, unread: counts.unread };
}

/** The header badge: unread per kind, read from the partial index of unread rows. */
export async function unreadCounts(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ kind: notifications.kind, n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .groupBy(notifications.kind);
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  return { unread: rows.reduce((s, r) => s + r.n, 0), byKind };
}

/** Marks the caller's own notices read (ids of others' are ignored), or all unread ones. */
export async function markRead(db: DbOrTx, userId: string, ids: readonly string[] | 'all'): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, [...ids])),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function readPreferences(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return {
    email: row?.email ?? null,
    emailEnabled: row?.emailEnabled ?? false,
    webhookEnabled: row?.webhookEnabled ?? false,
    dailyDigest: row?.dailyDigest ?? false,
  };
}

export async function savePreferences(
  db: DbOrTx,
  userId: string,
  p: { email: string | null; emailEnabled: boolean; webhookEnabled: boolean; dailyDigest: boolean },
) {
  const values = { ...p, updatedAt: new Date() };
  await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
  return readPreferences(db, userId);
}
