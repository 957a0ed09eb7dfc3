// Linking a report to what its investigation produced, and unlinking: loadForUpdate on the report (scope, lock,
// version) → the target must exist in the caller's own scope (404 otherwise, as if it did not exist) → the link row →
// the report's version moves (so a stale page gets 409) → audit with the link, in one transaction.
import { eq } from 'drizzle-orm';
import type { LinkReportBody, UnlinkReportBody } from '@anjian/contracts';
import { reportLinks, reports } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { appendEvent } from '../../../platform/outbox';
import { cstDate } from '../../../platform/time';
import { findReport } from '../reports.queries';
import { LINKABLE, presentReportDetail } from '../reports.presenter';
import { findLinkTarget, findReportLink, findReportLinks } from '../reports.links';
import type { ReportRow } from '../reports.workflow';

async function load(tx: Tx, actor: Actor, id: string, version: number, today: string) {
  const before = await loadForUpdate({
    load: () => findReport(tx, actor, id, true),
    version,
    present: (row) => presentReportDetail(tx, actor, row, today),
  });
  if (!LINKABLE.includes(before.status))
    throw fieldError('kind', '受理后、办结前的举报才能关联核查结果', 'Only an accepted report not yet closed can be linked');
  return before;
}

async function bump(tx: Tx, before: ReportRow) {
  const [after] = await tx
    .update(reports)
    .set({ updatedAt: new Date(), version: before.version + 1 })
    .where(eq(reports.id, before.id))
    .returning();
  return after!;
}

export async function linkReport(db: Db, actor: Actor, ip: string | null, id: string, input: LinkReportBody, today = cstDate()) {
  return db.transaction((tx) => linkReportIn(tx, actor, ip, id, input, today));
}

/** The same in the caller's transaction (the demo seed). */
export async function linkReportIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: LinkReportBody, today = cstDate()) {
  const before = await load(tx, actor, id, input.version, today);
  const target = await findLinkTarget(tx, actor, input.kind, input.targetId);
  if (!target) throw notFound();
  const existing = await findReportLinks(tx, before.id);
  if (existing.some((l) => l.kind === input.kind && l.targetId === input.targetId))
    throw fieldError('targetId', '已关联该记录', 'This record is already linked');
  const [link] = await tx
    .insert(reportLinks)
    .values({
      reportId: before.id,
      kind: input.kind,
      targetId: input.targetId,
      label: target.label,
      areaCode: before.areaCode,
      createdBy: actor.id,
    })
    .returning();
  const after = await bump(tx, before);
  // The rewards consumer reads a linked case's fine (reports/rewards/rewards.consumer.ts).
  await appendEvent(tx, 'report.link', 'report', after, actor, { kind: input.kind, targetId: input.targetId });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: 'report.link',
      entityType: 'report',
      entityId: id,
      after: { linkId: link!.id, kind: input.kind, targetId: input.targetId },
    },
  );
  return presentReportDetail(tx, actor, after, today);
}

export async function unlinkReport(db: Db, actor: Actor, ip: string | null, id: string, input: UnlinkReportBody, today = cstDate()) {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id, input.version, today);
    const link = await findReportLink(tx, before.id, input.linkId);
    if (!link) throw notFound();
    await tx.delete(reportLinks).where(eq(reportLinks.id, link.id));
    const after = await bump(tx, before);
    await appendEvent(tx, 'report.unlink', 'report', after, actor, { kind: link.kind, targetId: link.targetId });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'report.unlink',
        entityType: 'report',
        entityId: id,
        before: { linkId: link.id, kind: link.kind, targetId: link.targetId, label: link.label },
      },
    );
    return presentReportDetail(tx, actor, after, today);
  });
}
