// Adds, edits or retires a control measure (管控措施). Measures feed the scheduled check tasks: the generator picks
// up live measures of open events by responsible level, so no task is touched here.
import { eq } from 'drizzle-orm';
import type { CreateMeasureBody, RiskLevelKey, UpdateMeasureBody } from '@anjian/contracts';
import { riskMeasures } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { loadForUpdate } from '../../../platform/load-for-update';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound } from '../../../platform/errors';
import { defaultResponsibleLevel } from '../risks.assessment';
import { findEvent, findMeasure } from '../risks.queries';
import { auditRow, presentMeasure } from '../risks.presenter';

export async function createMeasure(db: Db, actor: Actor, ip: string | null, eventId: string, input: CreateMeasureBody) {
  return db.transaction(async (tx) => {
    const event = await findEvent(tx, actor, eventId);
    if (!event) throw notFound();
    if (event.status !== 'open') {
      throw new AppError('VALIDATION', [
        { field: 'eventId', zh: '风险事件已消除，不能再添加管控措施', en: 'The risk event is closed: no new control measures' },
      ]);
    }
    const [row] = await tx
      .insert(riskMeasures)
      .values({
        eventId: event.id,
        unitId: event.unitId,
        enterpriseId: event.enterpriseId,
        areaCode: event.areaCode,
        sector: event.sector,
        parkId: event.parkId,
        type: input.type,
        description: input.description,
        responsibleLevel: input.responsibleLevel ?? defaultResponsibleLevel(event.level as RiskLevelKey | null),
        responsiblePerson: input.responsiblePerson ?? null,
      })
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'risk.measure.create', entityType: 'risk_measure', entityId: row!.id, after: auditRow(row!) },
    );
    return row!;
  });
}

export async function updateMeasure(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateMeasureBody) {
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findMeasure(tx, actor, id, true),
      version,
      present: (row) => presentMeasure(actor, row),
    });
    const [after] = await tx
      .update(riskMeasures)
      .set({ ...changes, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(riskMeasures.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'risk.measure.update', entityType: 'risk_measure', entityId: id, before: auditRow(before), after: auditRow(after!) },
    );
    return after!;
  });
}

export async function deleteMeasure(db: Db, actor: Actor, ip: string | null, id: string, version: number) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findMeasure(tx, actor, id, true),
      version,
      present: (row) => presentMeasure(actor, row),
    });
    await tx
      .update(riskMeasures)
      .set({ deletedAt: new Date(), version: before.version + 1 })
      .where(eq(riskMeasures.id, id));
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'risk.measure.delete', entityType: 'risk_measure', entityId: id, before: auditRow(before) },
    );
  });
}
