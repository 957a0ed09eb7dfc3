// The duty officer takes a call (接警): the incident is recorded in the caller's jurisdiction and opened on the one
// path every alarm takes (incidents.open.ts: the leader on duty notified, teams called out, the accident record
// opened through the accidents module's consumer for a production-safety accident, the timeline).
import type { IncidentBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import type { Db, Tx } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { findEnterprise } from '../../enterprises/enterprises.queries';
import { areaExists } from '../resources.queries';
import { incidentFactsErrors, openIncident } from '../incidents.open';
import type { IncidentRow } from '../incidents.workflow';

export async function receiveIncident(db: Db, actor: Actor, ip: string | null, input: IncidentBody, now = new Date()) {
  return db.transaction((tx) => receiveIncidentIn(tx, actor, ip, input, now));
}

export async function receiveIncidentIn(
  tx: Tx,
  actor: Actor,
  ip: string | null,
  input: IncidentBody,
  now = new Date(),
): Promise<IncidentRow> {
  const receivedAt = new Date(input.receivedAt);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : receivedAt;
  const details = incidentFactsErrors({ receivedAt, occurredAt, kind: input.kind, accidentTypeCode: input.accidentTypeCode }, now);
  if (details.length) throw new AppError('VALIDATION', details);
  if (!(await areaExists(tx, input.areaCode))) throw fieldError('areaCode', '区划不存在', 'Unknown area');
  if (!inScope(actor, { areaCode: input.areaCode }))
    throw fieldError('areaCode', '该地区不在本单位辖区内', 'This area is outside your jurisdiction');
  if (input.enterpriseId && !(await findEnterprise(tx, actor, input.enterpriseId))) {
    throw fieldError('enterpriseId', '企业不存在或不在辖区内', 'Unknown enterprise');
  }
  return openIncident(
    tx,
    actor,
    ip,
    {
      areaCode: input.areaCode,
      enterpriseId: input.enterpriseId ?? null,
      receivedAt,
      occurredAt,
      callerName: input.callerName ?? null,
      callerPhone: input.callerPhone ?? null,
      kind: input.kind,
      address: input.address,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      unitName: input.unitName ?? null,
      deaths: input.deaths,
      missing: input.missing,
      injured: input.injured,
      description: input.description,
      accidentTypeCode: input.accidentTypeCode ?? null,
      officerId: actor.id,
      source: 'duty',
    },
    { kind: 'received', note: input.callerName ? `来电：${input.callerName}` : null, audit: 'incident.record' },
  );
}
