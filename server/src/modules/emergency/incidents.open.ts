// Opening an incident, one path for both ways an alarm arrives — the duty officer taking a call (接警) and an
// enterprise's own 快报: the shift on duty for the place at the time received is found, the incident is written
// through its machine (the incident.record event carries the accident as first known, from which the accidents
// module's consumer opens the accident record — incident.report for a 快报 — and starts the registry's reporting clock), the leader on duty is
// notified (and, for a 快报, the duty officer, who did not take it), the relevant rescue teams are called out, and the
// timeline records who was told.
import type { AuditAction, IncidentKind } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db';
import { AppError, type BilingualDetail } from '../../platform/errors';
import { resolveScheme } from '../accidents/accidents.policy';
import { notify } from '../notifications/notifications.service';
import { findOnDuty, userNames } from './duty.queries';
import { addTimeline } from './incidents.queries';
import { auditIncident } from './incidents.presenter';
import { callOutTeams } from './incidents.teams';
import { writeIncident, type IncidentRow } from './incidents.workflow';
import { emergencyIncidents } from '../../db/schema';

export const SKEW_MS = 5 * 60_000;

export type IncidentCreate = Omit<typeof emergencyIncidents.$inferInsert, 'status' | 'id' | 'version' | 'shiftId' | 'leaderId'> & {
  areaCode: string;
  receivedAt: Date;
  occurredAt: Date;
  kind: IncidentKind;
};

/** The checks both intakes share: times in order and not in the future; an accident's type in its scheme. */
export function incidentFactsErrors(
  f: { receivedAt: Date; occurredAt: Date; kind: string; accidentTypeCode?: string | null },
  now: Date,
  /** A 快报's time of the accident comes from a phone's clock, which may run a little ahead of the server's. */
  occurredSlackMs = 0,
): BilingualDetail[] {
  const details: BilingualDetail[] = [];
  if (f.receivedAt.getTime() > now.getTime() + SKEW_MS)
    details.push({ field: 'receivedAt', zh: '接警时间不能晚于现在', en: 'The time received is in the future' });
  if (f.occurredAt.getTime() > f.receivedAt.getTime() + occurredSlackMs)
    details.push({ field: 'occurredAt', zh: '发生时间不能晚于接警时间', en: 'It cannot happen after the call' });
  if (f.kind === 'production_safety') {
    if (!f.accidentTypeCode) details.push({ field: 'accidentTypeCode', zh: '生产安全事故须选择事故类别', en: 'Choose the accident type' });
    else {
      try {
        resolveScheme(f.occurredAt, undefined, f.accidentTypeCode);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        details.push(...e.details.map((d) => ({ ...d, field: 'accidentTypeCode' })));
      }
    }
  }
  return details;
}

/** The accident record as first known, for the accidents consumer (createAccidentBody's shape). */
function accidentOf(c: IncidentCreate, prefix: string) {
  if (c.kind !== 'production_safety') return null;
  return {
    occurredAt: c.occurredAt.toISOString(),
    areaCode: c.areaCode,
    address: c.address,
    longitude: c.lng ?? null,
    latitude: c.lat ?? null,
    enterpriseId: c.enterpriseId ?? null,
    unitName: c.unitName ?? null,
    category: 'industry_mining_commerce',
    typeCode: c.accidentTypeCode!,
    causeCategory: 'undetermined',
    deaths: c.deaths ?? 0,
    missing: c.missing ?? 0,
    // Injuries as first known are not yet told apart: counted as serious until the record is corrected, so the
    // grade (and the reporting duties it brings) is never understated at the start.
    seriousInjuries: c.injured ?? 0,
    minorInjuries: 0,
    directLossWan: 0,
    description: `${prefix}：${c.description}`,
    // The duty desk's receipt (a call taken, or a 快报 arriving) is the county department's receipt of the report
    // (493号 第九条): the registry's reporting clock starts there.
    unitReportedAt: c.receivedAt.toISOString(),
  };
}

export async function openIncident(
  tx: Tx,
  actor: Actor,
  ip: string | null,
  create: IncidentCreate,
  first: { kind: 'received' | 'reported'; note: string | null; audit: AuditAction },
): Promise<IncidentRow> {
  const shift = await findOnDuty(tx, create.areaCode, create.receivedAt);
  const fromEnterprise = create.source === 'enterprise';
  const accident = accidentOf(create, fromEnterprise ? '企业快报' : '接警登记');
  const row = await writeIncident(tx, actor, null, fromEnterprise ? 'report' : 'record', {
    create: { ...create, shiftId: shift?.id ?? null, leaderId: shift?.leaderId ?? null },
    event: accident ? { accident } : {},
  });
  await addTimeline(tx, row.id, first.kind, actor, first.note, create.receivedAt);
  const casualties = `（${row.deaths}死${row.missing}失踪${row.injured}伤）`;
  if (shift) {
    const told = fromEnterprise && shift.officerId !== shift.leaderId ? [shift.leaderId, shift.officerId] : [shift.leaderId];
    const names = await userNames(tx, told);
    for (const userId of told) {
      await notify(tx, [userId], {
        kind: 'awaiting_action',
        title: {
          zh: `${fromEnterprise ? '企业快报' : '接警'}：${row.address}${casualties}`,
          en: `${fromEnterprise ? 'Accident flash report' : 'Emergency call'}: ${row.address}`,
        },
        entityType: 'incident',
        entityId: row.id,
        link: `/emergency/incidents/${row.id}`,
        dedupeKey: `incident:${row.id}:${userId === shift.leaderId ? 'leader' : 'officer'}`,
      });
      const role = userId === shift.leaderId ? '带班领导' : '值班员';
      await addTimeline(tx, row.id, 'notified', { id: userId, displayName: names.get(userId) ?? '' }, `${role}（站内消息）`);
    }
  } else {
    await addTimeline(tx, row.id, 'no_leader_on_duty', null, '接警时无值班带班领导');
  }
  await callOutTeams(tx, actor, row);
  await recordAudit(tx, { actor, ip }, { action: first.audit, entityType: 'incident', entityId: row.id, after: auditIncident(row) });
  return row;
}
