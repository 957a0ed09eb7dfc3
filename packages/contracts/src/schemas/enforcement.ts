// Enforcement (执法): 双随机 draws, inspections, documents and penalty cases — request and response shapes.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageQuery, yearMonth } from './common';
import { hazardCategoryKeys, hazardGradeKeys } from './hazards';

const text = (max: number) => safeString().trim().min(1).max(max);

export const weightTableInput = z
  .object({
    base: z.number().min(0.01).max(100),
    openMajorHazard: z.number().min(0).max(100),
    redRisk: z.number().min(0).max(100),
    orangeRisk: z.number().min(0).max(100),
    recentAccident: z.number().min(0).max(100),
    recentPenalty: z.number().min(0).max(100),
    neverInspected: z.number().min(0).max(100),
    /** 差异化监管: the risk weight is multiplied by the credit grade's factor (absent on draws recorded before). */
    creditA: z.number().min(0.1).max(10).optional(),
    creditB: z.number().min(0.1).max(10).optional(),
    creditC: z.number().min(0.1).max(10).optional(),
    creditD: z.number().min(0.1).max(10).optional(),
  })
  .strict();

export const drawFilterInput = z
  .object({
    /** A subtree inside the caller's jurisdiction (a street, community …); the whole jurisdiction when omitted. */
    areaCode: z
      .string()
      .regex(/^\d{6,15}$/)
      .optional(),
    sector: text(32).optional(),
    tag: text(64).optional(),
    isKey: z.boolean().optional(),
  })
  .strict();

export const createDrawBody = z
  .object({
    title: text(200),
    k: z.number().int().min(1).max(1000),
    filter: drawFilterInput.default({}),
    weights: weightTableInput.optional(),
    inspectorsPerEnterprise: z.number().int().min(0).max(5).default(2),
    /** Create a 'drawn' inspection task per selected enterprise, planned for this day. */
    plannedOn: isoDate.optional(),
  })
  .strict();
export type CreateDrawBody = z.infer<typeof createDrawBody>;

export const drawListQuery = z.object({ ...pageQuery }).strict();

export const drawResultItem = z.object({
  enterpriseId: safeString(),
  name: safeString(),
  areaCode: safeString(),
  weight: z.number(),
  key: z.number(),
  inspectorIds: z.array(safeString()),
  inspectorNames: z.array(safeString()),
  short: z.boolean(),
  /** The enterprise's credit grade on the draw's day (null: no credit record, counted as A). */
  creditGrade: safeString().nullable(),
  /** Why it weighs what it does: the base, each signal it showed (added), then its credit factor (multiplied). */
  reasons: z.array(z.object({ key: safeString(), value: z.number() })),
});

export const drawSchema = z.object({
  id: safeString(),
  title: safeString(),
  orgName: safeString().nullable(),
  areaCode: safeString(),
  seed: safeString(),
  filter: z.record(safeString(), z.unknown()),
  weightTable: weightTableInput,
  k: z.number(),
  poolCount: z.number(),
  poolWeightTotal: z.number(),
  poolChecksum: safeString(),
  result: z.array(drawResultItem),
  published: z.boolean(),
  publishedAt: safeString().nullable(),
  createdByName: safeString().nullable(),
  createdAt: safeString(),
  abilities: z.array(safeString()),
});
export type Draw = z.infer<typeof drawSchema>;

export const drawVerification = z.object({
  matches: z.boolean(),
  poolUnchanged: z.boolean(),
  recomputed: z.array(safeString()),
  recorded: z.array(safeString()),
});

export const publicDrawSchema = z.object({
  id: safeString(),
  title: safeString(),
  orgName: safeString().nullable(),
  seed: safeString(),
  weightTable: weightTableInput,
  poolCount: z.number(),
  poolChecksum: safeString(),
  publishedAt: safeString().nullable(),
  result: z.array(z.object({ name: safeString(), inspectors: z.array(safeString()) })),
});

