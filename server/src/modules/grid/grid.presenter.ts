// 网格化巡查 rows → response whitelists. A unit's due state comes from grid.rules (the same function the tests pin);
// a registration's phone is masked unless the caller sees it in full (platform/masking.ts).
import type { GridDueState, GridRegistrationStatus, GridRegistrationView, GridUnitView, GridVisitView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { maskPhone, seesInFull } from '../../platform/masking';
import { defaultGridFrequency, dueState, nextDueOn, visitIntervalDays, type GridFrequency } from './grid.rules';
import { registrationNames, visitExtras, type GridRegistrationRow, type GridVisitRow } from './grid.queries';
import { availableRegistrationActions } from './grid.workflow';

type UnitRow = Omit<GridUnitView, 'nextDueOn' | 'dueState' | 'intervalDays' | 'lastVisitedAt' | 'visits'> & {
  lastVisitedAt: Date | null;
  visits: number | null;
};

export function presentUnit(row: UnitRow, today: string, f: GridFrequency = defaultGridFrequency): GridUnitView {
  const due = nextDueOn(row.lastVisitedOn, row, f);
  return {
    ...row,
    lastVisitedAt: row.lastVisitedAt?.toISOString() ?? null,
    visits: row.visits ?? 0,
    nextDueOn: due,
    dueState: dueState(due, today, f) satisfies GridDueState,
    intervalDays: visitIntervalDays(row, f),
  };
}

export async function presentVisits(db: DbOrTx, rows: GridVisitRow[], duplicate = false): Promise<GridVisitView[]> {
  const x = await visitExtras(db, rows);
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: x.names.get(r.enterpriseId) ?? null,
    areaCode: r.areaCode,
    inspectorId: r.inspectorId,
    inspectorName: x.users.get(r.inspectorId) ?? null,
    checkedInAt: r.checkedInAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    lon: r.lon,
    lat: r.lat,
    distanceM: r.distanceM,
    checklist: r.checklist as GridVisitView['checklist'],
    notes: r.notes,
    attachments: x.files.filter((f) => f.ownerId === r.id).map((f) => ({ id: f.id, name: f.name, mime: f.mime })),
    infoReports: x.reports
      .filter((i) => i.visitId === r.id)
      .map((i) => ({ id: i.id, kind: i.kind as GridVisitView['infoReports'][number]['kind'], description: i.description })),
    duplicate,
  }));
}

export async function presentVisit(db: DbOrTx, row: GridVisitRow, duplicate = false): Promise<GridVisitView> {
  return (await presentVisits(db, [row], duplicate))[0]!;
}

export async function presentRegistrations(db: DbOrTx, actor: Actor, rows: GridRegistrationRow[]): Promise<GridRegistrationView[]> {
  const names = await registrationNames(db, rows);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    address: r.address,
    areaCode: r.areaCode,
    areaName: names.areas.get(r.areaCode) ?? null,
    creditCode: r.creditCode,
    sector: r.sector,
    principalName: r.principalName,
    // The unit's contact: in full to the inspector who took it down and to whoever sees enterprise contacts in full.
    principalPhone:
      r.registeredBy === actor.id || seesInFull(actor, { kind: 'enterpriseContact', enterpriseId: r.enterpriseId ?? '' })
        ? r.principalPhone
        : maskPhone(r.principalPhone),
    businessDescription: r.businessDescription,
    lon: r.lon,
    lat: r.lat,
    status: r.status as GridRegistrationStatus,
    registeredBy: r.registeredBy,
    registeredByName: names.users.get(r.registeredBy) ?? null,
    registeredAt: r.createdAt.toISOString(),
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseId ? (names.enterprises.get(r.enterpriseId) ?? null) : null,
    reason: r.reason,
    version: r.version,
    abilities: availableRegistrationActions(actor, r),
  }));
}

export async function presentRegistration(db: DbOrTx, actor: Actor, row: GridRegistrationRow) {
  return (await presentRegistrations(db, actor, [row]))[0]!;
}

export function registrationAudit(row: GridRegistrationRow) {
  return {
    status: row.status,
    name: row.name,
    areaCode: row.areaCode,
    enterpriseId: row.enterpriseId,
    reason: row.reason,
    version: row.version,
  };
}
