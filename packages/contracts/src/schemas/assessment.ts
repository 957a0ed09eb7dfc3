// 年度考核: a scheme per year and area (indicators with weight, source, scoring rule; vetoes), versioned and editable
// until frozen; one score sheet per assessed unit (street, department, park) with the calculation line by line,
// objections and adjustments through the sheet's machine, the final ranking and its .xlsx export.
import { z } from 'zod';
import { safeString } from '../input';
import { pageQuery } from './common';
import { versionBody } from './risks';

const text = (max: number) => safeString().trim().min(1).max(max);
const points = z.number().min(0).max(100);

export const schemeStatuses = ['draft', 'frozen'] as const;
export type SchemeStatus = (typeof schemeStatuses)[number];
export const sheetStatuses = ['draft', 'published', 'objection', 'adjusted', 'final'] as const;
export type SheetStatus = (typeof sheetStatuses)[number];
export const sheetActions = ['publish', 'object', 'adjust', 'finalize'] as const;
export type SheetAction = (typeof sheetActions)[number];

/** Where an indicator's value comes from: computed from the platform's own records, or entered with evidence. */
export const indicatorSources = [
  'hazards_on_time',
  'workplan_reports_on_time',
  'accident_deaths_reduction',
  'accident_double_decline',
  'standardization_rate',
  'certificate_rate',
  'principal_training_rate',
  'inspections_vs_plan',
  'entered',
] as const;
export type IndicatorSource = (typeof indicatorSources)[number];
export const vetoKinds = ['larger_accident', 'concealment'] as const;
export type VetoKind = (typeof vetoKinds)[number];

export const indicatorSourceLabels: Record<IndicatorSource, { zh: string; en: string }> = {
  hazards_on_time: { zh: '隐患按期整改率（隐患模块）', en: 'Hidden dangers rectified on time (hazards)' },
  workplan_reports_on_time: { zh: '工作进展按时报送率（工作督办）', en: 'Work-plan reports on time (work plans)' },
  accident_deaths_reduction: { zh: '事故死亡人数较上年下降（事故）', en: 'Accident deaths down on last year (accidents)' },
  accident_double_decline: { zh: '事故起数、死亡人数“双下降”（事故）', en: 'Accidents and deaths both down (accidents)' },
  standardization_rate: { zh: '规上企业标准化达标率（标准化）', en: 'Above-scale enterprises standardized (standardization)' },
  certificate_rate: { zh: '三项岗位人员持证率（人员持证）', en: 'Post holders certified (people)' },
  principal_training_rate: { zh: '主要负责人年度培训率（培训）', en: 'Principals trained this year (training)' },
  inspections_vs_plan: { zh: '执法检查计划完成率（执法计划）', en: 'Inspections done against the plan (enforcement plans)' },
  entered: { zh: '填报（附佐证）', en: 'Entered with evidence' },
};
export const sheetStatusLabels: Record<SheetStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已公布', en: 'Published' },
  objection: { zh: '有异议', en: 'Objection raised' },
  adjusted: { zh: '已调整', en: 'Adjusted' },
  final: { zh: '已定档', en: 'Final' },
};
export const sheetActionLabels: Record<SheetAction, { zh: string; en: string }> = {
  publish: { zh: '公布', en: 'Publish' },
  object: { zh: '提出异议', en: 'Raise objection' },
  adjust: { zh: '调整', en: 'Adjust' },
  finalize: { zh: '定档', en: 'Finalize' },
};
export const vetoLabels: Record<VetoKind, { zh: string; en: string }> = {
  larger_accident: { zh: '发生较大及以上生产安全事故', en: 'A larger (较大) or worse accident' },
  concealment: { zh: '瞒报、谎报事故', en: 'Concealing or falsely reporting an accident' },
};

/** Scoring rules as data (assessment.rules.ts evaluates them). Rates are percentages 0–100. */
export const scoringRule = z.discriminatedUnion('kind', [
  /** Points in proportion to the rate reached, full at the target. */
  z.object({ kind: z.literal('linear'), target: z.number().min(0).max(100) }).strict(),
  /** Huiji 003: full points at the target, `deduct` points off per whole `step` percentage points short. */
  z
    .object({ kind: z.literal('step_short'), target: z.number().min(0).max(100), step: z.number().min(0.01).max(100), deduct: points })
    .strict(),
  /** Bands: the share of the weight given from each minimum rate up. */
  z
    .object({
      kind: z.literal('thresholds'),
      bands: z
        .array(z.object({ min: z.number().min(0).max(100), share: z.number().min(0).max(1) }).strict())
        .min(1)
        .max(10),
    })
    .strict(),
  /** Liangping 004: full points when this year's count is at least `reductionPct` % below last year's, else none. */
  z.object({ kind: z.literal('count_reduction'), reductionPct: z.number().min(0).max(100) }).strict(),
  /** Shanwei 001 双下降: full points when both accidents and deaths are below last year's, else none. */
  z.object({ kind: z.literal('double_decline') }).strict(),
]);
export type ScoringRule = z.infer<typeof scoringRule>;

