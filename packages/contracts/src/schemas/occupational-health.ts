// Occupational health (职业健康), issue 16 item 6: per enterprise the hazard-factor declaration (申报) with its items,
// workplace detection (检测) reports with pass/fail per factor, exposed workers and their health checks, protective
// equipment issued and the classification grade (分类分级); the rates of seeds 002 and 004 per street and sector with
// their numerators and denominators, against configurable targets.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageOf, pageQuery } from './common';
import { sectors } from '../sectors';

const text = (max: number) => safeString().trim().min(1).max(max);
const version = z.number().int().min(1);

export const ohFactorCategories = ['dust', 'chemical', 'physical', 'radiation', 'biological', 'other'] as const;
export const ohFactorCategoryLabels: Record<(typeof ohFactorCategories)[number], { zh: string; en: string }> = {
  dust: { zh: '粉尘', en: 'Dust' },
  chemical: { zh: '化学因素', en: 'Chemical' },
  physical: { zh: '物理因素（噪声、高温等）', en: 'Physical (noise, heat …)' },
  radiation: { zh: '放射性因素', en: 'Radiation' },
  biological: { zh: '生物因素', en: 'Biological' },
  other: { zh: '其他', en: 'Other' },
};
/** 职业病危害风险分类 used for 分类分级监管: 严重 / 较重 / 一般. */
export const ohGrades = ['serious', 'heavier', 'general'] as const;
export type OhGrade = (typeof ohGrades)[number];
export const ohGradeLabels: Record<OhGrade, { zh: string; en: string }> = {
  serious: { zh: '职业病危害严重', en: 'Serious' },
  heavier: { zh: '职业病危害较重', en: 'Heavier' },
  general: { zh: '职业病危害一般', en: 'General' },
};
export const ohCheckKinds = ['pre_employment', 'periodic', 'leaving'] as const;
export type OhCheckKind = (typeof ohCheckKinds)[number];
export const ohCheckKindLabels: Record<OhCheckKind, { zh: string; en: string }> = {
  pre_employment: { zh: '上岗前', en: 'Pre-employment' },
  periodic: { zh: '在岗期间', en: 'Periodic' },
  leaving: { zh: '离岗时', en: 'On leaving' },
};
export const ohCheckResults = ['normal', 'other_abnormal', 'contraindication', 'suspected'] as const;
export const ohCheckResultLabels: Record<(typeof ohCheckResults)[number], { zh: string; en: string }> = {
  normal: { zh: '未见异常', en: 'Normal' },
  other_abnormal: { zh: '其他疾病或异常', en: 'Other abnormality' },
  contraindication: { zh: '职业禁忌证', en: 'Occupational contraindication' },
  suspected: { zh: '疑似职业病', en: 'Suspected occupational disease' },
};
export const ohIndicators = ['declaration', 'detection', 'ppe', 'grading', 'checkup'] as const;
export type OhIndicator = (typeof ohIndicators)[number];
export const ohIndicatorLabels: Record<OhIndicator, { zh: string; en: string }> = {
  declaration: { zh: '职业病危害申报率', en: 'Declaration rate' },
  detection: { zh: '工作场所危害因素检测率', en: 'Workplace detection rate' },
  ppe: { zh: '劳动防护用品发放率', en: 'Protective equipment rate' },
  grading: { zh: '分类分级监管率', en: 'Classification rate' },
  checkup: { zh: '在岗职业健康检查率', en: 'Periodic health-check rate' },
};

export const registerProfileBody = z.object({ enterpriseId: z.uuid() }).strict();

const declarationItem = z
  .object({ factor: text(60), category: z.enum(ohFactorCategories), exposed: z.number().int().min(0).max(100000) })
  .strict();
export const declarationBody = z.object({ version, declaredOn: isoDate, items: z.array(declarationItem).min(1).max(100) }).strict();
export type DeclarationBody = z.infer<typeof declarationBody>;

const detectionResult = z.object({ factor: text(60), passed: z.boolean(), value: text(60).optional() }).strict();
export const detectionBody = z
  .object({ version, reportNo: text(60), agency: text(100), detectedOn: isoDate, results: z.array(detectionResult).min(1).max(100) })
  .strict();
export type DetectionBody = z.infer<typeof detectionBody>;

