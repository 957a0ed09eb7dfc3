// Closes a risk event (eliminated: it no longer counts towards the enterprise's colour) or reopens it, through
// the status workflow; the summary changes in the same transaction.
import type { Actor } from '../../../platform/actor';
import { loadForUpdate } from '../../../platform/load-for-update';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { findEvent, findMeasuresOfEvents } from '../risks.queries';
import { auditRow, presentEvent } from '../risks.presenter';
import { lockEnterpriseRisks, refreshRiskSummary } from '../risks.summary';
import { writeRiskEvent, type RiskEventAction } from '../risks.workflow';

export async function lockedEvent(tx: Tx, actor: Actor, id: string, version: number) {
  const probe = await findEvent(tx, actor, id);
  if (!probe) throw notFound();
  await lockEnterpriseRisks(tx, probe.enterpriseId);
  return loadForUpdate({
    load: () => findEvent(tx, actor, id, true),
    version,
    present: async (row) => presentEvent(actor, row, await findMeasuresOfEvents(tx, [id])),
  });
}

export async function changeRiskEventStatus(
  db: Db,
  actor: Actor,
  ip: string | null,
  id: string,
  action: RiskEventAction,
  input: { version: number; reason?: string },
) {
  return db.transaction(async (tx) => {
    const before = await lockedEvent(tx, actor, id, input.version);
    const closing = action === 'close';
    await writeRiskEvent(tx, actor, before, action, {
      patch: { closedAt: closing ? new Date() : null, closedReason: closing ? (input.reason ?? null) : null },
      evidence: closing ? { reason: input.reason ?? null } : {},
    });
    await refreshRiskSummary(tx, before.enterpriseId);
    const after = (await findEvent(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      { action: `risk.event.${action}`, entityType: 'risk_event', entityId: id, before: auditRow(before), after: auditRow(after) },
    );
    return after;
  });
}