export const indicatorDef = z
  .object({
    key: safeString().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'indicator.key' }),
    name: text(100),
    weight: z.number().min(0.5).max(100),
    source: z.enum(indicatorSources),
    rule: scoringRule,
  })
  .strict();
export type IndicatorDef = z.infer<typeof indicatorDef>;

export const createSchemeBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: text(200),
    indicators: z.array(indicatorDef).min(1).max(40),
    vetoes: z.array(z.enum(vetoKinds)).max(vetoKinds.length).default([]),
    unitOrgIds: z.array(z.uuid()).min(1).max(500),
  })
  .strict();
export type CreateSchemeBody = z.infer<typeof createSchemeBody>;
export const updateSchemeBody = createSchemeBody
  .omit({ year: true })
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateSchemeBody = z.infer<typeof updateSchemeBody>;
/** A bare step on a record: the version as read (risks.ts' versionBody). */
export type VersionBody = z.infer<typeof versionBody>;
export const schemeListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), ...pageQuery }).strict();
export type SchemeListQuery = z.infer<typeof schemeListQuery>;

export const schemeView = z.object({
  id: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  title: z.string(),
  status: z.enum(schemeStatuses),
  indicators: z.array(indicatorDef),
  vetoes: z.array(z.enum(vetoKinds)),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  totalWeight: z.number(),
  sheets: z.number().int(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type SchemeView = z.infer<typeof schemeView>;
export const schemePage = z.object({ items: z.array(schemeView), total: z.number().int() });

/** One line of the calculation as the sheet shows it. */
export const scoreLine = z.object({
  key: z.string(),
  name: z.string(),
  source: z.enum(indicatorSources),
  weight: z.number(),
  /** The value the rule read (a rate in %, or this year's count), null when there is nothing to measure. */
  value: z.number().nullable(),
  /** How the value was obtained, e.g. "按期整改 45 / 发现 50" or the evidence of an entered value. */
  basis: z.string(),
  target: z.string(),
  rule: z.string(),
  points: z.number(),
});
export type ScoreLine = z.infer<typeof scoreLine>;
export const vetoLine = z.object({ kind: z.enum(vetoKinds), hit: z.boolean(), basis: z.string() });
export type VetoLine = z.infer<typeof vetoLine>;

export const sheetView = z.object({
  id: z.string(),
  schemeId: z.string(),
  year: z.number().int(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(sheetStatuses),
  lines: z.array(scoreLine),
  vetoes: z.array(vetoLine),
  vetoed: z.boolean(),
  computedTotal: z.number(),
  adjustment: z.number(),
  total: z.number(),
  rank: z.number().int().nullable(),
  objection: z.string().nullable(),
  adjustReason: z.string().nullable(),
  entered: z.record(z.string(), z.object({ value: z.number(), evidence: z.string() })),
  history: z.array(z.object({ action: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string(), at: z.string() })),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type SheetView = z.infer<typeof sheetView>;
export const sheetListQuery = z
  .object({ schemeId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), ...pageQuery })
  .strict();
export type SheetListQuery = z.infer<typeof sheetListQuery>;
export const sheetPage = z.object({ items: z.array(sheetView), total: z.number().int() });

export const enterValueBody = z
  .object({
    version: z.number().int().min(1),
    key: safeString().min(1).max(40),
    value: z.number().min(0).max(1_000_000),
    evidence: text(500),
  })
  .strict();
export type EnterValueBody = z.infer<typeof enterValueBody>;
export const sheetActBody = z
  .object({
    version: z.number().int().min(1),
    action: z.enum(sheetActions),
    reason: text(1000).optional(),
    /** Adjustment in points (signed), with `reason`. */
    adjustment: z.number().min(-100).max(100).optional(),
  })
  .strict();
export type SheetActBody = z.infer<typeof sheetActBody>;

export const rankingView = z.object({
  schemeId: z.string(),
  year: z.number().int(),
  title: z.string(),
  rule: z.string(),
  rows: z.array(
    z.object({
      rank: z.number().int().nullable(),
      sheetId: z.string(),
      orgName: z.string(),
      total: z.number(),
      vetoed: z.boolean(),
      status: z.enum(sheetStatuses),
    }),
  ),
});
export type RankingView = z.infer<typeof rankingView>;
