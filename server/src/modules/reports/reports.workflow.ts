// The report's machine: received → accepted (or rejected with a reason, or transferred to another department with a
// reason) → handling (assigned) → replied → closed. `writeReport` is the only writer of reports.status: it asks the
// machine, writes the row, appends the state_transitions row and the domain event in the caller's transaction.
// A public submission ('submit') has no caller to ask about permissions: it only ever creates a received report.
import { eq } from 'drizzle-orm';
import { reportActionLabels, reportStatuses, type ReportAction, type ReportStatus } from '@anjian/contracts';
import { reports } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../platform/state-machine';

type ReportFacts = { status: string };
export type ReportRow = typeof reports.$inferSelect;

export const reportMachine: StateMachine<ReportStatus, 'record' | 'merge' | ReportAction, ReportFacts> = {
  record: 'report',
  table: 'reports',
  column: 'status',
  states: reportStatuses,
  actions: {
    record: { label: { zh: '登记举报', en: 'Record' }, from: [null], to: 'received', permission: 'report.intake' },
    accept: { label: reportActionLabels.accept, from: ['received'], to: 'accepted', permission: 'report.handle' },
    reject: { label: reportActionLabels.reject, from: ['received'], to: 'rejected', permission: 'report.handle', requires: ['reason'] },
    transfer: {
      label: reportActionLabels.transfer,
      from: ['received'],
      to: 'transferred',
      permission: 'report.handle',
      requires: ['transferTarget', 'reason'],
    },
    assign: { label: reportActionLabels.assign, from: ['accepted', 'handling'], to: 'handling', permission: 'report.handle' },
    reply: { label: reportActionLabels.reply, from: ['handling'], to: 'replied', permission: 'report.handle', requires: ['reply'] },
    close: { label: reportActionLabels.close, from: ['replied'], to: 'closed', permission: 'report.handle' },
    // A duplicate joins an earlier report being handled (commands/merge-report.ts); its reporters are kept.
    merge: {
      label: { zh: '合并为重复举报', en: 'Merge as duplicate' },
      from: ['received', 'accepted', 'handling'],
      to: 'merged',
      permission: 'report.handle',
      requires: ['mergedInto'],
    },
  },
  stateOf: (r) => (r ? (r.status as ReportStatus) : null),
  fieldLabels: {
    reason: { zh: '理由', en: 'reason' },
    transferTarget: { zh: '转办单位', en: 'target department' },
    reply: { zh: '答复内容', en: 'reply' },
    mergedInto: { zh: '合并到的举报', en: 'report merged into' },
  },
};

export function availableReportActions(actor: MachineActor, row: ReportFacts): ('merge' | ReportAction)[] {
  return abilities(reportMachine, row, actor).filter((a): a is 'merge' | ReportAction => a !== 'record');
}

export interface ReportChange {
  create?: Omit<typeof reports.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof reports.$inferInsert>;
  /** What the action's input carried (reasons, the target); never the reporter. */
  input?: Record<string, unknown>;
}

/** The only writer of reports.status, in the caller's transaction. `actor` is null for an anonymous submission. */
export async function writeReport(
  tx: DbOrTx,
  actor: Actor | null,
  before: ReportRow | null,
  action: 'submit' | 'record' | 'merge' | ReportAction,
  change: ReportChange,
): Promise<ReportRow> {
  const { from, to } =
    action === 'submit' ? { from: null, to: 'received' as const } : decide(reportMachine, before, actor!, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(reports)
        .set({ ...change.patch, status: to, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(reports.id, before.id))
        .returning()
    : await tx
        .insert(reports)
        .values({ ...change.create!, status: to })
        .returning();
  const evidence = change.input ?? {};
  await appendTransition(tx, reportMachine, actor, { recordId: row!.id, action, from, to, evidence });
  await appendEvent(tx, `report.${action}`, 'report', row!, actor, { from, to, ...evidence });
  return row!;
}
