// Response shapes of enforcement routes that do not declare a response schema on the server yet (issue 11.1 adds
// them there). Written from the presenters (inspections.presenter.ts, cases.presenter.ts, plans/stats/principal-duty
// routes) so the web reads typed data instead of its own assertions; the route-map test lists these routes until the
// server registers schemas of its own, and then compares the two.
import { z } from 'zod';
import { pageQuery } from '../schemas/common';
import { caseStatuses, documentSchema, inspectionKinds, principalDutyLevels } from '../schemas/enforcement';

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const inspectionFindingView = z.object({
  id: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  grade: z.enum(['general', 'major']),
  category: z.string().nullable(),
  photoIds: z.array(z.string()),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  deadline: z.string().nullable(),
  hazardId: z.string().nullable(),
});

export const inspectionView = z.object({
  id: z.string(),
  orgName: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  areaCode: z.string(),
  kind: z.enum(inspectionKinds),
  unannounced: z.boolean(),
  principalDuty: z.boolean(),
  drawId: z.string().nullable(),
  departments: z.array(z.string()),
  inspectorNames: z.array(z.string()),
  plannedOn: z.string(),
  state: z.enum(['planned', 'done']),
  inspectedOn: z.string().nullable(),
  summary: z.string().nullable(),
  signed: z.object({ principal: z.boolean(), inspectors: z.number() }),
  rectificationDeadline: z.string().nullable(),
  reinspectionDue: z.string().nullable(),
  reinspectedOn: z.string().nullable(),
  /** Past the re-inspection window after the deadline (10 days by default) and not yet re-inspected. */
  reinspectionOverdue: z.boolean(),
  reinspectionResult: z.enum(['passed', 'failed']).nullable(),
  reinspectionOpinion: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  findings: z.array(inspectionFindingView).optional(),
  documents: z.array(documentSchema).optional(),
  /** The penalty case filed for a failed re-inspection (立案), when looked up (the show page). */
  escalation: z
    .object({ id: z.string(), number: z.string(), status: z.enum(caseStatuses) })
    .nullable()
    .optional(),
  abilities: z.array(z.string()),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const checklistView = z.array(
  z.object({ id: z.string(), name: z.string(), items: z.array(z.object({ content: z.string(), basis: z.string().nullable() })) }),
);

export const penaltyCaseView = z.object({
  id: z.string(),
  number: z.string(),
  orgName: z.string().nullable(),
  enterpriseId: z.string(),
  inspectionId: z.string().nullable(),
  origin: z.enum(['direct', 'reinspection']),
  hazardIds: z.array(z.string()),
  procedure: z.enum(['general', 'simple']),
  partyKind: z.enum(['organisation', 'natural_person']),
  partyName: z.string(),
  partyIdNumber: z.string().nullable(),
  partyPhone: z.string().nullable(),
  partyAddress: z.string().nullable(),
  violation: z.string(),
  basisId: z.string(),
  basisArticle: z.string().nullable(),
  fine: z.number().nullable(),
  status: z.enum(caseStatuses),
  filedOn: z.string(),
  /** The 90-day limit + extensions + (when the deployment excludes it) the hearing's days; moves daily while paused. */
  decisionDue: z.string(),
  decisionOverdue: z.boolean(),
  decisionClock: z.object({
    remainingDays: z.number().nullable(),
    paused: z.boolean(),
    hearingDays: z.number(),
    hearingExcluded: z.boolean(),
  }),
  extensionDays: z.number(),
  decidedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  paymentDue: z.string().nullable(),
  surcharge: z.number(),
  paidOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  firstCheckMustPenalise: z.boolean(),
  doubleInvestigation: z.boolean(),
  publish: z.boolean(),
  changedOn: z.string().nullable(),
  hearing: z.object({
    right: z.boolean(),
    requestedOn: z.string().nullable(),
    earliestOn: z.string().nullable(),
    on: z.string().nullable(),
    place: z.string().nullable(),
    presiderId: z.string().nullable(),
    presiderName: z.string().nullable(),
    heldOn: z.string().nullable(),
    record: z.string().nullable(),
  }),
  withdrawalDue: z.string().nullable(),
  calendarGapYear: z.number().nullable(),
  evidence: z.record(z.string(), z.boolean()).optional(),
  missingEvidence: z.array(z.string()).optional(),
  createdAt: z.string(),
  version: z.number(),
  abilities: z.array(z.string()),
  // Present on the show page only.
  inspection: z
    .object({
      id: z.string(),
      enterpriseName: z.string(),
      inspectedOn: z.string().nullable(),
      rectificationDeadline: z.string().nullable(),
      reinspectedOn: z.string().nullable(),
      reinspectionResult: z.enum(['passed', 'failed']).nullable(),
    })
    .nullable()
    .optional(),
  hazards: z.array(z.object({ id: z.string(), number: z.string(), description: z.string(), state: z.string() })).optional(),
  documents: z.array(documentSchema).optional(),
  events: z
    .array(z.object({ at: z.string(), actorName: z.string().nullable(), action: z.string(), from: z.string().nullable(), to: z.string() }))
    .optional(),
});
export type PenaltyCaseView = z.infer<typeof penaltyCaseView>;

export const presiderCandidates = z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() }));

