// Extending a report's handling time limit (rules.md §8: once, by at most the configured days, approved by the
// next-higher department with a reason the reporter is told): loadForUpdate → the rule (reports.rules.ts) → the
// handling deadline moves, the extension is recorded on the report → audit, in one transaction. Not a status change.
import { eq } from 'drizzle-orm';
import type { ExtendReportBody } from '@anjian/contracts';
import { reports } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { appendEvent } from '../../../platform/outbox';
import { cstDate } from '../../../platform/time';
import { findReport } from '../reports.queries';
import { auditRow, presentReportDetail } from '../reports.presenter';
import { extendedDue, extensionRefusal, reportLimits } from '../reports.rules';

export async function extendReport(db: Db, actor: Actor, ip: string | null, id: string, input: ExtendReportBody, today = cstDate()) {
  return db.transaction((tx) => extendReportIn(tx, actor, ip, id, input, today));
}

/** The same in the caller's transaction (the demo seed). */
export async function extendReportIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: ExtendReportBody, today = cstDate()) {
  const before = await loadForUpdate({
    load: () => findReport(tx, actor, id, true),
    version: input.version,
    present: (row) => presentReportDetail(tx, actor, row, today),
  });
  const refusal = extensionRefusal(before, input.days);
  if (refusal === 'state')
    throw fieldError('days', '仅受理后、答复前的举报可以延期', 'Only an accepted report being handled can be extended');
  if (refusal === 'used')
    throw fieldError(
      'days',
      `办理期限只能延长${reportLimits.extensionsAllowed}次`,
      `The time limit can be extended ${reportLimits.extensionsAllowed} time(s) only`,
    );
  if (refusal === 'days')
    throw fieldError(
      'days',
      `延长天数须为1至${reportLimits.extensionMaxDays}天`,
      `The extension must be 1 to ${reportLimits.extensionMaxDays} days`,
    );
  const [after] = await tx
    .update(reports)
    .set({
      handleDue: extendedDue(before.handleDue!, input.days),
      extensions: before.extensions + 1,
      extendedDays: (before.extendedDays ?? 0) + input.days,
      extensionReason: input.reason,
      extendedOn: today,
      extendedBy: actor.id,
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(eq(reports.id, before.id))
    .returning();
  await appendEvent(tx, 'report.extended', 'report', after!, actor, { days: input.days, handleDue: after!.handleDue });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'report.extend',
      entityType: 'report',
      entityId: id,
      before: auditRow(before),
      after: { ...auditRow(after!), days: input.days },
    },
  );
  return presentReportDetail(tx, actor, after!, today);
}
