// Edits a risk event under optimistic locking. A new assessment is evaluated with the deployment's bands and the
// stored level, colour and the enterprise's summary change with it, in one transaction.
import { eq } from 'drizzle-orm';
import type { UpdateRiskEventBody } from '@anjian/contracts';
import { riskEvents } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { checkAccidentType, evaluateAssessment } from '../risks.assessment';
import { lockedEvent } from './close-risk-event';
import { findEvent } from '../risks.queries';
import { auditRow } from '../risks.presenter';
import { loadRiskSettings } from '../risks.settings';
import { refreshRiskSummary } from '../risks.summary';

export async function updateRiskEvent(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateRiskEventBody) {
  const { version, accidentType, assessment, ...fields } = input;
  const settings = await loadRiskSettings(db);
  const type = accidentType === undefined ? undefined : checkAccidentType(accidentType);
  const assessed = assessment === undefined ? undefined : evaluateAssessment(assessment, settings);
  return db.transaction(async (tx) => {
    const before = await lockedEvent(tx, actor, id, version);
    await tx
      .update(riskEvents)
      .set({
        ...fields,
        ...(type !== undefined ? { accidentTypeScheme: type?.scheme ?? null, accidentTypeCode: type?.code ?? null } : {}),
        ...(assessed
          ? { ...assessed, assessedAt: assessed.method ? new Date() : null, assessedBy: assessed.method ? actor.id : null }
          : {}),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(riskEvents.id, id));
    if (assessed) await refreshRiskSummary(tx, before.enterpriseId);
    const after = (await findEvent(tx, actor, id))!;
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: assessed ? 'risk.event.assess' : 'risk.event.update',
        entityType: 'risk_event',
        entityId: id,
        before: auditRow(before),
        after: auditRow(after),
      },
    );
    return after;
  });
}
