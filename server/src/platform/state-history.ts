// Appends a row to state_transitions: the history of a record whose machine has no timeline table of its own.
// Only the records' writers call it, in the transaction that writes the status column.
import { stateTransitions } from '../db/schema';
import type { Actor } from './actor';
import type { DbOrTx } from './db';

export interface Transition {
  recordId: string;
  action: string;
  from: string | null;
  to: string;
  evidence?: Record<string, unknown>;
}

export async function appendTransition(tx: DbOrTx, machine: { record: string }, actor: Actor | null, t: Transition) {
  await transitionInsert(tx, machine, actor, t);
}

/** The insert `appendTransition` runs, not yet run: for `writeTogether` (platform/write-together.ts). */
export function transitionInsert(tx: DbOrTx, machine: { record: string }, actor: Actor | null, t: Transition) {
  return tx.insert(stateTransitions).values({
    recordType: machine.record,
    recordId: t.recordId,
    action: t.action,
    fromState: t.from,
    toState: t.to,
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? null,
    evidence: t.evidence ?? {},
  });
}
