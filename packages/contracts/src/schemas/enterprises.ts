// The enterprise file (一企一档): code tables, record, request bodies, list query and import report.
// Field formats are checked here; rules that need the database or the whole record (GB 32100 credit
// code, area and park, cross-field rules) are checked by the server, which explains each failure.
import { z } from 'zod';
import { safeString } from '../input';
import type { Bilingual } from '../errors';
import { hazardTags, sectors } from '../sectors';
import { areaCode, isoDate, pageQuery, phone } from './common';

export const unitTypes = ['enterprise', 'individual', 'other'] as const;
export type UnitType = (typeof unitTypes)[number];
export const unitTypeLabels: Record<UnitType, Bilingual> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  individual: { zh: '个体工商户', en: 'Individual business' },
  other: { zh: '其他组织', en: 'Other organisation' },
};

/** 规模以上 / 规模以下 工业企业 (the statistics bureau's size line). */
export const enterpriseScales = ['above', 'below'] as const;
export type EnterpriseScale = (typeof enterpriseScales)[number];
export const enterpriseScaleLabels: Record<EnterpriseScale, Bilingual> = {
  above: { zh: '规上', en: 'Above designated size' },
  below: { zh: '规下', en: 'Below designated size' },
};

export const operatingStatuses = ['operating', 'suspended', 'closed'] as const;
export type OperatingStatus = (typeof operatingStatuses)[number];
export const operatingStatusLabels: Record<OperatingStatus, Bilingual> = {
  operating: { zh: '在营', en: 'Operating' },
  suspended: { zh: '停产停业', en: 'Suspended' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const premisesKinds = ['owned', 'rented'] as const;
export type PremisesKind = (typeof premisesKinds)[number];
export const premisesLabels: Record<PremisesKind, Bilingual> = {
  owned: { zh: '自有', en: 'Owned' },
  rented: { zh: '租赁', en: 'Rented' },
};

/** 安全生产标准化等级 (GB/T 33000-2016; 一级 is the highest); 小微企业 reach 达标 (small) rather than a grade. */
export const standardizationGrades = ['1', '2', '3', 'small'] as const;
export type StandardizationGrade = (typeof standardizationGrades)[number];
export const standardizationGradeLabels: Record<StandardizationGrade, Bilingual> = {
  '1': { zh: '一级', en: 'Grade 1' },
  '2': { zh: '二级', en: 'Grade 2' },
  '3': { zh: '三级', en: 'Grade 3' },
  small: { zh: '小微达标', en: 'Small-enterprise compliant' },
};

/** 建设项目安全设施"三同时" (designed, built and put into use together with the main project). */
export const threeSimultaneousStatuses = ['not_applicable', 'in_progress', 'completed'] as const;
export type ThreeSimultaneousStatus = (typeof threeSimultaneousStatuses)[number];
export const threeSimultaneousLabels: Record<ThreeSimultaneousStatus, Bilingual> = {
  not_applicable: { zh: '不涉及', en: 'Not applicable' },
  in_progress: { zh: '进行中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
};

/**
 * What the caller may do with one record. `update`: contact and descriptive fields; `reassign`: the
 * fields that decide who supervises it (area, park, sector, key flag, supervising organisations,
 * credit code); `delete` / `restore`: soft delete; `overrideCreditCode`: accept a code failing GB 32100.
 */
/** revealContacts: the phones are shown masked and this caller may open them with a reason (audited). */
export const enterpriseAbilities = ['update', 'reassign', 'delete', 'restore', 'overrideCreditCode', 'history', 'revealContacts'] as const;
export type EnterpriseAbility = (typeof enterpriseAbilities)[number];

export const enterprise = z.object({
  id: z.uuid(),
  name: safeString(),
  formerNames: z.array(safeString()),
  creditCode: safeString(),
  /** Why an administrator accepted a code that fails the GB 32100 check; null for valid codes. */
  creditCodeOverride: safeString().nullable(),
  unitType: z.enum(unitTypes),
  legalRepresentative: safeString().nullable(),
  principalName: safeString().nullable(),
  principalPhone: safeString().nullable(),
  safetyManagerName: safeString().nullable(),
  safetyManagerPhone: safeString().nullable(),
  address: safeString(),
  areaCode: safeString(),
  areaName: safeString().nullable(),
  streetName: safeString().nullable(),
  parkId: z.uuid().nullable(),
  parkName: safeString().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  industryCode: safeString().nullable(),
  sector: z.enum(sectors),
  hazardTags: z.array(z.enum(hazardTags)),
  scale: z.enum(enterpriseScales),
  smallMicro: z.boolean(),
  employees: z.number().int().nullable(),
  isKey: z.boolean(),
  operatingStatus: z.enum(operatingStatuses),
  premises: z.enum(premisesKinds).nullable(),
  landlord: safeString().nullable(),
  standardizationGrade: z.enum(standardizationGrades).nullable(),
  standardizationDate: safeString().nullable(),
  standardizationExpiry: safeString().nullable(),
  threeSimultaneous: z.enum(threeSimultaneousStatuses),
  supervisingOrgIds: z.array(z.uuid()),
  deletedAt: safeString().nullable(),
  createdAt: safeString(),
  updatedAt: safeString(),
  version: z.number().int(),
  abilities: z.array(z.enum(enterpriseAbilities)),
});
export type Enterprise = z.infer<typeof enterprise>;

const text = (max: number) => safeString().trim().min(1).max(max);

/** Every writable field with its format; nullable ones may be cleared with null. */
const fields = {
  name: safeString().trim().min(2).max(100),
  formerNames: z.array(text(100)).max(20),
  /** Only the shape here: the server checks GB 32100-2015 and says which rule failed. */
  creditCode: text(40),
  /** Sent by a caller allowed to accept a code that fails the GB 32100 check. */
  creditCodeOverrideReason: safeString().trim().min(4).max(200),
  unitType: z.enum(unitTypes),
  legalRepresentative: text(50).nullable(),
  principalName: text(50).nullable(),
  principalPhone: phone.nullable(),
  safetyManagerName: text(50).nullable(),
  safetyManagerPhone: phone.nullable(),
  address: text(200),
  areaCode,
  parkId: z.uuid().nullable(),
  longitude: z.number().min(73).max(136).nullable(),
  latitude: z.number().min(3).max(54).nullable(),
  /** GB/T 4754-2017: section letter, then division (2 digits), group (3) or class (4), e.g. C, C33, C331. */
  industryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-T](\d{2}|\d{3}|\d{4})?$/, { error: 'industryCode.format' })
    .nullable(),
  sector: z.enum(sectors),
  hazardTags: z.array(z.enum(hazardTags)).max(hazardTags.length),
  scale: z.enum(enterpriseScales),
  smallMicro: z.boolean(),
  employees: z.number().int().min(0).max(1_000_000).nullable(),
  isKey: z.boolean(),
  operatingStatus: z.enum(operatingStatuses),
  premises: z.enum(premisesKinds).nullable(),
  landlord: text(100).nullable(),
  standardizationGrade: z.enum(standardizationGrades).nullable(),
  standardizationDate: isoDate.nullable(),
  standardizationExpiry: isoDate.nullable(),
  threeSimultaneous: z.enum(threeSimultaneousStatuses),
  supervisingOrgIds: z.array(z.uuid()).max(20),
};

export const createEnterpriseBody = z
  .object({
    name: fields.name,
    creditCode: fields.creditCode,
    address: fields.address,
    areaCode: fields.areaCode,
    sector: fields.sector,
    formerNames: fields.formerNames.optional(),
    creditCodeOverrideReason: fields.creditCodeOverrideReason.optional(),
    /** Derived from the credit code's category (91 → enterprise, 92 → individual) when omitted. */
    unitType: fields.unitType.optional(),
    legalRepresentative: fields.legalRepresentative.optional(),
    principalName: fields.principalName.optional(),
    principalPhone: fields.principalPhone.optional(),
    safetyManagerName: fields.safetyManagerName.optional(),
    safetyManagerPhone: fields.safetyManagerPhone.optional(),
    parkId: fields.parkId.optional(),
    longitude: fields.longitude.optional(),
    latitude: fields.latitude.optional(),
    industryCode: fields.industryCode.optional(),
    hazardTags: fields.hazardTags.optional(),
    scale: fields.scale.optional(),
    smallMicro: fields.smallMicro.optional(),
    employees: fields.employees.optional(),
    isKey: fields.isKey.optional(),
    operatingStatus: fields.operatingStatus.optional(),
    premises: fields.premises.optional(),
    landlord: fields.landlord.optional(),
    standardizationGrade: fields.standardizationGrade.optional(),
    standardizationDate: fields.standardizationDate.optional(),
    standardizationExpiry: fields.standardizationExpiry.optional(),
    threeSimultaneous: fields.threeSimultaneous.optional(),
    supervisingOrgIds: fields.supervisingOrgIds.optional(),
  })
  .strict();
export type CreateEnterpriseBody = z.infer<typeof createEnterpriseBody>;

/** Only the fields sent change; `version` is the one the caller read (optimistic locking). */
export const updateEnterpriseBody = createEnterpriseBody
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateEnterpriseBody = z.infer<typeof updateEnterpriseBody>;

export const enterpriseVersionBody = z
  .object({ version: z.number().int().min(1), reason: safeString().trim().max(200).optional() })
  .strict();

/** Query-string booleans: only the words true and false. */
const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const enterpriseSorts = ['name', '-name', 'updatedAt', '-updatedAt'] as const;
export type EnterpriseSort = (typeof enterpriseSorts)[number];

/** Filters shared by the list and the export. */
const enterpriseFilters = {
  /** Any part of the name or a former name (two characters are enough), or the start of the credit code. */
  q: safeString().trim().min(1).max(64).optional(),
  /** This area and everything under it. */
  areaCode: areaCode.optional(),
  sector: z.enum(sectors).optional(),
  tag: z.enum(hazardTags).optional(),
  keyOnly: queryBool.optional(),
  parkId: z.uuid().optional(),
};

export const enterpriseListQuery = z
  .object({
    ...enterpriseFilters,
    ...pageQuery,
    sort: z.enum(enterpriseSorts).default('-updatedAt'),
    /** Also list soft-deleted records (for the restore screen; needs enterprise.delete). */
    includeDeleted: queryBool.optional(),
  })
  .strict();
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

/**
 * Searches count exactly up to this many matches; beyond it the total reads "over 1,000" and asks for a narrower
 * search. The cap bounds the rows a search visits at a province's million enterprises (issue #19).
 */
export const ENTERPRISE_COUNT_CAP = 1_000;

/**
 * Paging reaches this many rows, as search engines cap their result windows: a page's cost grows with its offset
 * (page 50,000 of a province reads a million rows first), and nobody reads past it — filters, a search or the
 * export serve what lies beyond.
 */
export const ENTERPRISE_PAGE_DEPTH = 10_000;

export const enterprisePage = z.object({
  items: z.array(enterprise),
  total: z.number().int(),
  /** True when `total` is the cap, not the exact count (a broad text search over a large area). */
  totalCapped: z.boolean(),
});
export type EnterprisePage = z.infer<typeof enterprisePage>;

export const enterpriseExportQuery = z.object(enterpriseFilters).strict();
export type EnterpriseExportQuery = z.infer<typeof enterpriseExportQuery>;

export const enterpriseImportQuery = z.object({ dryRun: queryBool.default(false) }).strict();

export const importError = z.object({
  row: z.number().int(),
  field: safeString(),
  /** The column as the file's header row names it (the template's header), where the problem has one. */
  column: safeString().optional(),
  message: safeString(),
});

export const importReport = z.object({
  dryRun: z.boolean(),
  /** Data rows read from the file (the header row is not counted). */
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** Row numbers are the spreadsheet's (the header is row 1). At most 1,000 are listed. */
  errors: z.array(importError),
  errorsTruncated: z.boolean(),
});
export type ImportReport = z.infer<typeof importReport>;

export const enterpriseChange = z.object({ field: safeString(), before: z.unknown(), after: z.unknown() });

export const enterpriseHistoryEntry = z.object({
  id: z.number().int(),
  at: safeString(),
  actorName: safeString().nullable(),
  actorRole: safeString().nullable(),
  action: safeString(),
  changes: z.array(enterpriseChange),
});
export type EnterpriseHistoryEntry = z.infer<typeof enterpriseHistoryEntry>;

export const enterpriseHistoryQuery = z.object({ ...pageQuery }).strict();

/** Why a street or grid officer opens an enterprise's masked phones; kept in the audit entry `contact.reveal`. */
export const revealContactsBody = z.object({ reason: safeString().trim().min(2).max(200) }).strict();
export type RevealContactsBody = z.infer<typeof revealContactsBody>;
/** The full contact numbers of one enterprise and of its risk units, as revealed. */
export const revealedContacts = z.object({
  principalName: safeString().nullable(),
  principalPhone: safeString().nullable(),
  safetyManagerName: safeString().nullable(),
  safetyManagerPhone: safeString().nullable(),
  riskUnits: z.array(z.object({ id: safeString(), name: safeString(), emergencyPhone: safeString() })),
});
export type RevealedContacts = z.infer<typeof revealedContacts>;
