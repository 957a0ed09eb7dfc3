// 三项岗位 people of an enterprise (主要负责人, 安全管理人员, 特种作业人员, other key staff) and their certificates
// (安全生产知识和管理能力考核合格证, 特种作业操作证 by the national catalogue, 特种设备作业人员证), the expiry/review list and the
// holding rates. Identity numbers travel in full only in a create/update body and, for a privileged reader, in a view;
// every other view carries the masked form (server platform/masking.ts).
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageQuery, phone } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);

export const personPosts = ['principal', 'safety_manager', 'special_operator', 'equipment_operator', 'other'] as const;
export type PersonPost = (typeof personPosts)[number];
export const personPostLabels: Record<PersonPost, { zh: string; en: string }> = {
  principal: { zh: '主要负责人', en: 'Principal' },
  safety_manager: { zh: '安全管理人员', en: 'Safety manager' },
  special_operator: { zh: '特种作业人员', en: 'Special-operations worker' },
  equipment_operator: { zh: '特种设备作业人员', en: 'Special-equipment operator' },
  other: { zh: '其他关键岗位', en: 'Other key staff' },
};
/** 三项岗位 (rules.md §5.3): the posts the holding rate counts. */
export const threePosts = ['principal', 'safety_manager', 'special_operator'] as const satisfies readonly PersonPost[];

export const certificateKinds = ['safety_qualification', 'special_operation', 'special_equipment'] as const;
export type CertificateKind = (typeof certificateKinds)[number];
export const certificateKindLabels: Record<CertificateKind, { zh: string; en: string }> = {
  safety_qualification: { zh: '安全生产知识和管理能力考核合格证', en: 'Safety qualification certificate' },
  special_operation: { zh: '特种作业操作证', en: 'Special-operations certificate' },
  special_equipment: { zh: '特种设备作业人员证', en: 'Special-equipment operator certificate' },
};
/** What the certificate machine stores (server people/certificates.workflow.ts); the other statuses follow from dates. */
export const certificateStandings = ['held', 'revoked'] as const;
export type CertificateStanding = (typeof certificateStandings)[number];

