// Hidden dangers (事故隐患): request bodies, list query and response shapes of the hazards capability.
// The code lists below are the keys only; their meaning, labels and rules live in the server's reference data
// (server/src/reference/hazards), which a server test keeps identical to these lists. The web gets the labels
// from GET /api/hazards/meta, so they are written once.
import { z } from 'zod';
import { safeString } from '../input';
import { sectors } from '../sectors';
import { areaCode, isoDate, pageQuery } from './common';

export const hazardSourceKeys = [
  'enterprise_self_check',
  'government_inspection',
  'grid_patrol',
  'public_report',
  'joint_enforcement',
  'other',
] as const;
export const hazardCategoryKeys = ['unsafe_act', 'unsafe_condition', 'management_defect', 'environment'] as const;
export const hazardGradeKeys = ['general', 'major'] as const;
export const hazardStateKeys = ['reported', 'rectifying', 'awaiting_acceptance', 'closed'] as const;
export const hazardActionKeys = [
  'start_rectification',
  'extend_deadline',
  'submit_for_acceptance',
  'accept',
  'reject',
  'fix_on_the_spot',
] as const;
/** 挂牌督办 steps, beside the workflow actions; they never change the hazard's state. */
export const hazardListingActionKeys = ['list', 'report_progress', 'delist'] as const;
export const treatmentPlanPartKeys = [
  'goals_and_tasks',
  'methods_and_measures',
  'funds_and_materials',
  'organisation_and_personnel',
  'time_limit_and_requirements',
  'safety_measures_and_emergency_plan',
] as const;
export const implementationKeys = ['measures', 'funds', 'time_limit', 'responsible_person', 'emergency_plan'] as const;
export const deadlineUnits = ['calendar', 'workday'] as const;

export type HazardSourceKey = (typeof hazardSourceKeys)[number];
export type HazardGradeKey = (typeof hazardGradeKeys)[number];
export type HazardStateKey = (typeof hazardStateKeys)[number];
export type HazardActionKey = (typeof hazardActionKeys)[number];
export type HazardAbility = HazardActionKey | (typeof hazardListingActionKeys)[number];

const text = (max: number) => safeString().trim().min(1).max(max);
const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** 令16号 treatment plan of a major hidden danger; a part may be left empty while drafting. */
export const treatmentPlanInput = z.partialRecord(z.enum(treatmentPlanPartKeys), safeString().trim().max(4000).nullable());
/** 五落实: measures, funds, time limit, responsible person, emergency plan. */
export const implementationsInput = z.partialRecord(
  z.enum(implementationKeys),
  z.union([safeString().trim().max(2000), z.number()]).nullable(),
);

/** What the enterprise plans to do about it; the deadline itself is set by 下达整改 (start_rectification). */
export const rectificationPlanInput = z
  .object({
    responsiblePerson: text(64).nullable().optional(),
    measures: text(4000).nullable().optional(),
    /** 元 (yuan). */
    funds: z.number().min(0).max(100_000_000_000).nullable().optional(),
  })
  .strict();

/** The shortest description of a hidden danger, trimmed (the forms say so before the server refuses it). */
export const hazardDescriptionMinLength = 2;

