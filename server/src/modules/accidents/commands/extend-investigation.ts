// Grants the one extension of the investigation report that 493号 第二十九条 allows (at most 60 days,
// approved by the government in charge), with the reason.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { extendInvestigationBody } from '@anjian/contracts';
import { accidentInvestigations } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { fieldError, notFound } from '../../../platform/errors';
import { INVESTIGATION_RULES_493 } from '../../../reference/accidents/investigation';
import { findAccident, findInvestigation } from '../accidents.queries';
import { presentInvestigation } from '../investigation.presenter';

export async function extendInvestigation(
  db: Db,
  actor: Actor,
  ip: string | null,
  accidentId: string,
  input: z.infer<typeof extendInvestigationBody>,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const accident = await findAccident(tx, actor, accidentId, true);
    if (!accident) throw notFound();
    // The accident carries the scope (404 above); a missing investigation is a field error, not a 404.
    const before = await loadForUpdate({
      load: async () => {
        const row = await findInvestigation(tx, accidentId, true);
        if (!row) throw fieldError('version', '请先登记事故调查', 'Record the investigation first');
        return row;
      },
      version: input.version,
      present: (row) => presentInvestigation(actor, accident, row, now),
    });
    if (before.extensionDays > 0) {
      throw fieldError(
        'days',
        '调查报告提交期限只能延长一次（条例第二十九条）',
        'The report deadline may be extended only once (Decree 493, Art. 29)',
      );
    }
    if (before.reportSubmittedOn) throw fieldError('days', '调查报告已提交，无需延期', 'The report is already submitted');
    if (input.days > INVESTIGATION_RULES_493.reportMaxExtensionDays) {
      throw fieldError('days', '延长期限最长不超过60日', 'The extension is at most 60 days');
    }
    const [after] = await tx
      .update(accidentInvestigations)
      .set({ extensionDays: input.days, extensionReason: input.reason, updatedAt: now, version: before.version + 1 })
      .where(eq(accidentInvestigations.accidentId, accidentId))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'accident.investigation.extend', entityType: 'accident', entityId: accidentId, before, after },
    );
    return presentInvestigation(actor, accident, after!, now);
  });
}
