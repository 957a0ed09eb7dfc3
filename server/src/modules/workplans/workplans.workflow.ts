// The work task's machine: assigned → in progress (started, or by filing the first monthly report) → reported done →
// accepted, or returned (→ in progress again). 督办 ('supervise') keeps the state and marks the task supervised with
// a level and a reason. `writeWorkTask` is the only writer of work_tasks.status: it asks the machine, writes the row
// with version + 1, appends the state_transitions row and the domain event in the caller's transaction.
import { eq } from 'drizzle-orm';
import { workTaskActionLabels, workTaskStatuses, type WorkTaskAction, type WorkTaskStatus } from '@anjian/contracts';
import { workTasks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type Refusal, type StateMachine } from '../../platform/state-machine';

export type WorkTaskRow = typeof workTasks.$inferSelect;
type TaskFacts = Pick<WorkTaskRow, 'status' | 'leadOrgId'>;

/** Lead-unit actions: only users of the task's lead unit take them (the bureau accepts, it does not report). */
const leadUnitActions: readonly string[] = ['start', 'file_report', 'report_done'];

function leadUnitGuard(record: TaskFacts | null, actor: MachineActor, action: string): Refusal | null {
  if (!record || !leadUnitActions.includes(action)) return null;
  const orgId = (actor as Partial<Actor>).orgId;
  if (orgId && orgId === record.leadOrgId) return null;
  return {
    reason: 'not_lead_unit',
    code: 'FORBIDDEN',
    details: [{ field: 'action', zh: '只有牵头单位可以填报本任务', en: 'Only the lead unit reports on this task' }],
  };
}

export const workTaskMachine: StateMachine<WorkTaskStatus, 'create' | WorkTaskAction, TaskFacts> = {
  record: 'work_task',
  table: 'work_tasks',
  column: 'status',
  states: workTaskStatuses,
  bulkInitial: 'assigned',
  actions: {
    create: { label: { zh: '分派任务', en: 'Assign' }, from: [null], to: 'assigned', permission: 'workplan.manage' },
    start: { label: workTaskActionLabels.start, from: ['assigned', 'returned'], to: 'in_progress', permission: 'workplan.report' },
    file_report: {
      label: workTaskActionLabels.file_report,
      from: ['assigned', 'in_progress', 'returned'],
      to: 'in_progress',
      permission: 'workplan.report',
      requires: ['progress'],
    },
    report_done: {
      label: workTaskActionLabels.report_done,
      from: ['in_progress'],
      to: 'reported_done',
      permission: 'workplan.report',
      requires: ['summary'],
    },
    accept: { label: workTaskActionLabels.accept, from: ['reported_done'], to: 'accepted', permission: 'workplan.manage' },
    return: {
      label: workTaskActionLabels.return,
      from: ['reported_done'],
      to: 'returned',
      permission: 'workplan.manage',
      requires: ['reason'],
    },
    supervise: {
      label: workTaskActionLabels.supervise,
      from: ['assigned', 'in_progress', 'reported_done', 'returned'],
      to: null,
      permission: 'workplan.supervise',
      requires: ['level', 'reason'],
    },
  },
  stateOf: (r) => (r ? (r.status as WorkTaskStatus) : null),
  fieldLabels: {
    progress: { zh: '进展情况', en: 'progress' },
    summary: { zh: '完成情况', en: 'summary' },
    reason: { zh: '理由', en: 'reason' },
    level: { zh: '督办级别', en: 'supervision level' },
  },
  guard: leadUnitGuard,
};

export function availableWorkTaskActions(actor: Actor, row: TaskFacts): WorkTaskAction[] {
  return abilities(workTaskMachine, row, actor).filter((a): a is WorkTaskAction => a !== 'create');
}

export interface WorkTaskChange {
  create?: Omit<typeof workTasks.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof workTasks.$inferInsert>;
  input?: Record<string, unknown>;
}

/** The only writer of work_tasks.status, in the caller's transaction. */
export async function writeWorkTask(
  tx: DbOrTx,
  actor: Actor,
  before: WorkTaskRow | null,
  action: 'create' | WorkTaskAction,
  change: WorkTaskChange,
): Promise<WorkTaskRow> {
  const { from, to } = decide(workTaskMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(workTasks)
        .set({ ...change.patch, status: to, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(workTasks.id, before.id))
        .returning()
    : await tx
        .insert(workTasks)
        .values({ ...change.create!, status: to })
        .returning();
  const evidence = change.input ?? {};
  await appendTransition(tx, workTaskMachine, actor, { recordId: row!.id, action, from, to, evidence });
  await appendEvent(tx, `work_task.${action}`, 'work_task', row!, actor, { from, to, planId: row!.planId, ...evidence });
  return row!;
}