/** One line of the public list of published draws. */
export const publicDrawSummary = z.object({
  id: safeString(),
  title: safeString(),
  orgName: safeString().nullable(),
  poolCount: z.number(),
  selected: z.number(),
  publishedAt: safeString().nullable(),
});

// Inspections ---------------------------------------------------------------------------------------------------

export const inspectionKinds = ['planned', 'drawn', 'complaint', 'joint'] as const;
/** An inspection's stored states (the server's inspection machine, CHECK-constrained). */
export const inspectionStates = ['planned', 'done'] as const;
export type InspectionState = (typeof inspectionStates)[number];
export type InspectionKind = (typeof inspectionKinds)[number];

export const createInspectionBody = z
  .object({
    enterpriseId: z.uuid(),
    kind: z.enum(inspectionKinds),
    unannounced: z.boolean().default(false),
    departments: z.array(text(100)).max(20).default([]),
    inspectorIds: z.array(z.uuid()).max(10).default([]),
    plannedOn: isoDate,
    /** 企业主要负责人依法履责安全专项执法检查 (counts toward the per-level minimum frequency). */
    principalDuty: z.boolean().default(false),
  })
  .strict();

export const inspectionListQuery = z
  .object({
    ...pageQuery,
    state: z.enum(inspectionStates).optional(),
    enterpriseId: z.uuid().optional(),
    kind: z.enum(inspectionKinds).optional(),
    /** Rectification orders whose re-inspection is due (deadline reached) and not yet recorded. */
    reinspectionDue: z.enum(['true']).optional(),
    /** Done in this China month (YYYY-MM): the inspections the statistics and the workbench count for it. */
    inspectedMonth: yearMonth.optional(),
  })
  .strict();

export const checklistItemInput = z
  .object({ item: text(500), result: z.enum(['pass', 'fail', 'na']), note: safeString().max(1000).optional() })
  .strict();

export const findingInput = z
  .object({
    description: safeString().trim().min(2).max(2000),
    location: safeString().max(200).optional(),
    grade: z.enum(hazardGradeKeys),
    category: z.enum(hazardCategoryKeys),
    basisId: safeString().max(64).optional(),
    /** Photos uploaded through POST /api/hazards/attachments by the same officer. */
    photoIds: z.array(z.uuid()).max(10).default([]),
    longitude: z.number().min(-180).max(180).optional(),
    latitude: z.number().min(-90).max(90).optional(),
  })
  .strict();

const pngDataUrl = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);

export const recordInspectionBody = z
  .object({
    version: z.number().int().min(1),
    checklist: z.array(checklistItemInput).max(300).default([]),
    findings: z.array(findingInput).max(100).default([]),
    summary: safeString().max(4000).optional(),
    /** 责令限期整改 deadline for every finding (calendar date); required when there are findings. */
    rectificationDeadline: isoDate.optional(),
    principalSignature: pngDataUrl.optional(),
    inspectorSignatures: z
      .array(z.object({ name: text(64), signature: pngDataUrl }).strict())
      .max(10)
      .default([]),
    longitude: z.number().min(-180).max(180).optional(),
    latitude: z.number().min(-90).max(90).optional(),
  })
  .strict();
export type RecordInspectionBody = z.infer<typeof recordInspectionBody>;

export const reinspectBody = z
  .object({
    version: z.number().int().min(1),
    passed: z.boolean(),
    opinion: text(2000),
    /** When failed: file the penalty case (立案) for the unrectified hidden dangers in the same transaction. */
    fileCase: z.boolean().default(false),
  })
  .strict();

/** 立案 from a failed re-inspection: the basis defaults to 安全生产法 第一百零二条 (hidden danger not eliminated). */
export const escalateInspectionBody = z
  .object({
    version: z.number().int().min(1),
    basisId: safeString().max(64).optional(),
    fineBand: z.enum(['first', 'aggravated', 'persons']).optional(),
    firstCheckMustPenalise: z.boolean().optional(),
    doubleInvestigation: z.boolean().optional(),
    publish: z.boolean().optional(),
  })
  .strict();
