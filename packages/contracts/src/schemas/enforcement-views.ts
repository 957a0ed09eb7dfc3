// Response schemas of the enforcement routes (what the presenters answer). The case, inspection and document views
// are loose objects: every field listed here is checked and typed, and fields other #11 changes add to the presenters
// pass through until they are listed here (then tighten to z.object, which strips what is not declared).
import { z } from 'zod';
import { pageQuery } from './common';
import { caseStatuses } from './enforcement';

const day = z.string();
const bilingual = z.object({ zh: z.string(), en: z.string() });

export const enforcementDocumentView = z.looseObject({
  id: z.string(),
  kind: z.string(),
  number: z.string(),
  issuedOn: day.nullable(),
  inspectionId: z.string().nullable(),
  caseId: z.string().nullable(),
});

export const inspectionFindingView = z.object({
  id: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  grade: z.string(),
  category: z.string(),
  photoIds: z.array(z.string()),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  deadline: day.nullable(),
  hazardId: z.string().nullable(),
});

export const inspectionEscalationView = z.object({ id: z.string(), number: z.string(), status: z.string() });

export const inspectionView = z.looseObject({
  id: z.string(),
  orgName: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  areaCode: z.string(),
  kind: z.string(),
  unannounced: z.boolean(),
  principalDuty: z.boolean(),
  drawId: z.string().nullable(),
  departments: z.array(z.string()),
  inspectorNames: z.array(z.string()),
  plannedOn: day,
  state: z.string(),
  inspectedOn: day.nullable(),
  summary: z.string().nullable(),
  checklist: z.unknown(),
  signed: z.object({ principal: z.boolean(), inspectors: z.number().int() }),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  rectificationDeadline: day.nullable(),
  reinspectionDue: day.nullable(),
  reinspectedOn: day.nullable(),
  reinspectionOverdue: z.boolean(),
  reinspectionResult: z.string().nullable(),
  reinspectionOpinion: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Present on the record page and after a command; lists leave them out. */
  findings: z.array(inspectionFindingView).optional(),
  documents: z.array(enforcementDocumentView).optional(),
  escalation: inspectionEscalationView.nullable().optional(),
  abilities: z.array(z.string()),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const reinspectionResultView = inspectionView.extend({ escalate: z.boolean(), caseId: z.string().nullable() });
export const escalationFiledView = z.object({ caseId: z.string(), number: z.string() });

export const caseView = z.looseObject({
  id: z.string(),
  number: z.string(),
  orgName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  inspectionId: z.string().nullable(),
  origin: z.string(),
  hazardIds: z.array(z.string()),
  procedure: z.string(),
  partyKind: z.string(),
  partyName: z.string(),
  partyIdNumber: z.string().nullable(),
  partyPhone: z.string().nullable(),
  partyAddress: z.string().nullable(),
  violation: z.string(),
  basisId: z.string(),
  basisArticle: z.string().nullable(),
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
    place: z.string().nullable(),
    presiderId: z.string().nullable(),
    presiderName: z.string().nullable(),
    heldOn: day.nullable(),
    record: z.string().nullable(),
  }),
  withdrawalDue: day.nullable(),
  calendarGapYear: z.number().int().nullable(),
  evidence: z.record(z.string(), z.boolean()).optional(),
  missingEvidence: z.array(z.string()).optional(),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.array(z.string()),
  /** The workspace (GET :id and after a step) adds these. */
  documents: z.array(enforcementDocumentView).optional(),
  events: z
    .array(z.object({ at: z.string(), actorName: z.string().nullable(), action: z.string(), from: z.string().nullable(), to: z.string() }))
    .optional(),
  inspection: z
    .object({
      id: z.string(),
      enterpriseName: z.string(),
      inspectedOn: day.nullable(),
      rectificationDeadline: day.nullable(),
      reinspectedOn: day.nullable(),
      reinspectionResult: z.string().nullable(),
    })
    .nullable()
    .optional(),
  hazards: z.array(z.object({ id: z.string(), number: z.string(), description: z.string(), state: z.string() })).optional(),
});
export type CaseView = z.infer<typeof caseView>;

export const publicPenaltyView = z.object({
  id: z.string(),
  /** The 决定书 number (not the internal 立案 number); null for a decision issued before documents were kept. */
  decisionNumber: z.string().nullable(),
  orgName: z.string().nullable(),
  partyName: z.string().nullable(),
  partyCreditCode: z.string().nullable(),
  partyLegalRepresentative: z.string().nullable(),
  partyIdNumber: z.string().nullable(),
  partyPhone: z.string().nullable(),
  partyAddress: z.string().nullable(),
  violation: z.string(),
  basisArticle: z.string().nullable(),
  fine: z.number().nullable(),
  decidedOn: day.nullable(),
});

const fineRange = z.object({ min: z.number(), max: z.number() });
export const penaltyBasisView = z.object({
  id: z.string(),
  article: z.string(),
  violation: bilingual,
  first: fineRange,
  aggravated: fineRange.nullable(),
  persons: fineRange.nullable(),
  confidence: z.enum(['H', 'M']),
});

export const presiderCandidateView = z.object({ id: z.string(), displayName: z.string(), role: z.string() });

export const drawWeightsView = z.object({ defaults: z.record(z.string(), z.number()), labels: z.record(z.string(), bilingual) });

export const inspectionChecklistView = z.object({
  id: z.string(),
  name: z.string(),
  items: z.array(z.object({ content: z.string(), basis: z.string().nullable() })),
});

export const enforcementStatsView = z.object({
  year: z.number().int(),
  by: z.enum(['month', 'sector']),
  rows: z.array(
    z.object({ key: z.string(), inspections: z.number().int(), findings: z.number().int(), cases: z.number().int(), fines: z.number() }),
  ),
});

const dutyRange = { from: day, to: day };
export const principalDutyView = z.object({
  year: z.number().int(),
  level: z.string(),
  ownLevel: z.string().nullable(),
  rule: bilingual,
  enterprises: z.number().int(),
  periods: z.array(z.object({ period: z.number().int(), ...dutyRange, begun: z.boolean(), covered: z.number().int(), rate: z.number() })),
  compliantPeriods: z.number().int(),
  periodsBegun: z.number().int(),
  uncovered: z.object({
    period: z.number().int(),
    ...dutyRange,
    items: z.array(z.object({ id: z.string(), name: z.string(), areaCode: z.string(), lastInspectedOn: day.nullable() })),
    total: z.number().int(),
  }),
});

/** GET /api/enforcement/stats: by month of the year or by sector. */
export const enforcementStatsQuery = z
  .object({ by: z.enum(['month', 'sector']).default('month'), year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();

/** GET /api/public/penalties: the public notices, a page at a time. */
export const publicPenaltiesQuery = z.object({ ...pageQuery }).strict();
