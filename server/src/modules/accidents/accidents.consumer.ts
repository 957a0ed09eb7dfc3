// Opens an accident record when the duty officer records a call about a production-safety accident, or an enterprise's
// 快报 of one arrives (the emergency module's incident.record / incident.report event carries the accident as first
// known; for a 快报 the enterprise's own user is the actor, in scope of its own enterprise). The record goes through the registry's own
// path (registerAccidentIn: place and scope, grade, the county tier's receipt that starts the reporting clock, rollup,
// follow-up duties, audit), acting as the officer who took the call. Runs once per event (the consumer's mark).
import { createAccidentBody } from '@anjian/contracts';
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import type { Tx } from '../../platform/db';
import { loadActor } from '../../platform/actor-load';
import { registerAccidentIn } from './commands/register-accident';

async function onIncident(tx: Tx, e: DomainEvent) {
  const p = e.payload as { accident?: unknown };
  if (!p.accident || !e.actorId) return;
  const actor = await loadActor(tx, e.actorId);
  if (!actor) return;
  const input = createAccidentBody.parse(p.accident);
  await registerAccidentIn(tx, actor, null, input, new Date(), { incidentId: e.entityId });
}

export const accidentsConsumer: EventConsumer = {
  name: 'accidents',
  accepts: (e) => e.type === 'incident.record' || e.type === 'incident.report',
  async handle(tx, e) {
    if (e.type === 'incident.record' || e.type === 'incident.report') await onIncident(tx, e);
  },
};