export type EscalateInspectionBody = z.infer<typeof escalateInspectionBody>;

// Documents -----------------------------------------------------------------------------------------------------

export const documentKinds = [
  'site_record',
  'rectification_order',
  'reinspection_opinion',
  'penalty_notice',
  'hearing_notice',
  'penalty_decision',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentSchema = z.object({
  id: safeString(),
  kind: z.enum(documentKinds),
  number: safeString(),
  issuedOn: safeString(),
  inspectionId: safeString().nullable(),
  caseId: safeString().nullable(),
});

// Penalty cases ---------------------------------------------------------------------------------------------------

export const caseStatuses = [
  'filed',
  'investigating',
  'notified',
  'hearing_requested',
  'hearing_scheduled',
  'heard',
  'legal_review',
  'reviewed',
  'decided',
  'served',
  'paid',
  'enforced',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseActions = [
  'investigate',
  'notify',
  'request_hearing',
  'schedule_hearing',
  'hold_hearing',
  'submit_review',
  'approve_review',
  'decide',
  'serve',
  'pay',
  'enforce',
  'close',
  'extend',
  'change_decision',
] as const;
export type CaseAction = (typeof caseActions)[number];

export const fileCaseBody = z
  .object({
    enterpriseId: z.uuid(),
    inspectionId: z.uuid().optional(),
    procedure: z.enum(['general', 'simple']),
    partyKind: z.enum(['organisation', 'natural_person']),
    /** A natural person's name; an organisation party is the enterprise as registered (a name, if given, must match). */
    partyName: text(200).optional(),
    partyIdNumber: safeString().trim().max(32).optional(),
    partyPhone: safeString().trim().max(32).optional(),
    partyAddress: safeString().trim().max(300).optional(),
    violation: text(4000),
    basisId: text(64),
    fineBand: z.enum(['first', 'aggravated', 'persons']).default('first'),
    /** Proposed fine in yuan; required for the simple procedure (decided on the spot). */
    fine: z.number().min(0).max(1e9).optional(),
    firstCheckMustPenalise: z.boolean().default(false),
    doubleInvestigation: z.boolean().default(false),
    publish: z.boolean().default(false),
  })
  .strict();
export type FileCaseBody = z.infer<typeof fileCaseBody>;

export const caseActionParams = z.object({ id: z.uuid(), action: z.enum(caseActions) }).strict();
export const caseActionBody = z
  .object({
    version: z.number().int().min(1),
    note: safeString().max(4000).optional(),
    fine: z.number().min(0).max(1e9).optional(),
    /** The day of the step when it happened earlier than today (service, payment). */
    on: isoDate.optional(),
    amountPaid: z.number().min(0).max(2e9).optional(),
    extensionDays: z.number().int().min(1).max(90).optional(),
    /** The party waived statement/defence and hearing, so review need not wait for the 5-day period. */
    waived: z.boolean().optional(),
    publish: z.boolean().optional(),
    /** 听证: the hearing's day and place (schedule_hearing), its presiding officer, and its record (hold_hearing). */
    hearingOn: isoDate.optional(),
    hearingPlace: safeString().trim().min(1).max(200).optional(),
    presiderId: z.uuid().optional(),
    hearingRecord: safeString().trim().min(1).max(8000).optional(),
  })
  .strict();
export type CaseActionBody = z.infer<typeof caseActionBody>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const caseListQuery = z
  .object({
    ...pageQuery,
    status: z.enum(caseStatuses).optional(),
    enterpriseId: z.uuid().optional(),
    firstCheckMustPenalise: flag.optional(),
    doubleInvestigation: flag.optional(),
    missingEvidence: flag.optional(),
    /** Undecided past the 90-day decision limit (with extensions and hearing pauses), as the workbench counts them. */
    pastLimit: flag.optional(),
  })
  .strict();

// Principal-duty inspection frequency (主要负责人履责专项执法检查频次) ---------------------------------------------

export const principalDutyLevels = ['street', 'district', 'city'] as const;
export type PrincipalDutyLevel = (typeof principalDutyLevels)[number];
export const principalDutyQuery = z
  .object({
    ...pageQuery,
    year: z.coerce.number().int().min(2000).max(2100),
    /** The inspecting level; defaults to the caller's own (street, district or city). */
    level: z.enum(principalDutyLevels).optional(),
    /** 1-based period of the year (month 1–12, quarter 1–4, half 1–2) whose uncovered enterprises are listed. */
    period: z.coerce.number().int().min(1).max(12).optional(),
  })
  .strict();

// Annual plan ----------------------------------------------------------------------------------------------------

const planGroupFilter = z.object({ sector: text(32).optional(), isKey: z.boolean().optional(), tag: text(64).optional() }).strict();
export const planGroupInput = z
  .object({
    name: text(100),
    filter: planGroupFilter.default({}),
    timesPerYear: z.number().int().min(1).max(52),
  })
  .strict();
/** `version` is the one the caller read: 0 while no plan is stored for the year. */
export const putPlanBody = z.object({ version: z.number().int().min(0), groups: z.array(planGroupInput).min(1).max(30) }).strict();
export type PutPlanBody = z.infer<typeof putPlanBody>;
export const planParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
/** A stored group always has its filter: the view says so without the input's default (responses hold none). */
export const planGroupView = planGroupInput.extend({
  filter: planGroupFilter,
  enterprises: z.number().int(),
  done: z.number().int(),
  covered: z.number().int(),
  required: z.number().int(),
  expectedToDate: z.number().int(),
  behind: z.boolean(),
});
/** The plan with each group's progress over the caller's scope; `elapsed` is the share of the year gone (0–1). */
export const planView = z.object({
  year: z.number().int(),
  groups: z.array(planGroupView),
  version: z.number().int(),
  elapsed: z.number(),
});
export type PlanView = z.infer<typeof planView>;

// Deployment settings of the penalty procedure --------------------------------------------------------------------

/**
 * The hearing rules a province sets or reads differently (docs/rules.md §10.2, M): the 较大数额 threshold in yuan from
 * which the 告知书 offers a hearing, the working days the party has to ask, the working days of notice before the
 * hearing (both working days by 行政处罚法 §85: official calendar, holidays out, make-up working weekends in), and
 * whether the hearing's (calendar) days are left out of the 90-day decision limit. PUT replaces all of them at once.
 */
export const enforcementSettings = z
  .object({
    hearingThreshold: z
      .object({
        natural_person: z.number().int().min(1).max(100_000_000),
        organisation: z.number().int().min(1).max(100_000_000),
      })
      .strict(),
    hearingRequestDays: z
      .number()
      .int()
      .min(1)
      .max(30)
      .describe(
        '要求听证期限：告知后的工作日数（行政处罚法第八十五条） / Working days after the notice to request a hearing (行政处罚法 §85)',
      ),
    hearingNoticeDays: z
      .number()
      .int()
      .min(1)
      .max(30)
      .describe('听证通知提前的工作日数（行政处罚法第八十五条） / Working days of notice before the hearing (行政处罚法 §85)'),
    hearingExcludedFromDecisionLimit: z
      .boolean()
      .describe('听证时间（自然日）不计入90日办案期限 / Hearing time (calendar days) not counted in the 90-day decision limit'),
  })
  .strict();
export type EnforcementSettings = z.infer<typeof enforcementSettings>;
export const putEnforcementSettingsBody = enforcementSettings;
export type PutEnforcementSettingsBody = EnforcementSettings;
/** The settings in force, and the documented defaults beside them for the form. */
export const enforcementSettingsView = enforcementSettings.extend({ defaults: enforcementSettings });
export type EnforcementSettingsView = z.infer<typeof enforcementSettingsView>;
