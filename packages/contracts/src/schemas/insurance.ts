// 安全生产责任保险 (安责险) and 安全生产标准化: an enterprise's policies, the coverage check over the mandatory
// sectors, expiring policies and coverage rates; standardization records (the grade's history, the source of the
// enterprise file's standardization fields), expiring grades and the rate of 规上 enterprises at grade 3 or better.
// Rules: shared/domain/rules.md §7; seeds 000 (20.), 002, 003 (二、70% 目标 and −0.5 per 10 points), 004 (15.).
import { z } from 'zod';
import { safeString } from '../input';
import { hazardTags, sectors } from '../sectors';
import { areaCode, isoDate, pageOf, pageQuery } from './common';
import { standardizationGrades } from './enterprises';

type Bilingual = { zh: string; en: string };
const text = (max: number) => safeString().trim().min(1).max(max);

// ── Policies ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** A policy on a given day: not yet started, in force, in force but ending within the warning window, ended. */
export const policyStatuses = ['future', 'valid', 'expiring', 'expired'] as const;
export type PolicyStatus = (typeof policyStatuses)[number];
export const policyStatusLabels: Record<PolicyStatus, Bilingual> = {
  future: { zh: '未生效', en: 'Not yet in force' },
  valid: { zh: '有效', en: 'In force' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已过期', en: 'Expired' },
};

export const policyAbilities = ['update'] as const;

export const policyView = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: safeString().nullable(),
  areaCode: safeString(),
  insurer: safeString(),
  policyNo: safeString(),
  startsOn: safeString(),
  endsOn: safeString(),
  insuredPersons: z.number().int(),
  /** 保费, in fen (分) so sums stay exact. */
  premiumFen: z.number().int(),
  /** 浮动费率系数 (1.00 = the base rate; below 1 rewards a good record, above 1 loads a bad one). */
  rateFactor: z.number(),
  status: z.enum(policyStatuses),
  version: z.number().int(),
  abilities: z.array(z.enum(policyAbilities)),
});
export type PolicyView = z.infer<typeof policyView>;
export const policyPage = pageOf(policyView);

const policyFields = {
  insurer: text(100),
  policyNo: text(60),
  startsOn: isoDate,
  endsOn: isoDate,
  insuredPersons: z.number().int().min(0).max(1_000_000),
  premiumFen: z.number().int().min(0).max(100_000_000_000),
  rateFactor: z.number().min(0.1).max(5),
};

/** An enterprise user records its own enterprise's policy (enterpriseId may be left out); officers name one in scope. */
export const policyBody = z.object({ enterpriseId: z.uuid().optional(), ...policyFields }).strict();
export type PolicyBody = z.infer<typeof policyBody>;

export const updatePolicyBody = z
  .object(policyFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdatePolicyBody = z.infer<typeof updatePolicyBody>;

export const policyListQuery = z
  .object({
    enterpriseId: z.uuid().optional(),
    /** Only policies in force that end within this many days (the expiring list). */
    expiringWithin: z.coerce.number().int().min(1).max(366).optional(),
    ...pageQuery,
  })
  .strict();
export type PolicyListQuery = z.infer<typeof policyListQuery>;

export const insuranceCoverageQuery = z
  .object({ areaCode: areaCode.optional(), sector: z.enum(sectors).optional(), ...pageQuery })
  .strict();
export type CoverageQuery = z.infer<typeof insuranceCoverageQuery>;

export const uninsuredEnterprise = z.object({
  enterpriseId: z.uuid(),
  name: safeString(),
  creditCode: safeString(),
  areaCode: safeString(),
  sector: z.enum(sectors),
  /** The end of its latest policy, null when it never had one. */
  lastPolicyEndsOn: safeString().nullable(),
});

/** Operating enterprises of the mandatory sectors (or carrying a mandatory hazard tag) without a policy in force today. */
export const insuranceCoverageView = z.object({
  today: safeString(),
  mandatorySectors: z.array(z.enum(sectors)),
  mandatoryTags: z.array(z.enum(hazardTags)),
  items: z.array(uninsuredEnterprise),
  total: z.number().int(),
});
export type InsuranceCoverageView = z.infer<typeof insuranceCoverageView>;

export const ratesQuery = z.object({ areaCode: areaCode.optional() }).strict();
export type RatesQuery = z.infer<typeof ratesQuery>;

const coverageRow = z.object({
  areaCode: safeString(),
  areaName: safeString(),
  mandatory: z.number().int(),
  insured: z.number().int(),
  /** insured / mandatory in percent with one decimal; null when there is no mandatory enterprise. */
  ratePct: z.number().nullable(),
});
export const insuranceRatesView = z.object({
  areaCode: safeString(),
  today: safeString(),
  rows: z.array(coverageRow),
  total: coverageRow,
});
export type InsuranceRatesView = z.infer<typeof insuranceRatesView>;

// ── Standardization ──────────────────────────────────────────────────────────────────────────────────────────────

/** What a record does to the grade: granted, renewed (复评), lowered, revoked (撤销). */
export const standardizationRecordKinds = ['certified', 'renewed', 'downgraded', 'revoked'] as const;
export type StandardizationRecordKind = (typeof standardizationRecordKinds)[number];
export const standardizationRecordKindLabels: Record<StandardizationRecordKind, Bilingual> = {
  certified: { zh: '达标定级', en: 'Certified' },
  renewed: { zh: '复评延期', en: 'Renewed' },
  downgraded: { zh: '降级', en: 'Downgraded' },
  revoked: { zh: '撤销等级', en: 'Revoked' },
};

export const standardizationRecordView = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: safeString().nullable(),
  kind: z.enum(standardizationRecordKinds),
  grade: z.enum(standardizationGrades).nullable(),
  previousGrade: z.enum(standardizationGrades).nullable(),
  certifyingBody: safeString().nullable(),
  certifiedOn: safeString().nullable(),
  expiresOn: safeString().nullable(),
  note: safeString().nullable(),
  /** The accident whose event lowered or revoked the grade (the accidents consumer), else null. */
  accidentId: z.uuid().nullable(),
  createdAt: safeString(),
});
export type StandardizationRecordView = z.infer<typeof standardizationRecordView>;
export const standardizationRecordPage = pageOf(standardizationRecordView);

