// Accidents (生产安全事故): registry, reports, casualty revisions, investigation, follow-up duties,
// analysis. The key lists mirror server/src/reference/accidents (a server test keeps them equal);
// their bilingual labels come from the server (GET /api/accidents/code-tables), so the label text
// lives once, next to the rule it belongs to.
import { z } from 'zod';
import { safeString, timestamp } from '../input';
import type { Bilingual } from '../errors';
import { sectors } from '../sectors';
import { areaCode, isoDate, pageQuery } from './common';

export const accidentCategories = [
  'industry_mining_commerce',
  'road_traffic',
  'fire',
  'water_traffic',
  'fishing_vessel',
  'agricultural_machinery',
  'other',
] as const;
export type AccidentCategoryKey = (typeof accidentCategories)[number];
export const accidentLevels = ['especially_major', 'major', 'larger', 'general'] as const;
export type AccidentLevelKey = (typeof accidentLevels)[number];
export const reportingTiers = ['county', 'city', 'province', 'state_council'] as const;
export type ReportingTierKey = (typeof reportingTiers)[number];
export const accidentTypeSchemeKeys = ['GB6441-1986', 'GB6441-2025'] as const;
export const timelinessValues = ['on_time', 'late', 'missing', 'pending'] as const;
export const followUpDutyKeys = [
  'interview_principal',
  'principal_retraining',
  'warning_education',
  'credit_blacklist_review',
  'double_investigation',
] as const;

/**
 * Direct-cause category (直接原因) for analysis: GB 6441-86 附录A splits direct causes into 人的不安全行为
 * and 物的不安全状态; 管理缺陷 is its main indirect cause. Set at registration, refined by the
 * investigation; 'undetermined' until then.
 */
export const causeCategories = ['unsafe_act', 'unsafe_condition', 'management', 'environment', 'undetermined'] as const;
export type CauseCategory = (typeof causeCategories)[number];
export const causeCategoryLabels: Record<CauseCategory, Bilingual> = {
  unsafe_act: { zh: '人的不安全行为', en: 'Unsafe act' },
  unsafe_condition: { zh: '物的不安全状态', en: 'Unsafe condition' },
  management: { zh: '管理缺陷', en: 'Management deficiency' },
  environment: { zh: '环境因素', en: 'Environment' },
  undetermined: { zh: '待查明', en: 'Not yet determined' },
};

const count = z.number().int().min(0).max(100_000);
/** 万元 (10,000 yuan), stored to 4 decimals (1 yuan). */
const lossWan = z.number().min(0).max(100_000_000);
const instant = timestamp();

export const casualtyFields = {
  deaths: count,
  missing: count,
  /** 重伤, including 急性工业中毒 (493号 第三条). */
  seriousInjuries: count,
  minorInjuries: count,
  directLossWan: lossWan,
};

export const gradePreviewBody = z
  .object({
    deaths: count,
    missing: count.default(0),
    seriousInjuries: count,
    directLossWan: lossWan.default(0),
    minorInjuries: count.optional(),
  })
  .strict();
export const gradePreview = z.object({
  level: z.enum(accidentLevels),
  reachedBy: z.array(z.enum(['deaths', 'seriousInjuries', 'directLoss'])),
});

export const createAccidentBody = z
  .object({
    occurredAt: instant,
    areaCode,
    address: safeString().trim().min(1).max(200),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    enterpriseId: z.uuid().nullable().optional(),
    /** The unit as reported, when it is not (yet) in the enterprise registry. */
    unitName: safeString().trim().max(100).nullable().optional(),
    /** Needed when there is no enterprise; taken from the enterprise otherwise. */
    sector: z.enum(sectors).nullable().optional(),
    category: z.enum(accidentCategories),
    /** Defaults to the scheme in force on the accident day. */
    typeScheme: z.enum(accidentTypeSchemeKeys).optional(),
    typeCode: safeString().trim().min(2).max(4),
    causeCategory: z.enum(causeCategories).default('undetermined'),
    ...casualtyFields,
    description: safeString().trim().max(4000).nullable().optional(),
    /** When the unit head learned of it (493号 第九条 starts the hour there). */
    headInformedAt: instant.nullable().optional(),
    /** When the unit's report reached the county department: the county tier's receipt. */
    unitReportedAt: instant.nullable().optional(),
  })
  .strict();
export type CreateAccidentBody = z.infer<typeof createAccidentBody>;

