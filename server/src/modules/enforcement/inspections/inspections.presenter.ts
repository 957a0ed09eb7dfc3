// inspections row → API shape (whitelist) with what the caller may do next.
import { can } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { cstDate, cstIso } from '../../../platform/time';
import { reinspectionOverdue } from '../../../reference/enforcement/penalty-limits';
import type { FindingRow, InspectionRow } from './inspections.queries';
import { inspectionMachineAbilities } from './inspections.workflow';
import type { presentDocument } from '../documents/documents';

export interface Escalation {
  id: string;
  number: string;
  status: string;
}

/**
 * What the caller may do next. 'escalate' (立案) is offered to case officers while a failed re-inspection has no case;
 * it is only known when the escalation was looked up (the show page), so lists never offer it.
 */
export function inspectionAbilities(actor: Actor, row: InspectionRow, escalation?: Escalation | null): string[] {
  const out: string[] = inspectionMachineAbilities(actor, row);
  if (row.reinspectionResult === 'failed' && escalation === null && can(actor.role, 'case.manage')) out.push('escalate');
  return out;
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

export function presentInspection(
  actor: Actor,
  row: InspectionRow,
  extra: { findings?: FindingRow[]; documents?: ReturnType<typeof presentDocument>[]; escalation?: Escalation | null } = {},
) {
  return {
    id: row.id,
    orgName: row.orgName,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    areaCode: row.areaCode,
    kind: row.kind,
    unannounced: row.unannounced,
    principalDuty: row.principalDuty,
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
    reinspectionOverdue: reinspectionOverdue(row.reinspectionDue, row.reinspectedOn, cstDate()),
    reinspectionResult: row.reinspectionResult,
    reinspectionOpinion: row.reinspectionOpinion,
    createdAt: cstIso(row.createdAt),
    version: row.version,
    findings: extra.findings?.map(presentFinding),
    documents: extra.documents,
    /** The penalty case filed for a failed re-inspection (立案), when looked up. */
    escalation: extra.escalation,
    abilities: inspectionAbilities(actor, row, extra.escalation),
  };
}