export const ppeBody = z.object({ version, issuedOn: isoDate, item: text(60), quantity: z.number().int().min(1).max(1000000) }).strict();
export type PpeBody = z.infer<typeof ppeBody>;

export const gradeBody = z.object({ version, grade: z.enum(ohGrades) }).strict();
export type GradeBody = z.infer<typeof gradeBody>;

export const workerBody = z
  .object({
    version,
    name: text(50),
    idNumber: text(18),
    post: text(60),
    factors: z.array(text(60)).min(1).max(20),
    employedFrom: isoDate,
  })
  .strict();
export type WorkerBody = z.infer<typeof workerBody>;

export const checkBody = z
  .object({ version, kind: z.enum(ohCheckKinds), checkedOn: isoDate, result: z.enum(ohCheckResults), institution: text(100) })
  .strict();
export type CheckBody = z.infer<typeof checkBody>;

const detectionView = z.object({
  id: z.uuid(),
  reportNo: z.string(),
  agency: z.string(),
  detectedOn: z.string(),
  passed: z.boolean(),
  results: z.array(z.object({ factor: z.string(), passed: z.boolean(), value: z.string().optional() })),
});
const ppeView = z.object({ id: z.uuid(), issuedOn: z.string(), item: z.string(), quantity: z.number().int() });

export const ohProfileView = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  areaCode: z.string(),
  sector: z.enum(sectors),
  keySector: z.boolean(),
  declaredOn: z.string().nullable(),
  declarationItems: z.array(z.object({ factor: z.string(), category: z.enum(ohFactorCategories), exposed: z.number().int() })),
  lastDetectionOn: z.string().nullable(),
  lastDetectionPassed: z.boolean().nullable(),
  nextDetectionDue: z.string().nullable(),
  detectionOverdue: z.boolean(),
  lastPpeOn: z.string().nullable(),
  grade: z.enum(ohGrades).nullable(),
  gradedOn: z.string().nullable(),
  exposedWorkers: z.number().int(),
  workersChecked: z.number().int(),
  detections: z.array(detectionView),
  ppeIssues: z.array(ppeView),
  version: z.number().int(),
  abilities: z.array(z.enum(['declare', 'detect', 'ppe', 'grade', 'worker'])),
});
export type OhProfileView = z.infer<typeof ohProfileView>;

export const workerListQuery = z.object({ ...pageQuery }).strict();
export const workerView = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  /** Name and identity number masked unless the caller is the enterprise itself (platform/masking.ts healthRecord). */
  name: z.string(),
  idNumber: z.string(),
  post: z.string(),
  factors: z.array(z.string()),
  employedFrom: z.string(),
  leftOn: z.string().nullable(),
  checks: z.array(
    z.object({ kind: z.enum(ohCheckKinds), checkedOn: z.string(), result: z.enum(ohCheckResults).nullable(), institution: z.string() }),
  ),
  checkedCurrent: z.boolean(),
  version: z.number().int(),
});
export type WorkerView = z.infer<typeof workerView>;
export const workerPage = pageOf(workerView);

export const ohRatesQuery = z.object({ by: z.enum(['street', 'sector']).default('street'), ...pageQuery }).strict();
export type OhRatesQuery = z.infer<typeof ohRatesQuery>;
const indicatorCell = z.object({
  indicator: z.enum(ohIndicators),
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
  target: z.number(),
  met: z.boolean().nullable(),
});
const ohRateRow = z.object({ key: z.string(), name: z.string().nullable(), indicators: z.array(indicatorCell) });
export const ohRates = z.object({
  targets: z.array(
    z.object({ indicator: z.enum(ohIndicators), population: z.enum(['all', 'key', 'workers']), target: z.number(), source: z.string() }),
  ),
  items: z.array(ohRateRow),
  total: z.number().int(),
  overall: ohRateRow,
});
export type OhRates = z.infer<typeof ohRates>;

export const detectionDueQuery = z.object({ withinDays: z.coerce.number().int().min(0).max(365).default(30), ...pageQuery }).strict();
export const detectionDueRow = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  areaCode: z.string(),
  sector: z.string(),
  lastDetectionOn: z.string().nullable(),
  nextDetectionDue: z.string().nullable(),
  overdue: z.boolean(),
});
export const detectionDuePage = pageOf(detectionDueRow);
