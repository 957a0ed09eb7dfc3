// A published 通报 reaches the units concerned: every active user of a recipient organisation who may read work plans
// gets an announcement linking to it. An event consumer (platform/queue.ts), at least once: the dedupe key per event
// keeps one notice per user however often the event is handled.
import { and, eq, inArray } from 'drizzle-orm';
import { can, type Role } from '@anjian/contracts';
import { users } from '../../db/schema';
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import { notify } from '../notifications/notifications.service';

export const bulletinsConsumer: EventConsumer = {
  name: 'work-bulletins',
  accepts: (e) => e.type === 'work_bulletin.publish',
  async handle(tx, e: DomainEvent) {
    if (e.type !== 'work_bulletin.publish') return;
    const p = e.payload as { title?: string; recipientOrgIds?: string[] };
    const orgs = p.recipientOrgIds ?? [];
    if (orgs.length === 0) return;
    const rows = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(inArray(users.orgId, orgs), eq(users.status, 'active')));
    const to = rows.filter((u) => can(u.role as Role, 'workplan.read')).map((u) => u.id);
    await notify(tx, to, {
      kind: 'announcement',
      title: { zh: `通报：${p.title ?? ''}`, en: `Bulletin: ${p.title ?? ''}` },
      entityType: 'work_bulletin',
      entityId: e.entityId,
      link: `/work-bulletins/${e.entityId}`,
      eventId: e.id,
      dedupeKey: `event:${e.id}`,
    });
  },
};