export const penaltyBasisView = z.array(z.looseObject({ id: z.string(), article: z.string(), violation: bilingual }));

export const publicPenaltyView = z.object({
  id: z.string(),
  number: z.string(),
  orgName: z.string().nullable(),
  partyName: z.string(),
  partyIdNumber: z.string().nullable(),
  partyPhone: z.string().nullable(),
  partyAddress: z.string().nullable(),
  violation: z.string(),
  basisArticle: z.string().nullable(),
  fine: z.number().nullable(),
  decidedOn: z.string().nullable(),
});

export const drawWeightsView = z.object({
  defaults: z.record(z.string(), z.number()),
  labels: z.record(z.string(), bilingual),
});

export const enforcementStatsQuery = z
  .object({ by: z.enum(['month', 'sector']).default('month'), year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export const enforcementStatsView = z.object({
  year: z.number(),
  by: z.enum(['month', 'sector']),
  rows: z.array(z.object({ key: z.string(), inspections: z.number(), findings: z.number(), cases: z.number(), fines: z.number() })),
});

export const planGroupView = z.object({
  name: z.string(),
  filter: z.object({ sector: z.string().optional(), isKey: z.boolean().optional(), tag: z.string().optional() }),
  timesPerYear: z.number(),
  enterprises: z.number().optional(),
  required: z.number().optional(),
  done: z.number().optional(),
  covered: z.number().optional(),
  expectedToDate: z.number().optional(),
  behind: z.boolean().optional(),
});
export const planView = z.object({
  year: z.number(),
  groups: z.array(planGroupView),
  version: z.number(),
  /** Share of the year elapsed (0–1): the pace the progress is compared with, not progress itself. */
  elapsed: z.number(),
});

export const principalDutyView = z.object({
  year: z.number(),
  level: z.enum(principalDutyLevels),
  ownLevel: z.enum(principalDutyLevels).nullable(),
  rule: bilingual,
  enterprises: z.number(),
  periods: z.array(
    z.object({ period: z.number(), from: z.string(), to: z.string(), begun: z.boolean(), covered: z.number(), rate: z.number() }),
  ),
  compliantPeriods: z.number(),
  periodsBegun: z.number(),
  uncovered: z.object({
    period: z.number(),
    from: z.string(),
    to: z.string(),
    total: z.number(),
    items: z.array(z.object({ id: z.string(), name: z.string(), areaCode: z.string(), lastInspectedOn: z.string().nullable() })),
  }),
});

export const publicPenaltiesQuery = z.object({ ...pageQuery }).strict();
