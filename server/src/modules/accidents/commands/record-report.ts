// Records when a department up the chain received the accident report (493号 第十条、第十一条).
// Timeliness is not stored: it is derived from these moments whenever the accident is read.
import type { z } from 'zod';
import type { recordReportBody } from '@anjian/contracts';
import { accidentReports } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { fieldError, notFound } from '../../../platform/errors';
import type { AccidentLevel } from '../../../reference/accidents/accident-level';
import { REPORTING_TIER_LABELS, reportingChain } from '../../../reference/accidents/reporting';
import { checkTimes } from '../accidents.policy';
import { findAccident, findReports } from '../accidents.queries';

export async function recordReport(
  db: Db,
  actor: Actor,
  ip: string | null,
  id: string,
  input: z.infer<typeof recordReportBody>,
  now = new Date(),
) {
  const receivedAt = new Date(input.receivedAt);
  return db.transaction(async (tx) => {
    const accident = await findAccident(tx, actor, id, true);
    if (!accident) throw notFound();
    checkTimes(accident.occurredAt, { receivedAt }, now);
    const chain = reportingChain(accident.level as AccidentLevel);
    if (!chain.includes(input.tier)) {
      const top = REPORTING_TIER_LABELS[chain[chain.length - 1]!];
      throw fieldError('tier', `该等级事故逐级上报至${top.zh}为止`, `An accident of this level is reported up to the ${top.en}`);
    }
    const existing = (await findReports(tx, [id])).get(id) ?? [];
    if (existing.some((r) => r.tier === input.tier)) {
      throw fieldError('tier', '该级部门的接报时间已登记', 'This department’s receipt is already recorded', 'DUPLICATE');
    }
    const [row] = await tx
      .insert(accidentReports)
      .values({
        accidentId: id,
        tier: input.tier,
        receivedAt,
        note: input.note ?? null,
        recordedBy: actor.id,
        recordedByName: actor.displayName,
      })
      .returning();
    await recordAudit(tx, { actor, ip }, { action: 'accident.report', entityType: 'accident', entityId: id, after: row });
    return accident;
  });
}
