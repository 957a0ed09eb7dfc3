// One handling step on a report (accept, reject, transfer, assign, reply, close) through the report workflow:
// loadForUpdate (scope + lock + version) → the machine decides (state, permission, required fields; bilingual
// refusals) → the one writer → audit with before and after, in one transaction.
import { can, type ReportActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findAssignee, findReport } from '../reports.queries';
import { auditRow, presentReportDetail } from '../reports.presenter';
import { writeReport, type ReportRow } from '../reports.workflow';
import { handleDueOf } from './submit-report';

export async function actOnReport(db: Db, actor: Actor, ip: string | null, id: string, input: ReportActBody, today = cstDate()) {
  return db.transaction((tx) => actOnReportIn(tx, actor, ip, id, input, today));
}

/** The same in the caller's transaction (the demo seed). */
export async function actOnReportIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: ReportActBody, today = cstDate()) {
  const before = await loadForUpdate({
    load: () => findReport(tx, actor, id, true),
    version: input.version,
    present: (row) => presentReportDetail(tx, actor, row, today),
  });
  let patch: Partial<ReportRow> = {};
  const evidence: Record<string, unknown> = {};
  switch (input.action) {
    case 'accept':
      patch = { acceptedOn: today, handleDue: handleDueOf(today) };
      break;
    case 'reject':
      patch = { decisionReason: input.reason ?? null };
      evidence.reason = input.reason;
      break;
    case 'transfer':
      patch = { decisionReason: input.reason ?? null, transferTarget: input.transferTarget ?? null };
      Object.assign(evidence, { reason: input.reason, transferTarget: input.transferTarget });
      break;
    case 'assign': {
      const assigneeId = input.assigneeId ?? actor.id;
      if (assigneeId !== actor.id) {
        const u = await findAssignee(tx, assigneeId);
        if (!u || !can(u.role as Actor['role'], 'report.handle')) {
          throw fieldError('assigneeId', '承办人须为可办理举报的执法人员', 'The assignee must be an officer who handles reports');
        }
      }
      patch = { assigneeId };
      evidence.assigneeId = assigneeId;
      break;
    }
    case 'reply':
      patch = { reply: input.reply ?? null, findings: input.findings ?? before.findings, repliedOn: today };
      evidence.reply = input.reply;
      break;
    case 'close':
      patch = { closedOn: today };
      break;
  }
  const after = await writeReport(tx, actor, before, input.action, { patch, input: { ...evidence, ...requiredOf(input) } });
  await recordAudit(
    tx,
    { actor, ip },
    { action: `report.${input.action}`, entityType: 'report', entityId: id, before: auditRow(before), after: auditRow(after) },
  );
  return presentReportDetail(tx, actor, after, today);
}

/** The fields the machine checks as required, as the caller sent them. */
function requiredOf(input: ReportActBody): Record<string, unknown> {
  return { reason: input.reason, transferTarget: input.transferTarget, reply: input.reply };
}
