// Merging a duplicate into an earlier report being handled: both loaded through the caller's scope and locked (in
// id order, so two opposite merges cannot deadlock), the duplicate moved to 'merged' by the one writer with the
// target's id, the reports already merged into the duplicate re-pointed to the target, and the target's reporter
// count raised by the duplicate's. No identity moves: each reporter's sealed row stays with its own report; the
// event names the merged report ids, and the notifications consumer tells the accounts behind them.
import type { MergeReportBody } from '@anjian/contracts';
import { eq } from 'drizzle-orm';
import { reports } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAuditMany } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findMergedInto, repointMerged } from '../duplicates.queries';
import { mergeTargetStates } from '../duplicates.rules';
import { auditRow, presentReportDetail } from '../reports.presenter';
import { findReport } from '../reports.queries';
import { writeReport, type ReportRow } from '../reports.workflow';

export async function mergeReport(db: Db, actor: Actor, ip: string | null, id: string, input: MergeReportBody, today = cstDate()) {
  return db.transaction((tx) => mergeReportIn(tx, actor, ip, id, input, today));
}

const targetMissing = () => fieldError('targetId', '找不到要合并到的举报', 'The report to merge into was not found');

export async function mergeReportIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: MergeReportBody, today = cstDate()) {
  if (input.targetId === id) throw fieldError('targetId', '不能合并到自身', 'A report cannot be merged into itself');
  // Lock order by id: the target first when its id sorts first.
  let target: ReportRow | null = input.targetId < id ? await findReport(tx, actor, input.targetId, true) : null;
  const before = await loadForUpdate({
    load: () => findReport(tx, actor, id, true),
    version: input.version,
    present: (row) => presentReportDetail(tx, actor, row, today),
  });
  if (input.targetId > id) target = await findReport(tx, actor, input.targetId, true);
  if (!target) throw targetMissing();
  if (!mergeTargetStates.includes(target.status as (typeof mergeTargetStates)[number])) {
    throw fieldError('targetId', '只能合并到正在办理的举报', 'Only a report still being handled can be merged into');
  }
  const carried = await findMergedInto(tx, before.id);
  const after = await writeReport(tx, actor, before, 'merge', {
    patch: { mergedInto: target.id },
    input: { mergedInto: target.id, mergedIds: [before.id, ...carried.map((c) => c.id)] },
  });
  if (carried.length) await repointMerged(tx, before.id, target.id);
  const [targetAfter] = await tx
    .update(reports)
    .set({ reporterCount: target.reporterCount + before.reporterCount, version: target.version + 1, updatedAt: new Date() })
    .where(eq(reports.id, target.id))
    .returning();
  await recordAuditMany(tx, { actor, ip }, [
    {
      action: 'report.merge',
      entityType: 'report',
      entityId: before.id,
      before: auditRow(before),
      after: { ...auditRow(after), mergedInto: target.id },
    },
    {
      action: 'report.merge_target',
      entityType: 'report',
      entityId: target.id,
      before: { reporterCount: target.reporterCount, version: target.version },
      after: { reporterCount: targetAfter!.reporterCount, version: targetAfter!.version, merged: [before.id, ...carried.map((c) => c.id)] },
    },
  ]);
  return presentReportDetail(tx, actor, after, today);
}
