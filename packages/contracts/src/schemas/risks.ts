// Risk graded control (安全风险分级管控): analysis units, risk events with their LEC or LS-matrix assessment,
// control measures, the deployment's band settings, and the district's four-colour views.
// The value tables and band rules live on the server (reference/risk); the web reads them from
// GET /api/risks/reference, so they are written once.
import { z } from 'zod';
import { safeString } from '../input';
import type { Bilingual } from '../errors';
import { phone } from './common';

/** Same keys, same order (most severe first) as server/src/reference/risk/levels.ts `riskLevels`. */
export const riskLevelKeys = ['major', 'significant', 'general', 'low'] as const;
export type RiskLevelKey = (typeof riskLevelKeys)[number];
export type RiskColourKey = 'red' | 'orange' | 'yellow' | 'blue';

/** 风险点 kinds: 场所/区域, 设备设施, 岗位, 作业活动. */
export const riskUnitKinds = ['site', 'facility', 'post', 'activity'] as const;
export type RiskUnitKind = (typeof riskUnitKinds)[number];
export const riskUnitKindLabels: Record<RiskUnitKind, Bilingual> = {
  site: { zh: '场所/区域', en: 'Site / area' },
  facility: { zh: '设备设施', en: 'Equipment / facility' },
  post: { zh: '岗位', en: 'Post' },
  activity: { zh: '作业活动', en: 'Work activity' },
};

/** 管控措施 types: 工程技术, 管理, 培训教育, 个体防护, 应急处置. */
export const measureTypes = ['engineering', 'management', 'training', 'ppe', 'emergency'] as const;
export type MeasureType = (typeof measureTypes)[number];
export const measureTypeLabels: Record<MeasureType, Bilingual> = {
  engineering: { zh: '工程技术措施', en: 'Engineering control' },
  management: { zh: '管理措施', en: 'Management control' },
  training: { zh: '培训教育措施', en: 'Training' },
  ppe: { zh: '个体防护措施', en: 'Personal protective equipment' },
  emergency: { zh: '应急处置措施', en: 'Emergency response' },
};

/** 管控层级: 公司, 部门(车间), 班组, 岗位. */
export const responsibleLevels = ['company', 'department', 'team', 'post'] as const;
export type ResponsibleLevel = (typeof responsibleLevels)[number];
export const responsibleLevelLabels: Record<ResponsibleLevel, Bilingual> = {
  company: { zh: '公司级', en: 'Company' },
  department: { zh: '部门(车间)级', en: 'Department (workshop)' },
  team: { zh: '班组级', en: 'Team' },
  post: { zh: '岗位级', en: 'Post' },
};

export const checkFrequencies = ['daily', 'weekly', 'monthly'] as const;
export type CheckFrequency = (typeof checkFrequencies)[number];
export const checkFrequencyLabels: Record<CheckFrequency, Bilingual> = {
  daily: { zh: '每日', en: 'Daily' },
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
};

export const riskEventStatuses = ['open', 'closed'] as const;
export type RiskEventStatus = (typeof riskEventStatuses)[number];
export const riskEventStatusLabels: Record<RiskEventStatus, Bilingual> = {
  open: { zh: '管控中', en: 'Under control' },
  closed: { zh: '已消除', en: 'Eliminated' },
};

export const accidentTypeSchemes = ['GB6441-1986', 'GB6441-2025'] as const;

const text = (max: number) => safeString().trim().min(1).max(max);
const version = z.number().int().min(1);

// ---- Assessment ---------------------------------------------------------------------------------------------

/** Only the shape here: whether L, E, C lie in the LEC tables is checked by the server, which names the allowed values. */
export const assessmentInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('lec'), l: z.number(), e: z.number(), c: z.number() }).strict(),
  z.object({ method: z.literal('matrix'), l: z.number(), s: z.number() }).strict(),
]);
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const assessment = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('lec'),
    l: z.number(),
    e: z.number(),
    c: z.number(),
    d: z.number(),
    dangerDegree: safeString(),
    configId: safeString(),
  }),
  z.object({ method: z.literal('matrix'), l: z.number(), s: z.number(), r: z.number(), configId: safeString() }),
]);
export type Assessment = z.infer<typeof assessment>;

export const accidentTypeRef = z.object({ scheme: z.enum(accidentTypeSchemes), code: safeString().trim().min(1).max(8) }).strict();

