// Hidden-danger statistics (supervision side), the enterprise's 令16号 quarterly/annual report, and the code
// tables the web reads for its forms.
import { z } from 'zod';
import { safeString } from '../input';
import { areaCode, yearMonth } from './common';
import { hazardStateKeys } from './hazards';

const bilingual = z.object({ zh: safeString(), en: safeString() });

export const hazardStatsGroups = ['area', 'sector', 'source', 'grade'] as const;
export type HazardStatsGroup = (typeof hazardStatsGroups)[number];

export const hazardStatsQuery = z
  .object({
    groupBy: z.enum(hazardStatsGroups).default('area'),
    /** Statistics of this area and below (intersected with the caller's own jurisdiction). */
    areaCode: areaCode.optional(),
    /** Months found, 'YYYY-MM', inclusive. */
    from: yearMonth.optional(),
    to: yearMonth.optional(),
  })
  .strict();
export type HazardStatsQuery = z.infer<typeof hazardStatsQuery>;

export const hazardStatsRow = z.object({
  key: safeString(),
  label: bilingual,
  /** Hidden dangers found in the period. */
  found: z.number().int(),
  /** Of those, closed (销号) by now. */
  rectified: z.number().int(),
  /** rectified / found; null when nothing was found. */
  rectificationRate: z.number().nullable(),
  /** Of those, open and past their deadline today. */
  overdue: z.number().int(),
  /** Of those closed, rectified after the deadline. */
  closedLate: z.number().int(),
  averageDaysToClose: z.number().nullable(),
  selfReported: z.number().int(),
  /** 自查自报率: found by the enterprise's own self-check / found. */
  selfReportShare: z.number().nullable(),
  major: z.number().int(),
});
export type HazardStatsRow = z.infer<typeof hazardStatsRow>;

export const hazardStats = z.object({
  groupBy: z.enum(hazardStatsGroups),
  from: safeString().nullable(),
  to: safeString().nullable(),
  rows: z.array(hazardStatsRow),
  total: hazardStatsRow,
});
export type HazardStats = z.infer<typeof hazardStats>;

/** '2026Q3' for a quarter, '2026' for a year. */
export const hazardReportQuery = z.object({ period: safeString().regex(/^\d{4}(Q[1-4])?$/, { error: 'date.format' }) }).strict();

export const hazardReport = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: safeString(),
  period: z.object({ kind: z.enum(['quarter', 'year']), label: safeString(), from: safeString(), to: safeString() }),
  /** 令16号: quarter reports by the 15th of the next month, the annual one by 31 January. */
  due: safeString(),
  found: z.number().int(),
  foundByGrade: z.record(safeString(), z.number().int()),
  foundBySource: z.record(safeString(), z.number().int()),
  foundByCategory: z.record(safeString(), z.number().int()),
  closedInPeriod: z.number().int(),
  openAtEnd: z.number().int(),
  overdueAtEnd: z.number().int(),
  rectificationRate: z.number().nullable(),
  majorHazards: z.array(
    z.object({ id: z.uuid(), number: safeString(), description: safeString(), state: z.enum(hazardStateKeys), listed: z.boolean() }),
  ),
  generatedAt: safeString(),
});
export type HazardReport = z.infer<typeof hazardReport>;

const option = z.object({ value: safeString(), label: bilingual });

export const hazardMetaQuery = z.object({ enterpriseId: z.uuid().optional() }).strict();
export const hazardMeta = z.object({
  sources: z.array(option.extend({ finder: z.enum(['enterprise', 'regulator']) })),
  categories: z.array(option),
  grades: z.array(option.extend({ definition: bilingual })),
  states: z.array(option),
  actions: z.array(option.extend({ evidence: z.array(safeString()), majorEvidence: z.array(safeString()) })),
  evidenceFields: z.array(option),
  treatmentPlanParts: z.array(option),
  implementations: z.array(option),
  accidentTypes: z.array(option),
  /** 令10号 items that apply to the given enterprise (placeholders carry no text). */
  majorItems: z.array(z.object({ id: safeString(), label: bilingual, text: safeString().nullable() })),
});
export type HazardMeta = z.infer<typeof hazardMeta>;
