// The duty officer takes a call (接警): the incident is recorded in the caller's jurisdiction, the shift on duty for
// the place at the time received is found, its leader on duty is notified in the inbox (notifications service, same
// transaction) and the timeline records received → notified (or that no leader was on duty). For a production-safety
// accident the domain event carries the accident as first known; the accidents module's consumer opens the accident
// record from it with its own rules (accidents.consumer.ts), and this module's consumer links it back (timeline).
import type { IncidentBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { AppError, fieldError, type BilingualDetail } from '../../../platform/errors';
import { inScope } from '../../../platform/scope';
import { resolveScheme } from '../../accidents/accidents.policy';
import { findEnterprise } from '../../enterprises/enterprises.queries';
import { notify } from '../../notifications/notifications.service';
import { areaExists } from '../resources.queries';
import { findOnDuty, userNames } from '../duty.queries';
import { addTimeline } from '../incidents.queries';
import { auditIncident } from '../incidents.presenter';
import { writeIncident, type IncidentRow } from '../incidents.workflow';

const SKEW_MS = 5 * 60_000;

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
  const details: BilingualDetail[] = [];
  if (receivedAt.getTime() > now.getTime() + SKEW_MS)
    details.push({ field: 'receivedAt', zh: '接警时间不能晚于现在', en: 'The time received is in the future' });
  if (occurredAt.getTime() > receivedAt.getTime())
    details.push({ field: 'occurredAt', zh: '发生时间不能晚于接警时间', en: 'It cannot happen after the call' });
  if (input.kind === 'production_safety') {
    if (!input.accidentTypeCode)
      details.push({ field: 'accidentTypeCode', zh: '生产安全事故须选择事故类别', en: 'Choose the accident type' });
    else {
      try {
        resolveScheme(occurredAt, undefined, input.accidentTypeCode);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        details.push(...e.details.map((d) => ({ ...d, field: 'accidentTypeCode' })));
      }
    }
  }
  if (details.length) throw new AppError('VALIDATION', details);
  if (!(await areaExists(tx, input.areaCode))) throw fieldError('areaCode', '区划不存在', 'Unknown area');
  if (!inScope(actor, { areaCode: input.areaCode }))
    throw fieldError('areaCode', '该地区不在本单位辖区内', 'This area is outside your jurisdiction');
  if (input.enterpriseId && !(await findEnterprise(tx, actor, input.enterpriseId))) {
    throw fieldError('enterpriseId', '企业不存在或不在辖区内', 'Unknown enterprise');
  }
  const shift = await findOnDuty(tx, input.areaCode, receivedAt);
  const accident =
    input.kind === 'production_safety'
      ? {
          occurredAt: occurredAt.toISOString(),
          areaCode: input.areaCode,
          address: input.address,
          longitude: input.lng ?? null,
          latitude: input.lat ?? null,
          enterpriseId: input.enterpriseId ?? null,
          unitName: input.unitName ?? null,
          category: 'industry_mining_commerce',
          typeCode: input.accidentTypeCode!,
          causeCategory: 'undetermined',
          deaths: input.deaths,
          missing: input.missing,
          // Injuries as first known are not yet told apart: counted as serious until the record is corrected, so the
          // grade (and the reporting duties it brings) is never understated at the start.
          seriousInjuries: input.injured,
          minorInjuries: 0,
          directLossWan: 0,
          description: `接警登记：${input.description}`,
          // The duty officer's receipt is the county department's receipt of the report (493号 第九条).
          unitReportedAt: receivedAt.toISOString(),
        }
      : null;
  const row = await writeIncident(tx, actor, null, 'record', {
    create: {
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
      shiftId: shift?.id ?? null,
      leaderId: shift?.leaderId ?? null,
    },
    event: accident ? { accident } : {},
  });
  await addTimeline(tx, row.id, 'received', actor, input.callerName ? `来电：${input.callerName}` : null, receivedAt);
  if (shift) {
    await notify(tx, [shift.leaderId], {
      kind: 'awaiting_action',
      title: {
        zh: `接警：${input.address}（${input.deaths}死${input.missing}失踪${input.injured}伤）`,
        en: `Emergency call: ${input.address}`,
      },
      entityType: 'incident',
      entityId: row.id,
      link: `/emergency/incidents/${row.id}`,
      dedupeKey: `incident:${row.id}:leader`,
    });
    const names = await userNames(tx, [shift.leaderId]);
    await addTimeline(tx, row.id, 'notified', { id: shift.leaderId, displayName: names.get(shift.leaderId) ?? '' }, '带班领导（站内消息）');
  } else {
    await addTimeline(tx, row.id, 'no_leader_on_duty', null, '接警时无值班带班领导');
  }
  await recordAudit(tx, { actor, ip }, { action: 'incident.record', entityType: 'incident', entityId: row.id, after: auditIncident(row) });
  return row;
}