// ---- Records ------------------------------------------------------------------------------------------------

const levelCounts = z.object({
  major: z.number().int(),
  significant: z.number().int(),
  general: z.number().int(),
  low: z.number().int(),
  /** Open events not assessed yet. */
  unassessed: z.number().int(),
});
export type LevelCounts = z.infer<typeof levelCounts>;

export const riskUnit = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  name: safeString(),
  kind: z.enum(riskUnitKinds),
  location: safeString().nullable(),
  description: safeString().nullable(),
  emergencyPhone: safeString().nullable(),
  /** Highest level among the unit's open events; null when none is assessed. */
  level: z.enum(riskLevelKeys).nullable(),
  counts: levelCounts,
  createdAt: safeString(),
  updatedAt: safeString(),
  version: z.number().int(),
  abilities: z.array(z.enum(['update', 'delete', 'addEvent', 'card'])),
});
export type RiskUnit = z.infer<typeof riskUnit>;

export const riskMeasure = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  type: z.enum(measureTypes),
  description: safeString(),
  responsibleLevel: z.enum(responsibleLevels),
  responsiblePerson: safeString().nullable(),
  version: z.number().int(),
  abilities: z.array(z.enum(['update', 'delete'])),
});
export type RiskMeasure = z.infer<typeof riskMeasure>;

export const riskEvent = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: safeString(),
  enterpriseId: z.uuid(),
  name: safeString(),
  hazardFactors: safeString().nullable(),
  consequences: safeString().nullable(),
  accidentType: z.object({ scheme: z.enum(accidentTypeSchemes), code: safeString(), label: safeString() }).nullable(),
  assessment: assessment.nullable(),
  level: z.enum(riskLevelKeys).nullable(),
  colour: z.enum(['red', 'orange', 'yellow', 'blue']).nullable(),
  status: z.enum(riskEventStatuses),
  closedReason: safeString().nullable(),
  assessedAt: safeString().nullable(),
  measures: z.array(riskMeasure),
  version: z.number().int(),
  abilities: z.array(z.enum(['update', 'assess', 'close', 'reopen', 'delete', 'addMeasure'])),
});
export type RiskEvent = z.infer<typeof riskEvent>;

export const riskUnitDetail = riskUnit.extend({ enterpriseName: safeString(), events: z.array(riskEvent) });
export type RiskUnitDetail = z.infer<typeof riskUnitDetail>;

// ---- Bodies -------------------------------------------------------------------------------------------------

export const createRiskUnitBody = z
  .object({
    name: text(100),
    kind: z.enum(riskUnitKinds),
    location: text(200).nullable().optional(),
    description: text(1000).nullable().optional(),
    emergencyPhone: phone.nullable().optional(),
  })
  .strict();
export type CreateRiskUnitBody = z.infer<typeof createRiskUnitBody>;
export const updateRiskUnitBody = createRiskUnitBody.partial().extend({ version }).strict();
export type UpdateRiskUnitBody = z.infer<typeof updateRiskUnitBody>;

export const createRiskEventBody = z
  .object({
    name: text(200),
    hazardFactors: text(1000).nullable().optional(),
    consequences: text(1000).nullable().optional(),
    accidentType: accidentTypeRef.nullable().optional(),
    assessment: assessmentInput.nullable().optional(),
  })
  .strict();
export type CreateRiskEventBody = z.infer<typeof createRiskEventBody>;
export const updateRiskEventBody = createRiskEventBody.partial().extend({ version }).strict();
export type UpdateRiskEventBody = z.infer<typeof updateRiskEventBody>;

export const closeRiskEventBody = z.object({ version, reason: text(500) }).strict();
export const versionBody = z.object({ version }).strict();

export const createMeasureBody = z
  .object({
    type: z.enum(measureTypes),
    description: text(1000),
    /** Defaults from the event's level (重大 → company, 较大 → company, 一般 → department, 低 → team). */
    responsibleLevel: z.enum(responsibleLevels).optional(),
    responsiblePerson: text(50).nullable().optional(),
  })
  .strict();
export type CreateMeasureBody = z.infer<typeof createMeasureBody>;
export const updateMeasureBody = createMeasureBody.partial().extend({ version }).strict();
export type UpdateMeasureBody = z.infer<typeof updateMeasureBody>;

