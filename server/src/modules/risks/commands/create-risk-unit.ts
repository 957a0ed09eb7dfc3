// Adds an analysis unit (风险点: site, facility, post or activity) to an enterprise's risk register.
import type { CreateRiskUnitBody } from '@anjian/contracts';
import { riskUnits } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { auditRow } from '../risks.presenter';
import { lockEnterpriseRisks, refreshRiskSummary } from '../risks.summary';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';

export async function createRiskUnit(db: Db, actor: Actor, ip: string | null, enterpriseId: string, input: CreateRiskUnitBody) {
  return db.transaction(async (tx) => {
    const e = await findEnterpriseInScope(tx, actor, enterpriseId);
    if (!e) throw notFound();
    await lockEnterpriseRisks(tx, e.id);
    const [row] = await tx
      .insert(riskUnits)
      .values({
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        parkId: e.parkId,
        name: input.name,
        kind: input.kind,
        location: input.location ?? null,
        description: input.description ?? null,
        emergencyPhone: input.emergencyPhone ?? null,
      })
      .returning();
    // The unit count decides whether the enterprise gets scheduled check tasks.
    await refreshRiskSummary(tx, e.id);
    await recordAudit(tx, { actor, ip }, { action: 'risk.unit.create', entityType: 'risk_unit', entityId: row!.id, after: auditRow(row!) });
    return row!;
  });
}
