// Reading the fine automatically: when a penalty case linked to a report (report_links, kind 'case') gets its decision
// (case.decide, case.decide_on_the_spot), when the decision is changed or revoked (case.change_decision), when a
// report is linked to or unlinked from a case, and when a reward falls due (report_reward.create — the case may have
// been decided first), the report's reward takes its fine from the linked decisions and its amount from the pure
// rules (rewards.rules.ts fineReward, 安监总财〔2018〕19号), with the decisions named as the source.
//
// Only a reward not yet approved follows the decisions — due, or proposed from the read fine — and never one whose
// fine the proposer typed ('manual': a matter decided outside the system). A changed or revoked decision no longer
// counts (its new terms are not in the case row), so its fine leaves the sum. Idempotent twice over: the consumer's
// mark per event (platform/queue.ts), and the values are recomputed from the records, so a redelivered event finds
// nothing to change and writes nothing. Written as the system actor (platform/system-actor.ts), audited.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { penaltyCases, reportLinks, reportRewards } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db';
import type { DomainEvent, EventConsumer } from '../../../platform/queue';
import { systemAudit } from '../../../platform/system-actor';
import { cstDate } from '../../../platform/time';
import { auditReward } from './rewards.presenter';
import { fineReward } from './rewards.rules';

/** A decision whose fine a reward may rest on: made (or served on the spot), not changed or revoked since. */
const decidedStatuses = ['decided', 'served', 'paid', 'enforced', 'closed'];

/** The reports whose reward an event may move. */
async function reportsOf(tx: Tx, e: DomainEvent): Promise<string[]> {
  if (e.entityType === 'penalty_case') {
    if (!['case.decide', 'case.decide_on_the_spot', 'case.change_decision'].includes(e.type)) return [];
    const rows = await tx
      .select({ reportId: reportLinks.reportId })
      .from(reportLinks)
      .where(and(eq(reportLinks.kind, 'case'), eq(reportLinks.targetId, e.entityId)));
    return rows.map((r) => r.reportId);
  }
  const p = e.payload as { kind?: string; reportId?: string };
  if ((e.type === 'report.link' || e.type === 'report.unlink') && p.kind === 'case') return [e.entityId];
  if (e.type === 'report_reward.create' && typeof p.reportId === 'string') return [p.reportId];
  return [];
}

/** The linked decisions a reward's fine is read from, in a stable order. */
async function decisionsOf(tx: Tx, reportId: string) {
  const rows = await tx
    .select({ caseId: penaltyCases.id, number: penaltyCases.number, fine: penaltyCases.fine })
    .from(reportLinks)
    .innerJoin(penaltyCases, eq(penaltyCases.id, reportLinks.targetId))
    .where(
      and(
        eq(reportLinks.reportId, reportId),
        eq(reportLinks.kind, 'case'),
        inArray(penaltyCases.status, decidedStatuses),
        isNull(penaltyCases.changedOn),
        sql`${penaltyCases.fine} > 0`,
      ),
    )
    .orderBy(penaltyCases.number, penaltyCases.id);
  return rows.map((r) => ({ caseId: r.caseId, number: r.number, fineFen: Math.round(Number(r.fine) * 100) }));
}

/** Brings one report's reward in line with its linked decisions; returns whether it changed. */
export async function readCaseFines(tx: Tx, reportId: string, today: string): Promise<boolean> {
  const [before] = await tx.select().from(reportRewards).where(eq(reportRewards.reportId, reportId)).for('update');
  if (!before || before.fineSource === 'manual') return false;
  if (before.status !== 'due' && !(before.status === 'proposed' && before.fineSource === 'case')) return false;
  const cases = await decisionsOf(tx, reportId);
  let patch: Partial<typeof reportRewards.$inferInsert>;
  if (cases.length === 0) {
    // Nothing to read (no decision yet, or it was changed or revoked): a proposal keeps what was proposed and
    // waits for its approver; a due reward forgets a fine it read before.
    if (before.fineSource !== 'case' || before.status !== 'due') return false;
    patch = {
      matter: null,
      fineFen: null,
      basisRef: null,
      amountFen: null,
      computation: null,
      fineSource: null,
      fineCases: null,
      fineReadOn: null,
    };
  } else {
    const fineFen = cases.reduce((n, c) => n + c.fineFen, 0);
    const amount = fineReward(fineFen);
    const basisRef = cases
      .map((c) => c.number)
      .join('、')
      .slice(0, 100);
    const same =
      before.fineSource === 'case' &&
      before.fineFen === fineFen &&
      before.basisRef === basisRef &&
      before.amountFen === amount.amountFen &&
      JSON.stringify(before.fineCases) === JSON.stringify(cases);
    if (same) return false;
    patch = {
      matter: 'fine',
      fineFen,
      basisRef,
      amountFen: amount.amountFen,
      computation: amount.computation,
      fineSource: 'case',
      fineCases: cases,
      fineReadOn: today,
    };
  }
  const [after] = await tx
    .update(reportRewards)
    .set({ ...patch, updatedAt: new Date(), version: before.version + 1 })
    .where(eq(reportRewards.id, before.id))
    .returning();
  await recordAudit(tx, systemAudit, {
    action: 'report_reward.read_fine',
    entityType: 'report_reward',
    entityId: before.id,
    before: auditReward(before),
    after: auditReward(after!),
  });
  return true;
}

export async function handleRewardEvent(tx: Tx, e: DomainEvent): Promise<void> {
  const today = cstDate(e.occurredAt);
  for (const reportId of [...new Set(await reportsOf(tx, e))]) await readCaseFines(tx, reportId, today);
}

export const rewardsConsumer: EventConsumer = {
  name: 'report-rewards',
  accepts: (e) =>
    ['case.decide', 'case.decide_on_the_spot', 'case.change_decision', 'report.link', 'report.unlink', 'report_reward.create'].includes(
      e.type,
    ),
  handle: handleRewardEvent,
};