// ---- Settings and reference ---------------------------------------------------------------------------------

const lecEdge = z.object({ value: z.number(), onEdge: z.enum(['lower', 'upper']) });
const matrixBand = z.object({ level: z.enum(riskLevelKeys), min: z.number().int(), max: z.number().int() });
const frequencies = z.object({
  company: z.enum(checkFrequencies),
  department: z.enum(checkFrequencies),
  team: z.enum(checkFrequencies),
  post: z.enum(checkFrequencies),
});

export const riskSettings = z.object({
  lec: z.object({
    id: safeString(),
    edges: z.array(lecEdge),
    levelByDegree: z.record(safeString(), z.enum(riskLevelKeys)),
  }),
  matrix: z.object({
    id: safeString(),
    name: z.object({ zh: safeString(), en: safeString() }),
    source: safeString(),
    bands: z.array(matrixBand),
  }),
  frequencies,
  /** Daily tasks only on official working days (chinese-days calendar). */
  dailyOnWorkdaysOnly: z.boolean(),
});
export type RiskSettings = z.infer<typeof riskSettings>;

export const updateRiskSettingsBody = z
  .object({
    lecConfigId: safeString().max(40).optional(),
    matrixPresetId: safeString().max(40).optional(),
    /** Custom bands (validated for full, monotone coverage) instead of a preset. */
    matrixBands: z.array(matrixBand).max(10).optional(),
    frequencies: frequencies.optional(),
    dailyOnWorkdaysOnly: z.boolean().optional(),
  })
  .strict();
export type UpdateRiskSettingsBody = z.infer<typeof updateRiskSettingsBody>;

const option = z.object({ value: z.union([z.number(), safeString()]), label: z.object({ zh: safeString(), en: safeString() }) });

export const riskReference = z.object({
  levels: z.array(
    z.object({
      key: z.enum(riskLevelKeys),
      label: z.object({ zh: safeString(), en: safeString() }),
      colour: z.enum(['red', 'orange', 'yellow', 'blue']),
    }),
  ),
  lecTables: z.object({ l: z.array(option), e: z.array(option), c: z.array(option) }),
  lecPresets: z.array(z.object({ id: safeString(), label: z.object({ zh: safeString(), en: safeString() }) })),
  dangerDegreeLabels: z.record(safeString(), z.object({ zh: safeString(), en: safeString() })),
  matrixPresets: z.array(riskSettings.shape.matrix),
  accidentTypes: z.object({
    current: z.enum(accidentTypeSchemes),
    schemes: z.record(safeString(), z.array(option)),
  }),
  settings: riskSettings,
});
export type RiskReference = z.infer<typeof riskReference>;

// ---- District views -----------------------------------------------------------------------------------------

export const riskDistributionQuery = z
  .object({
    groupBy: z.enum(['area', 'sector']).default('area'),
    areaCode: z
      .string()
      .regex(/^\d{2,15}$/)
      .optional(),
  })
  .strict();
export type RiskDistributionQuery = z.infer<typeof riskDistributionQuery>;

const colourCounts = z.object({
  major: z.number().int(),
  significant: z.number().int(),
  general: z.number().int(),
  low: z.number().int(),
  /** Enterprises with no assessed open risk (no register yet, or nothing assessed). */
  none: z.number().int(),
});

export const riskDistribution = z.object({
  groupBy: z.enum(['area', 'sector']),
  groups: z.array(
    z.object({
      key: safeString(),
      name: safeString(),
      /** Enterprises by overall colour. */
      enterprises: colourCounts,
      /** Open assessed risk events by level. */
      events: colourCounts.omit({ none: true }),
    }),
  ),
});
export type RiskDistribution = z.infer<typeof riskDistribution>;

export const mapColoursQuery = z
  .object({
    /** minLng,minLat,maxLng,maxLat (WGS-84). */
    bbox: z
      .string()
      .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(20000).default(5000),
  })
  .strict();

export const mapColours = z.object({
  items: z.array(
    z.object({
      enterpriseId: z.uuid(),
      name: safeString(),
      longitude: z.number(),
      latitude: z.number(),
      level: z.enum(riskLevelKeys).nullable(),
      colour: z.enum(['red', 'orange', 'yellow', 'blue']).nullable(),
    }),
  ),
  truncated: z.boolean(),
});
export type MapColours = z.infer<typeof mapColours>;
