// A warning's steps: acknowledge (签收), handle (处置, with a note saying what was done) and close (with a note).
// loadForUpdate (scope 404, stale 409), the machine through writeWarning, the audit entry — one transaction.
import type { WarningActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import { findWarning } from '../warnings.queries';
import { auditWarning, presentWarnings } from '../warnings.presenter';
import { writeWarning } from '../warnings.workflow';

export async function actOnWarning(db: Db, actor: Actor, ip: string | null, id: string, input: WarningActBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findWarning(tx, actor, id, true),
      version: input.version,
      present: async (row) => (await presentWarnings(tx, actor, [row]))[0],
    });
    const after = (await writeWarning(tx, actor, before, input.action, { note: input.note }))!;
    await recordAudit(
      tx,
      { actor, ip },
      { action: `warning.${input.action}`, entityType: 'warning', entityId: id, before: auditWarning(before), after: auditWarning(after) },
    );
    return after;
  });
}
