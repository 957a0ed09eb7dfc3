// The pass that sends flagged notices over the outside channels, and the daily digest. A notice is claimed
// (its flag cleared) before it is sent, so two instances never send it twice; every attempt is written to the
// delivery log with the recipient masked.
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { notificationDeliveries, notificationPreferences, notifications, users } from '../../db/schema';
import type { Db } from '../../platform/db';
import { addDays, cstStartOfDay } from '../../platform/time';
import type { Channel, OutboundMessage, Recipient } from './notifications.channels';

interface Prefs {
  email: string | null;
  emailEnabled: boolean;
  webhookEnabled: boolean;
}

async function recipientsById(db: Db, ids: string[]) {
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      phone: users.phone,
      email: notificationPreferences.email,
      emailEnabled: notificationPreferences.emailEnabled,
      webhookEnabled: notificationPreferences.webhookEnabled,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.userId, r]));
}

async function sendAll(db: Db, channels: readonly Channel[], to: Recipient & Prefs, m: OutboundMessage, notificationId: string | null) {
  for (const ch of channels) {
    if (ch.name === 'email' && !to.emailEnabled) continue;
    if (ch.name === 'webhook' && !to.webhookEnabled) continue;
    if (!ch.reaches(to)) continue;
    let status = 'sent';
    let attempts: number;
    let error: string | null = null;
    try {
      attempts = await ch.send(to, m);
    } catch (e) {
      status = 'failed';
      attempts = (e as { attempts?: number }).attempts ?? 1;
      error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    }
    await db.insert(notificationDeliveries).values({
      notificationId,
      userId: to.userId,
      channel: ch.name,
      recipient: ch.maskedAddress(to),
      status,
      attempts,
      error,
    });
  }
}

/** Sends up to `limit` flagged notices; returns how many were claimed. */
export async function deliverPending(db: Db, channels: readonly Channel[], limit = 50): Promise<number> {
  if (channels.length === 0) return 0;
  const claimed = await db
    .update(notifications)
    .set({ externalPending: false })
    .where(
      inArray(
        notifications.id,
        sql`(select id from notifications where external_pending order by created_at limit ${limit} for update skip locked)`,
      ),
    )
    .returning();
  if (claimed.length === 0) return 0;
  const people = await recipientsById(db, [...new Set(claimed.map((n) => n.userId))]);
  for (const n of claimed) {
    const to = people.get(n.userId);
    if (!to) continue;
    await sendAll(db, channels, { ...to, emailEnabled: !!to.emailEnabled, webhookEnabled: !!to.webhookEnabled }, messageOf([n]), n.id);
  }
  return claimed.length;
}

export function messageOf(items: readonly { titleZh: string; titleEn: string; link: string | null }[], baseUrl = ''): OutboundMessage {
  if (items.length === 1) {
    const n = items[0]!;
    return { subject: `${n.titleZh} / ${n.titleEn}`, text: `${n.titleZh}\n${n.titleEn}`, link: n.link ? `${baseUrl}${n.link}` : null };
  }
  return {
    subject: `安监平台每日汇总：${items.length} 条 / Daily digest: ${items.length} notices`,
    text: items.map((n) => `• ${n.titleZh} / ${n.titleEn}${n.link ? ` ${baseUrl}${n.link}` : ''}`).join('\n'),
    link: null,
  };
}

/** One message per digest reader with yesterday's (China day) unread notices. */
export async function sendDailyDigests(db: Db, channels: readonly Channel[], today: string): Promise<{ digests: number }> {
  if (channels.length === 0) return { digests: 0 };
  const since = cstStartOfDay(addDays(today, -1));
  const until = cstStartOfDay(today);
  const readers = await db
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.dailyDigest, true),
        sql`(${notificationPreferences.emailEnabled} or ${notificationPreferences.webhookEnabled})`,
      ),
    );
  const people = await recipientsById(
    db,
    readers.map((r) => r.userId),
  );
  let digests = 0;
  for (const r of readers) {
    const items = await db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, r.userId),
          isNull(notifications.readAt),
          gte(notifications.createdAt, since),
          sql`${notifications.createdAt} < ${until}`,
        ),
      )
      .orderBy(notifications.createdAt)
      .limit(100);
    const to = people.get(r.userId);
    if (items.length === 0 || !to) continue;
    await sendAll(db, channels, { ...to, emailEnabled: !!to.emailEnabled, webhookEnabled: !!to.webhookEnabled }, messageOf(items), null);
    digests++;
  }
  return { digests };
}
