// Also moves an enterprise's plans and drills with it when it changes street, industry or park.
// A fatal accident of an enterprise also opens revision duties on its filed plans (plans.consumer.ts).
// Links an accident opened from an emergency call back to its incident: the accident.register event carries the
// incident's id; the incident gets the accident's id and a timeline entry. Idempotent (the consumer's mark, and the
// link is written only while empty).
import { and, eq, isNull } from 'drizzle-orm';
import { emergencyDrillStatus, emergencyDrills, emergencyIncidents, emergencyPlanRevisions, emergencyPlans } from '../../db/schema';
import { followEnterpriseScope } from '../../platform/enterprise-scope';
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import type { Tx } from '../../platform/db';
import { addTimeline } from './incidents.queries';
import { onFatalAccident } from './plans.consumer';

async function onAccident(tx: Tx, e: DomainEvent) {
  const p = e.payload as { incidentId?: string };
  if (!p.incidentId) return;
  const linked = await tx
    .update(emergencyIncidents)
    .set({ accidentId: e.entityId, updatedAt: new Date() })
    .where(and(eq(emergencyIncidents.id, p.incidentId), isNull(emergencyIncidents.accidentId)))
    .returning({ id: emergencyIncidents.id });
  if (linked.length) await addTimeline(tx, p.incidentId, 'accident_opened', null, '已在事故登记中立案');
}

export const emergencyConsumer: EventConsumer = {
  name: 'emergency',
  accepts: (e) => e.type === 'accident.register' || e.type === 'enterprise.update',
  async handle(tx, e) {
    if (e.type === 'accident.register') {
      await onAccident(tx, e);
      await onFatalAccident(tx, e);
    }
    // An enterprise's plans, revision duties and drills follow it to its new street, industry or park.
    await followEnterpriseScope(tx, e, [emergencyPlans, emergencyPlanRevisions, emergencyDrills, emergencyDrillStatus]);
  },
};
