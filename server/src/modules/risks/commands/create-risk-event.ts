// Records a risk event (what can happen at a unit) with, optionally, its assessment; the stored level and the
// enterprise's summary change in the same transaction.
import type { CreateRiskEventBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { checkAccidentType, evaluateAssessment } from '../risks.assessment';
import { findEvent, findUnit } from '../risks.queries';
import { auditRow } from '../risks.presenter';
import { loadRiskSettings } from '../risks.settings';
import { lockEnterpriseRisks, refreshRiskSummary } from '../risks.summary';
import { writeRiskEvent } from '../risks.workflow';

export async function createRiskEvent(db: Db, actor: Actor, ip: string | null, unitId: string, input: CreateRiskEventBody) {
  const settings = await loadRiskSettings(db);
  const accidentType = checkAccidentType(input.accidentType);
  const assessed = evaluateAssessment(input.assessment ?? null, settings);
  return db.transaction(async (tx) => {
    const probe = await findUnit(tx, actor, unitId);
    if (!probe) throw notFound();
    await lockEnterpriseRisks(tx, probe.enterpriseId);
    const unit = await findUnit(tx, actor, unitId);
    if (!unit) throw notFound();
    const row = await writeRiskEvent(tx, actor, null, 'create', {
      create: {
        unitId: unit.id,
        enterpriseId: unit.enterpriseId,
        areaCode: unit.areaCode,
        sector: unit.sector,
        parkId: unit.parkId,
        name: input.name,
        hazardFactors: input.hazardFactors ?? null,
        consequences: input.consequences ?? null,
        accidentTypeScheme: accidentType?.scheme ?? null,
        accidentTypeCode: accidentType?.code ?? null,
        ...assessed,
        assessedAt: assessed.method ? new Date() : null,
        assessedBy: assessed.method ? actor.id : null,
      },
    });
    await refreshRiskSummary(tx, unit.enterpriseId);
    await recordAudit(tx, { actor, ip }, { action: 'risk.event.create', entityType: 'risk_event', entityId: row.id, after: auditRow(row) });
    return (await findEvent(tx, actor, row.id))!;
  });
}
