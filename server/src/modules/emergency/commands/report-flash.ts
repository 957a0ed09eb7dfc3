// 快报: an enterprise reports its own accident from a phone. The enterprise, its area and its name come from the
// session (an enterprise reports for itself only); the report is opened on the same path as a call the duty officer
// takes (incidents.open.ts), so the leader on duty and the duty officer are told, teams are called out and — for a
// production-safety accident — the accident record is opened with the time the report arrived as the county's
// receipt. Photos uploaded beforehand are claimed by the incident (only the uploader's own, unattached files).
import { and, eq, isNull } from 'drizzle-orm';
import type { FlashReportBody } from '@anjian/contracts';
import { emergencyIncidents, enterprises } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { Db } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { incidentFactsErrors, openIncident, SKEW_MS } from '../incidents.open';

export const INCIDENT_FILE_OWNER = 'incident';

export async function reportFlash(db: Db, actor: Actor, ip: string | null, input: FlashReportBody, now = new Date()) {
  return db.transaction(async (tx) => {
    if (!actor.enterpriseId) throw fieldError('kind', '快报由企业报送', 'Flash reports come from an enterprise');
    const [e] = await tx
      .select()
      .from(enterprises)
      .where(and(eq(enterprises.id, actor.enterpriseId), isNull(enterprises.deletedAt)));
    if (!e) throw fieldError('kind', '企业不存在', 'Unknown enterprise');
    const occurredAt = new Date(input.occurredAt);
    const details = incidentFactsErrors(
      { receivedAt: now, occurredAt, kind: input.kind, accidentTypeCode: input.accidentTypeCode },
      now,
      SKEW_MS,
    );
    if (details.length) throw new AppError('VALIDATION', details);
    const row = await openIncident(
      tx,
      actor,
      ip,
      {
        areaCode: e.areaCode,
        enterpriseId: e.id,
        receivedAt: now,
        occurredAt,
        callerName: actor.displayName,
        callerPhone: null,
        kind: input.kind,
        address: input.address,
        lng: input.lng ?? e.longitude ?? null,
        lat: input.lat ?? e.latitude ?? null,
        unitName: e.name,
        deaths: input.deaths,
        missing: input.missing,
        injured: input.injured,
        description: input.description,
        accidentTypeCode: input.accidentTypeCode ?? null,
        officerId: null,
        source: 'enterprise',
      },
      { kind: 'reported', note: `企业快报：${e.name}`, audit: 'incident.flash' },
    );
    if (input.photoIds.length === 0) return row;
    const photoIds = await claimFiles(tx, actor, input.photoIds, { type: INCIDENT_FILE_OWNER, id: row.id });
    const [withPhotos] = await tx.update(emergencyIncidents).set({ photoIds }).where(eq(emergencyIncidents.id, row.id)).returning();
    return withPhotos!;
  });
}
