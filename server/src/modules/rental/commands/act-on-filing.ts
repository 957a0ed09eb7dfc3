// POST /api/rental/filings/:id/act: community acceptance of a 备案, or refusal with a reason.
import type { RentalFilingActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findFiling } from '../rental.queries';
import { filingAudit, presentFiling } from '../rental.presenter';
import { writeFiling } from '../rental.workflow';

export async function actOnFiling(db: Db, actor: Actor, ip: string | null, id: string, input: RentalFilingActBody) {
  return db.transaction(async (tx) => {
    const today = cstDate();
    const before = await loadForUpdate({
      load: () => findFiling(tx, actor, id, true),
      version: input.version,
      present: (row) => presentFiling(actor, row, today),
    });
    const after = await writeFiling(tx, actor, before, input.action, {
      patch: { reason: input.reason ?? null, decidedBy: actor.id, decidedAt: new Date() },
      input: { reason: input.reason },
    });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: `rental_filing.${input.action}`,
        entityType: 'rental_filing',
        entityId: id,
        before: filingAudit(before),
        after: filingAudit(after),
      },
    );
    return presentFiling(actor, after, today);
  });
}