/**
 * certified / renewed: grade, certifying body and date (expiry = date + 3 years, rules.md §7); downgraded: a lower
 * grade and a note; revoked: a note.
 */
export const standardizationRecordBody = z
  .object({
    enterpriseId: z.uuid(),
    kind: z.enum(standardizationRecordKinds),
    grade: z.enum(standardizationGrades).optional(),
    certifyingBody: text(100).optional(),
    certifiedOn: isoDate.optional(),
    note: text(500).optional(),
  })
  .strict();
export type StandardizationRecordBody = z.infer<typeof standardizationRecordBody>;

export const standardizationRecordQuery = z.object({ enterpriseId: z.uuid().optional(), ...pageQuery }).strict();
export type StandardizationRecordQuery = z.infer<typeof standardizationRecordQuery>;

export const standardizationExpiringQuery = z
  .object({ withinDays: z.coerce.number().int().min(1).max(366).default(90), areaCode: areaCode.optional(), ...pageQuery })
  .strict();
export type StandardizationExpiringQuery = z.infer<typeof standardizationExpiringQuery>;

export const standardizationExpiringPage = pageOf(
  z.object({
    enterpriseId: z.uuid(),
    name: safeString(),
    areaCode: safeString(),
    grade: z.enum(standardizationGrades),
    certifiedOn: safeString().nullable(),
    expiresOn: safeString(),
    daysLeft: z.number().int(),
  }),
);

const gradedRow = z.object({
  areaCode: safeString(),
  areaName: safeString(),
  /** Operating 规上 enterprises. */
  above: z.number().int(),
  /** Of them, at grade 3 or better with the grade in force today. */
  graded: z.number().int(),
  ratePct: z.number().nullable(),
  /** Seed 003's deduction (−0.5 per whole 10 points short of the target), 0 at or above it. */
  deduction: z.number(),
});
export const standardizationRatesView = z.object({
  areaCode: safeString(),
  today: safeString(),
  targetPct: z.number(),
  stepPct: z.number(),
  deductPerStep: z.number(),
  rows: z.array(gradedRow),
  total: gradedRow,
});
export type StandardizationRatesView = z.infer<typeof standardizationRatesView>;

/** The sectors and hazard tags that must hold 安责险, as the deployment set them (over the documented defaults). */
export const insuranceSettingsView = z.object({
  mandatorySectors: z.array(z.enum(sectors)),
  mandatoryTags: z.array(z.enum(hazardTags)),
  /** 0 while the defaults apply; each save adds one. */
  version: z.number().int(),
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
  defaults: z.object({ mandatorySectors: z.array(z.enum(sectors)), mandatoryTags: z.array(z.enum(hazardTags)) }),
});
export type InsuranceSettingsView = z.infer<typeof insuranceSettingsView>;
export const putInsuranceSettingsBody = z
  .object({
    mandatorySectors: z.array(z.enum(sectors)).max(50),
    mandatoryTags: z.array(z.enum(hazardTags)).max(50),
    version: z.number().int().min(0),
  })
  .strict();
export type PutInsuranceSettingsBody = z.infer<typeof putInsuranceSettingsBody>;
