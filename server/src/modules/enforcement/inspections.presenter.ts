// inspections row → API shape (whitelist) with what the caller may do next.
import { can } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { cstIso } from '../../platform/time';
import type { FindingRow, InspectionRow } from './inspections.queries';

export function inspectionAbilities(actor: Actor, row: InspectionRow): string[] {
  if (!can(actor.role, 'inspection.do')) return [];
  if (row.state === 'planned') return ['record'];
  if (row.reinspectionDue && !row.reinspectedOn) return ['reinspect'];
  return [];
}

export function presentFinding(f: FindingRow) {
  return {
    id: f.id,
    description: f.description,
    location: f.location,
    grade: f.grade,
    category: f.category,
    photoIds: f.photoIds,
    longitude: f.longitude,
    latitude: f.latitude,
    deadline: f.deadline,
    hazardId: f.hazardId,
  };
}

export function presentInspection(actor: Actor, row: InspectionRow, extra: { findings?: FindingRow[]; documents?: unknown[] } = {}) {
  return {
    id: row.id,
    orgName: row.orgName,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    areaCode: row.areaCode,
    kind: row.kind,
    unannounced: row.unannounced,
    drawId: row.drawId,
    departments: row.departments,
    inspectorNames: row.inspectorNames,
    plannedOn: row.plannedOn,
    state: row.state,
    inspectedOn: row.inspectedOn,
    summary: row.summary,
    checklist: row.checklist,
    signed: { principal: !!row.principalSignature, inspectors: (row.inspectorSignatures as unknown[]).length },
    longitude: row.longitude,
    latitude: row.latitude,
    rectificationDeadline: row.rectificationDeadline,
    reinspectionDue: row.reinspectionDue,
    reinspectedOn: row.reinspectedOn,
    reinspectionResult: row.reinspectionResult,
    reinspectionOpinion: row.reinspectionOpinion,
    createdAt: cstIso(row.createdAt),
    version: row.version,
    findings: extra.findings?.map(presentFinding),
    documents: extra.documents,
    abilities: inspectionAbilities(actor, row),
  };
}
