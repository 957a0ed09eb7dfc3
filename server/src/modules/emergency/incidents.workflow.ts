// The incident's machine: received (the duty officer took the call, or an enterprise's 快报 arrived) → acknowledged (the leader on duty, or an officer
// of the area, confirmed) → closed. `writeIncident` is the only writer of emergency_incidents.status: it asks the
// machine, writes the row, appends the state_transitions row and the domain event in the caller's transaction.
import { eq } from 'drizzle-orm';
import { incidentStatuses, type IncidentStatus } from '@anjian/contracts';
import { emergencyIncidents } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';

export type IncidentRow = typeof emergencyIncidents.$inferSelect;
export type IncidentAction = 'record' | 'report' | 'acknowledge' | 'close';

export const incidentMachine: StateMachine<IncidentStatus, IncidentAction, { status: string }> = {
  record: 'incident',
  table: 'emergency_incidents',
  column: 'status',
  states: incidentStatuses,
  actions: {
    record: { label: { zh: '接警登记', en: 'Record the call' }, from: [null], to: 'received', permission: 'incident.intake' },
    report: { label: { zh: '企业快报', en: 'Flash report' }, from: [null], to: 'received', permission: 'incident.flash' },
    acknowledge: { label: { zh: '确认收悉', en: 'Acknowledge' }, from: ['received'], to: 'acknowledged', permission: 'incident.act' },
    close: { label: { zh: '结束', en: 'Close' }, from: ['received', 'acknowledged'], to: 'closed', permission: 'incident.act' },
  },
  stateOf: (r) => (r ? (r.status as IncidentStatus) : null),
  fieldLabels: {},
};

export function availableIncidentActions(actor: MachineActor, row: { status: string }) {
  return abilities(incidentMachine, row, actor).filter((a) => a !== 'record' && a !== 'report');
}

export interface IncidentChange {
  create?: Omit<typeof emergencyIncidents.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof emergencyIncidents.$inferInsert>;
  input?: Record<string, unknown>;
  /** Extra payload for the domain event (the accident record to open). */
  event?: Record<string, unknown>;
}

export async function writeIncident(tx: DbOrTx, actor: Actor, before: IncidentRow | null, action: IncidentAction, change: IncidentChange) {
  const { from, to } = decide(incidentMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(emergencyIncidents)
        .set({ ...change.patch, status: to!, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(emergencyIncidents.id, before.id))
        .returning()
    : await tx
        .insert(emergencyIncidents)
        .values({ ...change.create!, status: to! })
        .returning();
  await appendTransition(tx, incidentMachine, actor, { recordId: row!.id, action, from, to: to!, evidence: change.input ?? {} });
  await appendEvent(tx, `incident.${action}`, 'incident', row!, actor, { from, to, ...(change.event ?? {}) });
  return row!;
}
