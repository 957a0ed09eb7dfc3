// The check task's machine: pending → done when the enterprise submits it within its period; "missed" is derived
// (pending after the due date), never stored. The daily job creates tasks in bulk in the column's default state,
// 'pending' (the CHECK constraint holds it to the machine's states); `writeCheckTask` is the only writer of a
// task's state afterwards: it asks the machine, writes the row and appends the state_transitions row.
import { eq } from 'drizzle-orm';
import { checkTaskStoredStates } from '@anjian/contracts';
import { checkTasks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent, type RecordRef } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';

export type CheckTaskStoredState = (typeof checkTaskStoredStates)[number];
/** What the machine reads of a task, with the China date it is asked on (the period decides). */
export type CheckTaskFacts = { state: string; periodStart: string; dueDate: string; today: string };

export const checkTaskMachine: StateMachine<CheckTaskStoredState, 'submit', CheckTaskFacts> = {
  record: 'check_task',
  table: 'check_tasks',
  column: 'state',
  states: checkTaskStoredStates,
  bulkInitial: 'pending',
  actions: {
    submit: { label: { zh: '提交排查结果', en: 'Submit' }, from: ['pending'], to: 'done', permission: 'check.do' },
  },
  stateOf: (t) => (t ? (t.state as CheckTaskStoredState) : null),
  refuseState: () => ({
    reason: 'invalid_transition',
    code: 'VALIDATION',
    details: [{ field: 'state', zh: '该排查任务已提交', en: 'This check has already been submitted' }],
  }),
  // A task can be submitted on any day of its period, not before it starts and not after it ends.
  guard: (t) =>
    t!.periodStart <= t!.today && t!.today <= t!.dueDate
      ? null
      : {
          reason: 'outside_period',
          code: 'VALIDATION',
          details: [
            {
              field: 'dueDate',
              zh: `该任务的排查期为 ${t!.periodStart} 至 ${t!.dueDate}`,
              en: `This check runs from ${t!.periodStart} to ${t!.dueDate}`,
            },
          ],
        },
};

export function checkTaskAbilities(actor: MachineActor, task: CheckTaskFacts): 'submit'[] {
  return abilities(checkTaskMachine, task, actor);
}

/** The only writer of check_tasks.state, in the caller's transaction. */
export async function writeCheckTask(
  tx: DbOrTx,
  actor: Actor,
  before: CheckTaskFacts & RecordRef,
  action: 'submit',
  change: { patch: Partial<typeof checkTasks.$inferInsert>; evidence?: Record<string, unknown> },
) {
  const { from, to } = decide(checkTaskMachine, before, actor, action);
  await tx
    .update(checkTasks)
    .set({ ...change.patch, state: to })
    .where(eq(checkTasks.id, before.id));
  await appendTransition(tx, checkTaskMachine, actor, { recordId: before.id, action, from, to, evidence: change.evidence });
  await appendEvent(tx, `check_task.${action}`, 'check_task', before, actor, { from, to, ...change.evidence });
}
