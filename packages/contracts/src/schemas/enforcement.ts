// Enforcement (执法): 双随机 draws, inspections, documents and penalty cases — request and response shapes.
import { z } from 'zod';
import { isoDate, pageQuery } from './common';
import { hazardCategoryKeys, hazardGradeKeys } from './hazards';

const text = (max: number) => z.string().trim().min(1).max(max);

export const weightTableInput = z
  .object({
    base: z.number().min(0.01).max(100),
    openMajorHazard: z.number().min(0).max(100),
    redRisk: z.number().min(0).max(100),
    orangeRisk: z.number().min(0).max(100),
    recentAccident: z.number().min(0).max(100),
    recentPenalty: z.number().min(0).max(100),
    neverInspected: z.number().min(0).max(100),
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
  enterpriseId: z.string(),
  name: z.string(),
  areaCode: z.string(),
  weight: z.number(),
  key: z.number(),
  inspectorIds: z.array(z.string()),
  inspectorNames: z.array(z.string()),
  short: z.boolean(),
});

export const drawSchema = z.object({
  id: z.string(),
  title: z.string(),
  orgName: z.string().nullable(),
  areaCode: z.string(),
  seed: z.string(),
  filter: z.record(z.string(), z.unknown()),
  weightTable: weightTableInput,
  k: z.number(),
  poolCount: z.number(),
  poolWeightTotal: z.number(),
  poolChecksum: z.string(),
  result: z.array(drawResultItem),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.array(z.string()),
});
export type Draw = z.infer<typeof drawSchema>;

export const drawVerification = z.object({
  matches: z.boolean(),
  poolUnchanged: z.boolean(),
  recomputed: z.array(z.string()),
  recorded: z.array(z.string()),
});

export const publicDrawSchema = z.object({
  id: z.string(),
  title: z.string(),
  orgName: z.string().nullable(),
  seed: z.string(),
  weightTable: weightTableInput,
  poolCount: z.number(),
  poolChecksum: z.string(),
  publishedAt: z.string().nullable(),
  result: z.array(z.object({ name: z.string(), inspectors: z.array(z.string()) })),
});

// Inspections ---------------------------------------------------------------------------------------------------

export const inspectionKinds = ['planned', 'drawn', 'complaint', 'joint'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const createInspectionBody = z
  .object({
    enterpriseId: z.uuid(),
    kind: z.enum(inspectionKinds),
    unannounced: z.boolean().default(false),
    departments: z.array(text(100)).max(20).default([]),
    inspectorIds: z.array(z.uuid()).max(10).default([]),
    plannedOn: isoDate,
  })
  .strict();

export const inspectionListQuery = z
  .object({
    ...pageQuery,
    state: z.enum(['planned', 'done']).optional(),
    enterpriseId: z.uuid().optional(),
    kind: z.enum(inspectionKinds).optional(),
  })
  .strict();

export const checklistItemInput = z
  .object({ item: text(500), result: z.enum(['pass', 'fail', 'na']), note: z.string().max(1000).optional() })
  .strict();

export const findingInput = z
  .object({
    description: z.string().trim().min(2).max(2000),
    location: z.string().max(200).optional(),
    grade: z.enum(hazardGradeKeys),
    category: z.enum(hazardCategoryKeys),
    basisId: z.string().max(64).optional(),
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
    summary: z.string().max(4000).optional(),
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
  })
  .strict();

// Documents -----------------------------------------------------------------------------------------------------

export const documentKinds = ['site_record', 'rectification_order', 'reinspection_opinion', 'penalty_notice', 'penalty_decision'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  number: z.string(),
  issuedOn: z.string(),
  inspectionId: z.string().nullable(),
  caseId: z.string().nullable(),
});
