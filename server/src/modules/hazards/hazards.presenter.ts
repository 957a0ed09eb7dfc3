// hazards rows → API shapes (whitelists) with the caller's abilities; `overdue` is derived here from the
// deadline and today's China date, never read from storage.
import type { HazardDetail, HazardFile, HazardSummary } from '@anjian/contracts';
import { z } from 'zod';
import { hazardListing } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { FileRow } from '../../platform/files';
import { cstIso } from '../../platform/time';
import { GB1986_TYPES, GB2025_TYPES } from '../../reference/accidents/accident-types';
import {
  missingImplementations,
  missingPlanParts,
  type HazardGrade,
  type HazardSource,
  type ImplementationRecord,
  type TreatmentPlan,
} from '../../reference/hazards/classification';
import { findItem } from '../../reference/hazards/major-hazard-standard';
import {
  acceptorOf,
  isOverdue,
  requiredEvidence,
  hazardActions,
  type HazardAction,
  type HazardState,
} from '../../reference/hazards/workflow';
import { hazardAbilities } from './hazards.workflow';
import type { EventRow, HazardRow, ListingRecord } from './hazards.queries';

type Listing = z.infer<typeof hazardListing>;

export function presentFile(f: FileRow): HazardFile {
  return {
    id: f.id,
    name: f.originalName,
    mime: f.mime,
    size: f.size,
    kind: f.kind as HazardFile['kind'],
    url: `/api/files/${f.id}`,
    thumbnailUrl: f.kind === 'photo' ? `/api/files/${f.id}/thumbnail` : null,
  };
}

export function listingStatus(l: ListingRecord): Listing['status'] {
  if (l.delistedOn) return 'delisted';
  if (l.reviewedOn) return 'reviewed';
  if (l.reviewAppliedOn) return 'review_applied';
  return 'listed';
}

export function presentListing(l: ListingRecord, state: string, today: string): Listing {
  return {
    supervisingOrgId: l.supervisingOrgId,
    supervisingOrgName: l.supervisingOrgName,
    documentNumber: l.documentNumber,
    listedOn: l.listedOn,
    requiredCompletionDate: l.requiredCompletionDate,
    stopProduction: l.stopProduction,
    reviewAppliedOn: l.reviewAppliedOn,
    reviewDue: l.reviewDue,
    reviewedOn: l.reviewedOn,
    delistedOn: l.delistedOn,
    delistDocumentNumber: l.delistDocumentNumber,
    status: listingStatus(l),
    overdue: state !== 'closed' && today > l.requiredCompletionDate,
    reviewOverdue: !!l.reviewAppliedOn && !l.reviewedOn && !!l.reviewDue && today > l.reviewDue,
  };
}

export function presentHazardSummary(actor: Actor, h: HazardRow, today: string): HazardSummary {
  return {
    id: h.id,
    number: h.number,
    enterpriseId: h.enterpriseId,
    enterpriseName: h.enterpriseName,
    areaCode: h.areaCode,
    areaName: h.areaName,
    sector: h.sector as HazardSummary['sector'],
    source: h.source as HazardSummary['source'],
    category: h.category as HazardSummary['category'],
    grade: h.grade as HazardSummary['grade'],
    state: h.state as HazardSummary['state'],
    description: h.description,
    location: h.location,
    foundOn: h.foundOn,
    deadline: h.deadline,
    overdue: isOverdue({ state: h.state as HazardState, deadline: h.deadline }, today),
    listed: !!h.listing,
    version: h.version,
    abilities: hazardAbilities(actor, h),
  };
}

export function accidentTypeLabel(value: string | null) {
  if (!value) return null;
  const t = GB1986_TYPES.find((x) => x.code === value) ?? GB2025_TYPES.find((x) => x.key === value);
  return t ? t.label : null;
}

function presentMajorItem(id: string | null): HazardDetail['majorItem'] {
  const item = id ? findItem(id) : undefined;
  return item ? { id: item.id, label: item.label, text: item.textAvailable ? item.text : null } : null;
}

export function presentHazardDetail(
  actor: Actor,
  h: HazardRow,
  events: EventRow[],
  files: Map<string, FileRow>,
  today: string,
): HazardDetail {
  const summary = presentHazardSummary(actor, h, today);
  const snapshot = { grade: h.grade as HazardGrade, source: h.source as HazardSource };
  const filesOf = (ids: readonly string[]) =>
    ids
      .map((id) => files.get(id))
      .filter((f): f is FileRow => !!f)
      .map(presentFile);
  const required: Record<string, string[]> = {};
  for (const a of summary.abilities) {
    if ((hazardActions as readonly string[]).includes(a)) required[a] = requiredEvidence(snapshot, a as HazardAction);
  }
  const implementations = (h.implementations ?? {}) as ImplementationRecord;
  const plan = (h.treatmentPlan ?? {}) as TreatmentPlan;
  const major = h.grade === 'major';
  return {
    ...summary,
    accidentType: h.accidentType,
    accidentTypeLabel: accidentTypeLabel(h.accidentType),
    majorItem: presentMajorItem(h.majorItemId),
    responsiblePerson: h.responsiblePerson,
    measures: h.measures,
    funds: h.funds === null ? null : Number(h.funds),
    deadlineDays: h.deadlineDays,
    deadlineUnit: h.deadlineUnit as HazardDetail['deadlineUnit'],
    implementations: implementations as HazardDetail['implementations'],
    missingImplementations: major ? missingImplementations(implementations) : [],
    treatmentPlan: plan as HazardDetail['treatmentPlan'],
    missingPlanParts: major ? missingPlanParts(plan) : [],
    acceptor: acceptorOf(snapshot),
    reportedByName: h.reportedByName,
    reportedAt: cstIso(h.createdAt),
    closedOn: h.closedOn,
    origin: h.originType && h.originId ? { type: h.originType, id: h.originId } : null,
    requiredEvidence: required,
    attachments: filesOf(events.find((e) => e.action === 'report')?.attachments ?? []),
    timeline: events.map((e) => ({
      id: e.id,
      at: cstIso(e.at),
      actorName: e.actorName,
      actorRole: e.actorRole,
      action: e.action,
      fromState: e.fromState as HazardState | null,
      toState: e.toState as HazardState,
      evidence: (e.evidence ?? {}) as Record<string, unknown>,
      attachments: filesOf(e.attachments),
    })),
    listing: h.listing ? presentListing(h.listing, h.state, today) : null,
  };
}

/** What the audit log keeps of a hazard. */
export function auditHazard(h: Partial<HazardRow>) {
  const { enterpriseName: _n, areaName: _a, createdAt: _c, updatedAt: _u, ...rest } = h;
  return rest;
}
