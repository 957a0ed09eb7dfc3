// SQL of incidents (接警 and 快报): every read through the scope predicate on the incident's own area code and, for an
// enterprise's users, its enterprise (they read their own 快报); a team's call-outs are read by their recipient only.
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { IncidentSource } from '@anjian/contracts';
import { emergencyIncidentNotices, emergencyIncidents, emergencyIncidentTimeline } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import type { IncidentRow } from './incidents.workflow';

const scope = (actor: Actor) => scopeWhere(actor, { areaCode: emergencyIncidents.areaCode, enterpriseId: emergencyIncidents.enterpriseId });

export async function findIncident(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<IncidentRow | null> {
  const q = db
    .select()
    .from(emergencyIncidents)
    .where(and(eq(emergencyIncidents.id, id), scope(actor)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findIncidents(
  db: DbOrTx,
  actor: Actor,
  q: { status?: string; source?: IncidentSource; page: number; pageSize: number },
) {
  const parts: SQL[] = [scope(actor)];
  if (q.status) parts.push(eq(emergencyIncidents.status, q.status));
  if (q.source) parts.push(eq(emergencyIncidents.source, q.source));
  const where = and(...parts);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(emergencyIncidents)
      .where(where)
      .orderBy(desc(emergencyIncidents.receivedAt), asc(emergencyIncidents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(emergencyIncidents).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findTimeline(db: DbOrTx, incidentId: string) {
  return db
    .select()
    .from(emergencyIncidentTimeline)
    .where(eq(emergencyIncidentTimeline.incidentId, incidentId))
    .orderBy(asc(emergencyIncidentTimeline.at), asc(emergencyIncidentTimeline.id));
}

export async function addTimeline(
  db: DbOrTx,
  incidentId: string,
  kind: string,
  who: { id: string; displayName: string } | null,
  note: string | null = null,
  at = new Date(),
) {
  await db
    .insert(emergencyIncidentTimeline)
    .values({ incidentId, kind, at, userId: who?.id ?? null, userName: who?.displayName ?? null, note });
}

export type NoticeRow = typeof emergencyIncidentNotices.$inferSelect;

/** A call-out as its recipient reads it: the recipient's own only (404 for anyone else). */
export async function findMyNotice(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db
    .select({ notice: emergencyIncidentNotices, incident: emergencyIncidents })
    .from(emergencyIncidentNotices)
    .innerJoin(emergencyIncidents, eq(emergencyIncidents.id, emergencyIncidentNotices.incidentId))
    .where(and(eq(emergencyIncidentNotices.id, id), eq(emergencyIncidentNotices.userId, actor.id)));
  const [row] = lock ? await q.for('update', { of: emergencyIncidentNotices }) : await q;
  return row ?? null;
}
