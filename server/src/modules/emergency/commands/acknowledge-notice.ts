// A called-out team's account acknowledges its call-out: the recipient's own notice only (404 otherwise), once (a
// second acknowledgement changes nothing); the incident's timeline records who acknowledged, and it is audited.
import { eq } from 'drizzle-orm';
import { emergencyIncidentNotices } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { addTimeline, findMyNotice } from '../incidents.queries';
import { presentNotice } from '../incidents.presenter';

export async function acknowledgeNotice(db: Db, actor: Actor, ip: string | null, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const found = await findMyNotice(tx, actor, id, true);
    if (!found) throw notFound();
    if (found.notice.acknowledgedAt) return presentNotice(found.notice, found.incident);
    const [after] = await tx
      .update(emergencyIncidentNotices)
      .set({ acknowledgedAt: now })
      .where(eq(emergencyIncidentNotices.id, id))
      .returning();
    await addTimeline(tx, found.incident.id, 'team_acknowledged', actor, found.notice.teamName, now);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'incident.notice.acknowledge',
        entityType: 'incident',
        entityId: found.incident.id,
        after: { noticeId: id, teamId: found.notice.teamId, acknowledgedAt: now },
      },
    );
    return presentNotice(after!, found.incident);
  });
}
