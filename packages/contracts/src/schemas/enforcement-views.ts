// Response schemas of the enforcement routes (what the presenters answer). The case, inspection and document views
// are loose objects: every field listed here is checked and typed, and fields other #11 changes add to the presenters
// pass through until they are listed here (then tighten to z.object, which strips what is not declared).
import { z } from 'zod';
import { safeString } from '../input';
import { pageQuery } from './common';
import { caseStatuses } from './enforcement';

const day = safeString();
const bilingual = z.object({ zh: safeString(), en: safeString() });

export const enforcementDocumentView = z.looseObject({
  id: safeString(),
  kind: safeString(),
  number: safeString(),
  issuedOn: day.nullable(),
  inspectionId: safeString().nullable(),
  caseId: safeString().nullable(),
});

export const inspectionFindingView = z.object({
  id: safeString(),
  description: safeString(),
  location: safeString().nullable(),
  grade: safeString(),
  category: safeString(),
  photoIds: z.array(safeString()),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  deadline: day.nullable(),
  hazardId: safeString().nullable(),
});

export const inspectionEscalationView = z.object({ id: safeString(), number: safeString(), status: safeString() });

export const inspectionView = z.looseObject({
  id: safeString(),
  orgName: safeString().nullable(),
  enterpriseId: safeString(),
  enterpriseName: safeString(),
  areaCode: safeString(),
  kind: safeString(),
  unannounced: z.boolean(),
  principalDuty: z.boolean(),
  drawId: safeString().nullable(),
  departments: z.array(safeString()),
  inspectorNames: z.array(safeString()),
  plannedOn: day,
  state: safeString(),
  inspectedOn: day.nullable(),
  summary: safeString().nullable(),
  checklist: z.unknown(),
  signed: z.object({ principal: z.boolean(), inspectors: z.number().int() }),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  rectificationDeadline: day.nullable(),
  reinspectionDue: day.nullable(),
  reinspectedOn: day.nullable(),
  reinspectionOverdue: z.boolean(),
  reinspectionResult: safeString().nullable(),
  reinspectionOpinion: safeString().nullable(),
  createdAt: safeString(),
  version: z.number().int(),
  /** Present on the record page and after a command; lists leave them out. */
  findings: z.array(inspectionFindingView).optional(),
  documents: z.array(enforcementDocumentView).optional(),
  escalation: inspectionEscalationView.nullable().optional(),
  abilities: z.array(safeString()),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const reinspectionResultView = inspectionView.extend({ escalate: z.boolean(), caseId: safeString().nullable() });
export const escalationFiledView = z.object({ caseId: safeString(), number: safeString() });

export const caseView = z.looseObject({
  id: safeString(),
  number: safeString(),
  orgName: safeString().nullable(),
  enterpriseId: safeString().nullable(),
  inspectionId: safeString().nullable(),
  origin: safeString(),
  hazardIds: z.array(safeString()),
  procedure: safeString(),
  partyKind: safeString(),
  partyName: safeString(),
  partyIdNumber: safeString().nullable(),
  partyPhone: safeString().nullable(),
  partyAddress: safeString().nullable(),
  violation: safeString(),
  basisId: safeString(),
  basisArticle: safeString().nullable(),
  fine: z.number().nullable(),
  status: z.enum(caseStatuses),
  filedOn: day,
  decisionDue: day.nullable(),
  decisionOverdue: z.boolean(),
  /** The 90-day limit + extensions + (when the deployment excludes it) the hearing's days; moves daily while paused. */
  decisionClock: z.object({
    remainingDays: z.number().nullable(),
    paused: z.boolean(),
    hearingDays: z.number(),
    hearingExcluded: z.boolean(),
  }),
  extensionDays: z.array(z.number()),
  decidedOn: day.nullable(),
  servedOn: day.nullable(),
  paymentDue: day.nullable(),
  surcharge: z.number(),
  paidOn: day.nullable(),
  closedOn: day.nullable(),
  firstCheckMustPenalise: z.boolean(),
  doubleInvestigation: z.boolean(),
  publish: z.boolean(),
  changedOn: day.nullable(),
  hearing: z.object({
    right: z.boolean(),
    requestedOn: day.nullable(),
    earliestOn: day.nullable(),
    on: day.nullable(),
    place: safeString().nullable(),
    presiderId: safeString().nullable(),
    presiderName: safeString().nullable(),
    heldOn: day.nullable(),
    record: safeString().nullable(),
  }),
  withdrawalDue: day.nullable(),
  calendarGapYear: z.number().int().nullable(),
  evidence: z.record(safeString(), z.boolean()).optional(),
  missingEvidence: z.array(safeString()).optional(),
  createdAt: safeString(),
  version: z.number().int(),
  abilities: z.array(safeString()),
  /** The workspace (GET :id and after a step) adds these. */
  documents: z.array(enforcementDocumentView).optional(),
  events: z
    .array(
      z.object({
        at: safeString(),
        actorName: safeString().nullable(),
        action: safeString(),
        from: safeString().nullable(),
        to: safeString(),
      }),
    )
    .optional(),
  inspection: z
    .object({
      id: safeString(),
      enterpriseName: safeString(),
      inspectedOn: day.nullable(),
      rectificationDeadline: day.nullable(),
      reinspectedOn: day.nullable(),
      reinspectionResult: safeString().nullable(),
    })
    .nullable()
    .optional(),
  hazards: z.array(z.object({ id: safeString(), number: safeString(), description: safeString(), state: safeString() })).optional(),
});
export type CaseView = z.infer<typeof caseView>;

export const publicPenaltyView = z.object({
  id: safeString(),
  /** The 决定书 number (not the internal 立案 number); null for a decision issued before documents were kept. */
  decisionNumber: safeString().nullable(),
  orgName: safeString().nullable(),
  partyName: safeString().nullable(),
  partyCreditCode: safeString().nullable(),
  partyLegalRepresentative: safeString().nullable(),
  partyIdNumber: safeString().nullable(),
  partyPhone: safeString().nullable(),
  partyAddress: safeString().nullable(),
  violation: safeString(),
  basisArticle: safeString().nullable(),
  fine: z.number().nullable(),
  decidedOn: day.nullable(),
});

const fineRange = z.object({ min: z.number(), max: z.number() });
export const penaltyBasisView = z.object({
  id: safeString(),
  article: safeString(),
  violation: bilingual,
  first: fineRange,
  aggravated: fineRange.nullable(),
  persons: fineRange.nullable(),
  confidence: z.enum(['H', 'M']),
});

export const presiderCandidateView = z.object({ id: safeString(), displayName: safeString(), role: safeString() });

export const drawWeightsView = z.object({ defaults: z.record(safeString(), z.number()), labels: z.record(safeString(), bilingual) });

export const inspectionChecklistView = z.object({
  id: safeString(),
  name: safeString(),
  items: z.array(z.object({ content: safeString(), basis: safeString().nullable() })),
});

export const enforcementStatsView = z.object({
  year: z.number().int(),
  by: z.enum(['month', 'sector']),
  rows: z.array(
    z.object({ key: safeString(), inspections: z.number().int(), findings: z.number().int(), cases: z.number().int(), fines: z.number() }),
  ),
});

const dutyRange = { from: day, to: day };
export const principalDutyView = z.object({
  year: z.number().int(),
  level: safeString(),
  ownLevel: safeString().nullable(),
  rule: bilingual,
  enterprises: z.number().int(),
  periods: z.array(z.object({ period: z.number().int(), ...dutyRange, begun: z.boolean(), covered: z.number().int(), rate: z.number() })),
  compliantPeriods: z.number().int(),
  periodsBegun: z.number().int(),
  uncovered: z.object({
    period: z.number().int(),
    ...dutyRange,
    items: z.array(
      z.object({
        id: safeString(),
        name: safeString(),
        areaCode: safeString(),
        /** The area's name (a community or grid), for people to read; null if the code is not in the area table. */
        areaName: safeString().nullable(),
        lastInspectedOn: day.nullable(),
      }),
    ),
    total: z.number().int(),
  }),
});

/** GET /api/enforcement/stats: by month of the year or by sector. */
export const enforcementStatsQuery = z
  .object({ by: z.enum(['month', 'sector']).default('month'), year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();

/** GET /api/public/penalties: the public notices, a page at a time. */
export const publicPenaltiesQuery = z.object({ ...pageQuery }).strict();