export const updateAccidentBody = z
  .object({
    version: z.number().int(),
    occurredAt: instant.optional(),
    areaCode: areaCode.optional(),
    address: safeString().trim().min(1).max(200).optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    enterpriseId: z.uuid().nullable().optional(),
    unitName: safeString().trim().max(100).nullable().optional(),
    sector: z.enum(sectors).nullable().optional(),
    category: z.enum(accidentCategories).optional(),
    typeScheme: z.enum(accidentTypeSchemeKeys).optional(),
    typeCode: safeString().trim().min(2).max(4).optional(),
    causeCategory: z.enum(causeCategories).optional(),
    deaths: count.optional(),
    missing: count.optional(),
    seriousInjuries: count.optional(),
    minorInjuries: count.optional(),
    directLossWan: lossWan.optional(),
    /** When the casualties changed (say, an injured worker died); 493号 第十三条 asks about this moment. */
    casualtiesChangedAt: instant.optional(),
    changeNote: safeString().trim().max(500).optional(),
    description: safeString().trim().max(4000).nullable().optional(),
    headInformedAt: instant.nullable().optional(),
  })
  .strict();

export const accidentListQuery = z
  .object({
    year: z.coerce.number().int().min(1949).max(2100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    areaCode: areaCode.optional(),
    category: z.enum(accidentCategories).optional(),
    level: z.enum(accidentLevels).optional(),
    enterpriseId: z.uuid().optional(),
    q: safeString().trim().max(64).optional(),
    ...pageQuery,
  })
  .strict();
export type AccidentListQuery = z.infer<typeof accidentListQuery>;

export const tierReport = z.object({
  tier: z.enum(reportingTiers),
  due: safeString(),
  receivedAt: safeString().nullable(),
  timeliness: z.enum(timelinessValues),
  note: safeString().nullable(),
});

export const accidentSummary = z.object({
  id: z.uuid(),
  occurredAt: safeString(),
  areaCode: safeString(),
  areaName: safeString().nullable(),
  address: safeString(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: safeString().nullable(),
  unitName: safeString().nullable(),
  sector: z.enum(sectors).nullable(),
  category: z.enum(accidentCategories),
  typeScheme: z.enum(accidentTypeSchemeKeys),
  typeCode: safeString(),
  deaths: z.number().int(),
  missing: z.number().int(),
  seriousInjuries: z.number().int(),
  minorInjuries: z.number().int(),
  directLossWan: z.number(),
  level: z.enum(accidentLevels),
  /** Worst timeliness over the reporting chain, derived at read time. */
  reporting: z.enum(timelinessValues),
  version: z.number().int(),
  abilities: z.array(safeString()),
});
export type AccidentSummary = z.infer<typeof accidentSummary>;

export const followUp = z.object({
  id: z.uuid(),
  duty: z.enum(followUpDutyKeys),
  due: safeString(),
  conductedBy: z.enum(['city', 'county']).nullable(),
  listingMandatory: z.boolean().nullable(),
  source: safeString(),
  doneAt: safeString().nullable(),
  doneByName: safeString().nullable(),
  evidenceNote: safeString().nullable(),
  /** Derived: not done and past its due day (China time). */
  overdue: z.boolean(),
  abilities: z.array(safeString()),
});
export type FollowUp = z.infer<typeof followUp>;

export const accidentDetail = accidentSummary.extend({
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  parkId: z.uuid().nullable(),
  causeCategory: z.enum(causeCategories),
  levelReachedBy: z.array(safeString()),
  description: safeString().nullable(),
  headInformedAt: safeString().nullable(),
  reports: z.array(tierReport),
  /** Last China day on which casualty changes may still change the level (493号 第十三条). */
  supplementaryWindowLastDay: safeString(),
  canRegrade: z.boolean(),
  followUps: z.array(followUp),
  createdAt: safeString(),
  updatedAt: safeString(),
});
export type AccidentDetail = z.infer<typeof accidentDetail>;

export const recordReportBody = z
  .object({ tier: z.enum(reportingTiers), receivedAt: instant, note: safeString().trim().max(500).nullable().optional() })
  .strict();

export const completeFollowUpBody = z.object({ evidenceNote: safeString().trim().min(1).max(2000), doneAt: isoDate.optional() }).strict();
export const followUpParams = z.object({ id: z.uuid(), dutyId: z.uuid() }).strict();

export const timelineEntry = z.object({
  at: safeString(),
  kind: z.enum(['occurred', 'head_informed', 'registered', 'report', 'revision', 'investigation', 'follow_up_done', 'deadline']),
  /** What happened, as structured data; the web app words it in the user's language. */
  data: z.record(safeString(), z.unknown()),
});
export const timeline = z.object({ items: z.array(timelineEntry) });
export type TimelineEntry = z.infer<typeof timelineEntry>;