export const certificateStatuses = ['valid', 'due_for_review', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
export const certificateStatusLabels: Record<CertificateStatus, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  due_for_review: { zh: '待复审/换证', en: 'Due for review' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已吊销', en: 'Revoked' },
};

/** 居民身份证号: 17 digits and a digit or X (the check character is verified on the server). */
export const idNumberInput = safeString()
  .trim()
  .regex(/^\d{17}[\dXx]$/, { error: 'idNumber.format' });

const personFields = {
  name: text(50),
  idNumber: idNumberInput,
  phone: phone.optional(),
  post: z.enum(personPosts),
  /** The post's title as the enterprise names it (e.g. 电工班长). */
  postTitle: text(50).optional(),
  employedFrom: isoDate,
  employedTo: isoDate.optional(),
};
export const createPersonBody = z.object(personFields).strict();
export type CreatePersonBody = z.infer<typeof createPersonBody>;
export const updatePersonBody = z.object({ ...personFields, version: z.number().int().min(1) }).strict();
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const personListQuery = z
  .object({
    enterpriseId: z.uuid().optional(),
    post: z.enum(personPosts).optional(),
    /** Name contains. */
    q: text(50).optional(),
    /** true: employed today; false: left. */
    current: queryBool.optional(),
    ...pageQuery,
  })
  .strict();
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personView = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string().nullable(),
  name: z.string(),
  /** Masked (440301********1234) unless the caller sees identity numbers in full. */
  idNumber: z.string(),
  phone: z.string().nullable(),
  post: z.enum(personPosts),
  postTitle: z.string().nullable(),
  employedFrom: isoDate,
  employedTo: isoDate.nullable(),
  current: z.boolean(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type PersonView = z.infer<typeof personView>;
export const personPage = z.object({ items: z.array(personView), total: z.number().int() });

// ── Certificates ────────────────────────────────────────────────────────────────────────────────────────────────

const certificateFields = {
  kind: z.enum(certificateKinds),
  /** 特种作业目录 operation item (rules.md §5.1), e.g. '1.2' 低压电工作业; required for special_operation. */
  operationItem: text(10).optional(),
  /** Special-equipment item (TSG Z6001, e.g. 'Q2' 桥式起重机司机) or the sector of a safety qualification. */
  itemText: text(100).optional(),
  number: text(50),
  issuer: text(100),
  issuedOn: isoDate,
  /** Required except for special_operation, whose validity is 6 years by rule (rules.md §5.2 第十九条). */
  expiresOn: isoDate.optional(),
  /** The last 复审 done (special_operation). */
  reviewedOn: isoDate.optional(),
  /** Review extended to every 6 years (≥ 10 years continuous work, clean record; rules.md §5.2 第二十一条). */
  reviewExtended: z.boolean().optional(),
};
export const createCertificateBody = z.object(certificateFields).strict();
export type CreateCertificateBody = z.infer<typeof createCertificateBody>;
export const updateCertificateBody = z.object({ ...certificateFields, version: z.number().int().min(1) }).strict();
export type UpdateCertificateBody = z.infer<typeof updateCertificateBody>;
export const revokeCertificateBody = z.object({ version: z.number().int().min(1), revokedOn: isoDate, reason: text(500) }).strict();
export type RevokeCertificateBody = z.infer<typeof revokeCertificateBody>;

export const certificateListQuery = z
  .object({
    enterpriseId: z.uuid().optional(),
    personId: z.uuid().optional(),
    kind: z.enum(certificateKinds).optional(),
    status: z.enum(certificateStatuses).optional(),
    /** Review or expiry falls within the next N days (expired and revoked excluded). */
    dueWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
    ...pageQuery,
  })
  .strict();
export type CertificateListQuery = z.infer<typeof certificateListQuery>;

export const certificateView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  post: z.enum(personPosts),
  enterpriseId: z.uuid(),
  enterpriseName: z.string().nullable(),
  kind: z.enum(certificateKinds),
  operationItem: z.string().nullable(),
  /** Category and item names from the catalogue, or the free item text. */
  itemName: z.string().nullable(),
  number: z.string(),
  issuer: z.string(),
  issuedOn: isoDate,
  expiresOn: isoDate,
  reviewedOn: isoDate.nullable(),
  reviewExtended: z.boolean(),
  /** The next 复审 date (null: none before expiry). */
  nextReviewOn: isoDate.nullable(),
  /** The next date something is due (review or expiry). */
  dueOn: isoDate,
  /** The review window opens 60 days before dueOn (rules.md §5.2 第二十二条). */
  windowOpensOn: isoDate,
  status: z.enum(certificateStatuses),
  daysLeft: z.number().int(),
  revokedOn: isoDate.nullable(),
  revokeReason: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type CertificateView = z.infer<typeof certificateView>;
export const certificatePage = z.object({ items: z.array(certificateView), total: z.number().int() });
/** A retraining duty created by a fatal accident at the enterprise (due within the configured months). */
export const retrainingDutyView = z.object({
  id: z.uuid(),
  accidentId: z.string(),
  dueOn: isoDate,
  completedOn: isoDate.nullable(),
  overdue: z.boolean(),
});
export const personDetail = personView.extend({ certificates: z.array(certificateView), retraining: z.array(retrainingDutyView) });
export type PersonDetail = z.infer<typeof personDetail>;

export const operationCatalogue = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    items: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
);

// ── Rates ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const certificateRateGroups = ['enterprise', 'area', 'sector'] as const;
export const certificateRateQuery = z.object({ groupBy: z.enum(certificateRateGroups).default('area'), ...pageQuery }).strict();
export type CertificateRateQuery = z.infer<typeof certificateRateQuery>;
export const certificateRateRow = z.object({
  key: z.string(),
  name: z.string().nullable(),
  /** 三项岗位 people holding a valid certificate for their post. */
  holders: z.number().int(),
  /** People currently in 三项岗位 posts. */
  people: z.number().int(),
  /** holders / people, null when there is nobody. */
  rate: z.number().nullable(),
  enterprises: z.number().int(),
});
export const certificateRates = z.object({
  groupBy: z.enum(certificateRateGroups),
  items: z.array(certificateRateRow),
  total: z.number().int(),
  overall: certificateRateRow,
});
export type CertificateRates = z.infer<typeof certificateRates>;

/** POST /api/people/import?dryRun=true|false (multipart .xlsx/.csv); the answer is the enterprise import's report. */
export const peopleImportQuery = z.object({ dryRun: queryBool.default(false) }).strict();
