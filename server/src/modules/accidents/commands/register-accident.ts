// Registers an accident: resolves its place and scope, grades it (493号 第三条), records the unit's
// report if given, adds it to the monthly rollup, creates the follow-up duties, and audits — all in
// one transaction.
import type { CreateAccidentBody } from '@anjian/contracts';
import { accidentReports, accidents } from '../../../db/schema';
import type { Db, Tx } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { explainGrade } from '../../../reference/accidents/accident-level';
import { checkTimes, placeAccident, resolveScheme } from '../accidents.policy';
import { findAccident } from '../accidents.queries';
import { auditAccident } from '../accidents.presenter';
import { applyToRollup } from '../rollup';
import { syncFollowUps } from '../follow-ups';
import { appendEvent } from '../../../platform/outbox';

export async function registerAccident(db: Db, actor: Actor, ip: string | null, input: CreateAccidentBody, now = new Date()) {
  return db.transaction((tx) => registerAccidentIn(tx, actor, ip, input, now));
}

/**
 * The same in the caller's transaction: the consumer that opens an accident from an emergency call (accidents.consumer.ts)
 * passes `source`, which the accident.register event carries so the incident can be linked back.
 */
export async function registerAccidentIn(
  tx: Tx,
  actor: Actor,
  ip: string | null,
  input: CreateAccidentBody,
  now = new Date(),
  source: { incidentId?: string } = {},
) {
  const occurredAt = new Date(input.occurredAt);
  const headInformedAt = input.headInformedAt ? new Date(input.headInformedAt) : null;
  const unitReportedAt = input.unitReportedAt ? new Date(input.unitReportedAt) : null;
  checkTimes(occurredAt, { headInformedAt, unitReportedAt }, now);
  const typeScheme = resolveScheme(occurredAt, input.typeScheme, input.typeCode);
  const grade = explainGrade(input);
  const placement = await placeAccident(tx, actor, {
    areaCode: input.areaCode,
    enterpriseId: input.enterpriseId ?? null,
    sector: input.sector ?? null,
  });
  const [created] = await tx
    .insert(accidents)
    .values({
      ...placement,
      occurredAt,
      address: input.address,
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      unitName: input.unitName ?? null,
      category: input.category,
      typeScheme,
      typeCode: input.typeCode,
      causeCategory: input.causeCategory,
      deaths: input.deaths,
      missing: input.missing,
      seriousInjuries: input.seriousInjuries,
      minorInjuries: input.minorInjuries,
      directLossWan: input.directLossWan,
      level: grade.level,
      levelReachedBy: grade.reachedBy,
      description: input.description ?? null,
      headInformedAt,
      createdBy: actor.id,
    })
    .returning();
  const row = created!;
  if (unitReportedAt) {
    await tx.insert(accidentReports).values({
      accidentId: row.id,
      tier: 'county',
      receivedAt: unitReportedAt,
      recordedBy: actor.id,
      recordedByName: actor.displayName,
    });
  }
  await applyToRollup(tx, row, 1);
  await appendEvent(tx, 'accident.register', 'accident', row, actor, { level: row.level, deaths: row.deaths, ...source });
  const duties = await syncFollowUps(tx, row);
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'accident.create', entityType: 'accident', entityId: row.id, after: { ...auditAccident(row), followUps: duties } },
  );
  return (await findAccident(tx, actor, row.id))!;
}
