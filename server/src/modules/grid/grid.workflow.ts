// 网格登记's machine: pending → confirmed (the street created the enterprise from it) | merged (into an existing
// enterprise) | rejected (with a reason). `writeRegistration` is the only writer of grid_registrations.status: it asks
// the machine, writes the row, appends the history row and the domain event in the caller's transaction.
import { eq } from 'drizzle-orm';
import {
  gridRegistrationActionLabels,
  gridRegistrationStatuses,
  type GridRegistrationAction,
  type GridRegistrationStatus,
} from '@anjian/contracts';
import { gridRegistrations } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';
import type { GridRegistrationRow } from './grid.queries';

type Facts = { status: string };

export const gridRegistrationMachine: StateMachine<GridRegistrationStatus, 'register' | GridRegistrationAction, Facts> = {
  record: 'grid_registration',
  table: 'grid_registrations',
  column: 'status',
  states: gridRegistrationStatuses,
  actions: {
    register: { label: { zh: '网格登记', en: 'Register' }, from: [null], to: 'pending', permission: 'grid.patrol' },
    confirm: {
      label: gridRegistrationActionLabels.confirm,
      from: ['pending'],
      to: 'confirmed',
      permission: 'grid.review',
      requires: ['enterpriseId'],
    },
    merge: {
      label: gridRegistrationActionLabels.merge,
      from: ['pending'],
      to: 'merged',
      permission: 'grid.review',
      requires: ['enterpriseId'],
    },
    reject: {
      label: gridRegistrationActionLabels.reject,
      from: ['pending'],
      to: 'rejected',
      permission: 'grid.review',
      requires: ['reason'],
    },
  },
  stateOf: (r) => (r ? (r.status as GridRegistrationStatus) : null),
  fieldLabels: {
    enterpriseId: { zh: '企业', en: 'enterprise' },
    reason: { zh: '退回理由', en: 'reason' },
  },
};

export function availableRegistrationActions(actor: MachineActor, row: Facts): GridRegistrationAction[] {
  return abilities(gridRegistrationMachine, row, actor).filter((a): a is GridRegistrationAction => a !== 'register');
}

export interface RegistrationChange {
  create?: Omit<typeof gridRegistrations.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof gridRegistrations.$inferInsert>;
  input?: Record<string, unknown>;
}

export async function writeRegistration(
  tx: DbOrTx,
  actor: Actor,
  before: GridRegistrationRow | null,
  action: 'register' | GridRegistrationAction,
  change: RegistrationChange,
): Promise<GridRegistrationRow> {
  const { from, to } = decide(gridRegistrationMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(gridRegistrations)
        .set({ ...change.patch, status: to!, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(gridRegistrations.id, before.id))
        .returning()
    : await tx
        .insert(gridRegistrations)
        .values({ ...change.create!, status: to! })
        .returning();
  const evidence = change.input ?? {};
  await appendTransition(tx, gridRegistrationMachine, actor, { recordId: row!.id, action, from, to, evidence });
  await appendEvent(tx, `grid_registration.${action}`, 'grid_registration', { ...row!, enterpriseId: null }, actor, {
    from,
    to,
    name: row!.name,
    ...evidence,
  });
  return row!;
}