export const reportHazardBody = z
  .object({
    enterpriseId: z.uuid(),
    source: z.enum(hazardSourceKeys),
    description: safeString().trim().min(hazardDescriptionMinLength).max(2000),
    location: text(200).nullable().optional(),
    category: z.enum(hazardCategoryKeys),
    /** Free text, or a GB 6441 key ('09' for 1986 高处坠落, 'P10' for 2025). */
    accidentType: text(64).nullable().optional(),
    grade: z.enum(hazardGradeKeys),
    /** A 令10号 item id such as 'MEM10-2023/5.11' (see GET /api/hazards/meta). */
    majorItemId: text(64).nullable().optional(),
    /** The day it was found (China date); today when omitted, never in the future. */
    foundOn: isoDate.optional(),
    rectification: rectificationPlanInput.optional(),
    implementations: implementationsInput.optional(),
    treatmentPlan: treatmentPlanInput.optional(),
    /** Files uploaded by the same caller (POST /api/hazards/attachments) and not yet attached elsewhere. */
    attachments: z.array(z.uuid()).max(20).optional(),
    /** Where it came from, e.g. { type: 'check_record', id } for a self-inspection check. */
    origin: z
      .object({ type: text(32), id: text(64) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type ReportHazardBody = z.infer<typeof reportHazardBody>;

/** Evidence for one workflow action; which fields are required is decided by the workflow. */
export const hazardEvidenceInput = z
  .object({
    /** A fixed last day, or a period counted from today in calendar or working days. */
    deadline: isoDate.optional(),
    deadlineDays: z.number().int().min(1).max(3650).optional(),
    deadlineUnit: z.enum(deadlineUnits).optional(),
    responsiblePerson: text(64).optional(),
    measures: text(4000).optional(),
    funds: z.number().min(0).max(100_000_000_000).optional(),
    newDeadline: isoDate.optional(),
    newDeadlineDays: z.number().int().min(1).max(3650).optional(),
    extensionReason: text(2000).optional(),
    rectificationRecord: text(4000).optional(),
    treatmentPlan: treatmentPlanInput.optional(),
    implementations: implementationsInput.optional(),
    /** 治理情况评估报告, needed when a 挂牌督办 hazard applies for review. */
    assessmentReport: text(4000).optional(),
    acceptanceOpinion: text(2000).optional(),
    rejectionReason: text(2000).optional(),
    onTheSpotRecord: text(2000).optional(),
  })
  .strict();

export const hazardActionParams = z.object({ id: z.uuid(), action: z.enum(hazardActionKeys) }).strict();
export const hazardActionBody = z
  .object({
    version: z.number().int().min(1),
    evidence: hazardEvidenceInput.default({}),
    attachments: z.array(z.uuid()).max(20).default([]),
  })
  .strict();
export type HazardActionBody = z.infer<typeof hazardActionBody>;

export const listHazardBody = z
  .object({
    version: z.number().int().min(1),
    documentNumber: text(64),
    requiredCompletionDate: isoDate,
    /** Ordered to stop production fully or partly while it is treated. */
    stopProduction: z.boolean().default(false),
    note: text(2000).optional(),
  })
  .strict();
export const listingProgressBody = z
  .object({ version: z.number().int().min(1), progress: text(4000), attachments: z.array(z.uuid()).max(20).default([]) })
  .strict();
export const delistHazardBody = z
  .object({ version: z.number().int().min(1), documentNumber: text(64).optional(), opinion: text(2000) })
  .strict();

/** 隐患等级调整: the regulator re-grades a hidden danger (一般 ↔ 重大) with its reason. */
export const regradeHazardBody = z
  .object({
    version: z.number().int().min(1),
    grade: z.enum(hazardGradeKeys),
    /** 令10号 item for a major grade, when one applies. */
    majorItemId: text(32).optional(),
    reason: text(2000),
  })
  .strict();

export const hazardListQuery = z
  .object({
    q: safeString().trim().min(1).max(64).optional(),
    areaCode: areaCode.optional(),
    sector: z.enum(sectors).optional(),
    grade: z.enum(hazardGradeKeys).optional(),
    source: z.enum(hazardSourceKeys).optional(),
    state: z.enum(hazardStateKeys).optional(),
    /** Not yet closed (未闭环): reported, being rectified or awaiting acceptance. */
    open: queryBool.optional(),
    overdue: queryBool.optional(),
    listed: queryBool.optional(),
    enterpriseId: z.uuid().optional(),
    ...pageQuery,
  })
  .strict();
export type HazardListQuery = z.infer<typeof hazardListQuery>;

export const hazardFile = z.object({
  id: z.uuid(),
  name: safeString(),
  mime: safeString(),
  size: z.number().int(),
  kind: z.enum(['photo', 'document']),
  url: safeString(),
  thumbnailUrl: safeString().nullable(),
});
export type HazardFile = z.infer<typeof hazardFile>;

export const hazardSummary = z.object({
  id: z.uuid(),
  number: safeString(),
  enterpriseId: z.uuid(),
  enterpriseName: safeString(),
  areaCode: safeString(),
  areaName: safeString().nullable(),
  sector: z.enum(sectors),
  source: z.enum(hazardSourceKeys),
  category: z.enum(hazardCategoryKeys),
  grade: z.enum(hazardGradeKeys),
  state: z.enum(hazardStateKeys),
  description: safeString(),
  location: safeString().nullable(),
  foundOn: safeString(),
  deadline: safeString().nullable(),
  /** Derived at read time from the deadline and today's China date; never stored. */
  overdue: z.boolean(),
  listed: z.boolean(),
  version: z.number().int(),
  abilities: z.array(safeString()),
});
export type HazardSummary = z.infer<typeof hazardSummary>;

export const hazardPage = z.object({
  items: z.array(hazardSummary),
  total: z.number().int(),
  /** Per state and overdue, for the same filters except state and overdue. */
  counts: z.record(safeString(), z.number().int()),
});

export const hazardEvent = z.object({
  id: z.number().int(),
  at: safeString(),
  actorName: safeString().nullable(),
  actorRole: safeString().nullable(),
  action: safeString(),
  fromState: z.enum(hazardStateKeys).nullable(),
  toState: z.enum(hazardStateKeys),
  evidence: z.record(safeString(), z.unknown()),
  attachments: z.array(hazardFile),
});

export const hazardListing = z.object({
  supervisingOrgId: z.uuid().nullable(),
  supervisingOrgName: safeString().nullable(),
  documentNumber: safeString(),
  listedOn: safeString(),
  requiredCompletionDate: safeString(),
  stopProduction: z.boolean(),
  reviewAppliedOn: safeString().nullable(),
  /** 令16号: the on-site review is due within 10 days of the application (resumptionReviewDue). */
  reviewDue: safeString().nullable(),
  reviewedOn: safeString().nullable(),
  delistedOn: safeString().nullable(),
  delistDocumentNumber: safeString().nullable(),
  status: z.enum(['listed', 'review_applied', 'reviewed', 'delisted']),
  /** Not closed after the required completion date. */
  overdue: z.boolean(),
  /** Review applied for and not done by its due date. */
  reviewOverdue: z.boolean(),
});

export const hazardDetail = hazardSummary.extend({
  accidentType: safeString().nullable(),
  accidentTypeLabel: z.object({ zh: safeString(), en: safeString() }).nullable(),
  majorItem: z
    .object({ id: safeString(), label: z.object({ zh: safeString(), en: safeString() }), text: safeString().nullable() })
    .nullable(),
  responsiblePerson: safeString().nullable(),
  measures: safeString().nullable(),
  funds: z.number().nullable(),
  deadlineDays: z.number().int().nullable(),
  deadlineUnit: z.enum(deadlineUnits).nullable(),
  implementations: z.record(safeString(), z.union([safeString(), z.number(), z.null()])),
  missingImplementations: z.array(safeString()),
  treatmentPlan: z.record(safeString(), safeString().nullable()),
  missingPlanParts: z.array(safeString()),
  acceptor: z.enum(['enterprise', 'regulator']),
  reportedByName: safeString().nullable(),
  reportedAt: safeString(),
  closedOn: safeString().nullable(),
  origin: z.object({ type: safeString(), id: safeString() }).nullable(),
  /** For each ability that is a workflow action: the evidence fields the server will insist on. */
  requiredEvidence: z.record(safeString(), z.array(safeString())),
  attachments: z.array(hazardFile),
  timeline: z.array(hazardEvent),
  listing: hazardListing.nullable(),
});
export type HazardDetail = z.infer<typeof hazardDetail>;

export const listedHazard = hazardSummary.extend({ listing: hazardListing });
export type ListedHazard = z.infer<typeof listedHazard>;
export const listedHazardQuery = z
  .object({ status: z.enum(['listed', 'review_applied', 'reviewed', 'delisted']).optional(), ...pageQuery })
  .strict();
export const listedHazardPage = z.object({ items: z.array(listedHazard), total: z.number().int() });
