// Incident → response whitelist. The caller's phone is a natural person's: full for those who take and handle
// emergency calls (masking.ts emergencyContact), masked for anyone else.
import type { IncidentDetail, IncidentKind, IncidentNoticeView, IncidentSource, IncidentStatus, TeamType } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { phoneFor } from '../../platform/masking';
import { userNames } from './duty.queries';
import { findTimeline, type NoticeRow } from './incidents.queries';
import { availableIncidentActions, type IncidentRow } from './incidents.workflow';

export async function presentIncidents(db: DbOrTx, actor: Actor, rows: IncidentRow[]) {
  const names = await userNames(
    db,
    rows.map((r) => r.leaderId),
  );
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    occurredAt: r.occurredAt.toISOString(),
    callerName: r.callerName,
    callerPhone: phoneFor(actor, { kind: 'emergencyContact' }, r.callerPhone),
    kind: r.kind as IncidentKind,
    areaCode: r.areaCode,
    address: r.address,
    lng: r.lng,
    lat: r.lat,
    enterpriseId: r.enterpriseId,
    unitName: r.unitName,
    deaths: r.deaths,
    missing: r.missing,
    injured: r.injured,
    description: r.description,
    status: r.status as IncidentStatus,
    leaderId: r.leaderId,
    leaderName: r.leaderId ? (names.get(r.leaderId) ?? null) : null,
    accidentId: r.accidentId,
    source: r.source as IncidentSource,
    photoIds: r.photoIds,
    version: r.version,
    abilities: availableIncidentActions(actor, r) as string[],
  }));
}

export async function presentIncidentDetail(db: DbOrTx, actor: Actor, row: IncidentRow): Promise<IncidentDetail> {
  const [view] = await presentIncidents(db, actor, [row]);
  const timeline = await findTimeline(db, row.id);
  return {
    ...view!,
    timeline: timeline.map((t) => ({
      kind: t.kind as IncidentDetail['timeline'][number]['kind'],
      at: t.at.toISOString(),
      userName: t.userName,
      note: t.note,
    })),
  };
}

export function auditIncident(r: IncidentRow) {
  return {
    status: r.status,
    kind: r.kind,
    areaCode: r.areaCode,
    receivedAt: r.receivedAt,
    deaths: r.deaths,
    missing: r.missing,
    injured: r.injured,
    leaderId: r.leaderId,
    source: r.source,
    version: r.version,
  };
}

export function presentNotice(notice: NoticeRow, r: IncidentRow): IncidentNoticeView {
  return {
    id: notice.id,
    incidentId: r.id,
    teamName: notice.teamName,
    teamType: notice.teamType as TeamType,
    distanceM: notice.distanceM,
    notifiedAt: notice.notifiedAt.toISOString(),
    acknowledgedAt: notice.acknowledgedAt?.toISOString() ?? null,
    incident: {
      receivedAt: r.receivedAt.toISOString(),
      occurredAt: r.occurredAt.toISOString(),
      kind: r.kind as IncidentKind,
      address: r.address,
      lng: r.lng,
      lat: r.lat,
      deaths: r.deaths,
      missing: r.missing,
      injured: r.injured,
      description: r.description,
      status: r.status as IncidentStatus,
    },
  };
}
