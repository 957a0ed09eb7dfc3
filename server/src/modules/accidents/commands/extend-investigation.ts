// Grants the one extension of the investigation report that 493号 第二十九条 allows (at most 60 days,
// approved by the government in charge), with the reason.
import type { z } from 'zod';
import type { extendInvestigationBody } from '@anjian/contracts';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { fieldError, notFound } from '../../../platform/errors';
import { INVESTIGATION_RULES_493 } from '../../../reference/accidents/investigation';
import { findAccident, findInvestigation } from '../accidents.queries';
import { presentInvestigation } from '../investigation.presenter';
import { investigationMachine, writeInvestigation } from '../investigation.workflow';
import { assertAllowed } from '../../../platform/state-machine';

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
    assertAllowed(investigationMachine, before, actor, 'extend');
    if (input.days > INVESTIGATION_RULES_493.reportMaxExtensionDays) {
      throw fieldError('days', '延长期限最长不超过60日', 'The extension is at most 60 days');
    }
    const after = await writeInvestigation(tx, actor, accidentId, before, 'extend', {
      values: { extensionDays: input.days, extensionReason: input.reason },
      now,
      evidence: { days: input.days, reason: input.reason },
    });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'accident.investigation.extend', entityType: 'accident', entityId: accidentId, before, after },
    );
    return presentInvestigation(actor, accident, after, now);
  });
}
