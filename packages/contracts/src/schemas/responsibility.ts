// 责任清单与责任书: an enterprise's whole-staff responsibility list (post → duties, seed 004 §2 "全员安全生产责任清单")
// with each post's signed letter (001 八个一次: "组织签订一次全员岗位安全生产责任书"), and the government's
// target-responsibility letters district → street → community / enterprise (seed 002 (1): "区政府与镇（街道），镇（街道）
// 与村（居）委、企业分别签订了安全生产目标责任书"), their targets linked to the year's assessment indicators.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageQuery } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);
const day = isoDate;

// ——— the enterprise's list ———

export const responsibilityPostBody = z
  .object({
    post: text(100),
    holderName: text(50).nullable().optional(),
    duties: z.array(text(500)).min(1).max(30),
  })
  .strict();
export type ResponsibilityPostBody = z.infer<typeof responsibilityPostBody>;
export const updateResponsibilityPostBody = z
  .object({
    version: z.number().int().min(1),
    post: text(100).optional(),
    holderName: text(50).nullable().optional(),
    duties: z.array(text(500)).min(1).max(30).optional(),
  })
  .strict();
export type UpdateResponsibilityPostBody = z.infer<typeof updateResponsibilityPostBody>;
export const signPostLetterBody = z.object({ version: z.number().int().min(1), signerName: text(50), signedOn: day }).strict();
export type SignPostLetterBody = z.infer<typeof signPostLetterBody>;

export const responsibilityPostView = z.object({
  id: safeString(),
  enterpriseId: safeString(),
  post: safeString(),
  holderName: safeString().nullable(),
  duties: z.array(safeString()),
  letterYear: z.number().int().nullable(),
  letterSignedOn: day.nullable(),
  letterSigner: safeString().nullable(),
  version: z.number().int(),
  abilities: z.array(z.enum(['update', 'sign'])),
});
export type ResponsibilityPostView = z.infer<typeof responsibilityPostView>;
export const responsibilityListView = z.object({
  enterpriseId: safeString(),
  year: z.number().int(),
  posts: z.array(responsibilityPostView),
  /** Posts whose letter is signed for `year` / all posts (the 100 % of 001). */
  signed: z.number().int(),
  total: z.number().int(),
  canAdd: z.boolean(),
});
export type ResponsibilityListView = z.infer<typeof responsibilityListView>;

// ——— government target-responsibility letters ———

export const letterStatuses = ['draft', 'issued', 'signed', 'withdrawn'] as const;
export type LetterStatus = (typeof letterStatuses)[number];
export const letterStatusLabels: Record<LetterStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  issued: { zh: '已下达（待签订）', en: 'Issued (to sign)' },
  signed: { zh: '已签订', en: 'Signed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
export const letterActions = ['issue', 'sign', 'withdraw'] as const;
export type LetterAction = (typeof letterActions)[number];
export const letterActionLabels: Record<LetterAction, { zh: string; en: string }> = {
  issue: { zh: '下达', en: 'Issue' },
  sign: { zh: '签订', en: 'Sign' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
};
export const letterRecipientKinds = ['street', 'community', 'enterprise'] as const;
export type LetterRecipientKind = (typeof letterRecipientKinds)[number];
export const letterRecipientLabels: Record<LetterRecipientKind, { zh: string; en: string }> = {
  street: { zh: '镇（街道）', en: 'Street' },
  community: { zh: '村（居）委', en: 'Community' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

export const letterTarget = z
  .object({
    text: text(500),
    /** The year's assessment indicator this target counts towards (key in the scheme's indicators). */
    indicatorKey: safeString().trim().min(1).max(40).nullable().optional(),
    value: text(100).nullable().optional(),
  })
  .strict();
export const createLetterBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: text(200),
    recipientKind: z.enum(letterRecipientKinds),
    /** The street's or community's area code; or the enterprise's id in recipientEnterpriseId. */
    recipientAreaCode: safeString()
      .regex(/^(\d{9}|\d{12})$/, { error: 'areaCode.format' })
      .optional(),
    recipientEnterpriseId: z.uuid().optional(),
    /** The letter this one passes on (a street's letter from the district it signed). */
    parentId: z.uuid().optional(),
    schemeId: z.uuid().optional(),
    targets: z.array(letterTarget).min(1).max(30),
  })
  .strict();
export type CreateLetterBody = z.infer<typeof createLetterBody>;
export const letterActBody = z
  .object({
    action: z.enum(letterActions),
    version: z.number().int().min(1),
    signerName: text(50).optional(),
    reason: text(500).optional(),
    on: day.optional(),
  })
  .strict();
export type LetterActBody = z.infer<typeof letterActBody>;
export const letterListQuery = z
  .object({
    status: z.enum(letterStatuses).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** mine: addressed to the caller's unit; issued: issued by it. */
    side: z.enum(['mine', 'issued']).optional(),
    ...pageQuery,
  })
  .strict();
export type LetterListQuery = z.infer<typeof letterListQuery>;

export const letterView = z.object({
  id: safeString(),
  year: z.number().int(),
  title: safeString(),
  parentId: safeString().nullable(),
  issuerName: safeString(),
  issuerAreaCode: safeString(),
  recipientKind: z.enum(letterRecipientKinds),
  recipientName: safeString(),
  areaCode: safeString(),
  enterpriseId: safeString().nullable(),
  schemeId: safeString().nullable(),
  targets: z.array(
    z.object({
      text: safeString(),
      indicatorKey: safeString().nullable(),
      indicatorName: safeString().nullable(),
      value: safeString().nullable(),
    }),
  ),
  status: z.enum(letterStatuses),
  issuedOn: day.nullable(),
  signedOn: day.nullable(),
  signerName: safeString().nullable(),
  withdrawnReason: safeString().nullable(),
  version: z.number().int(),
  abilities: z.array(z.enum(letterActions)),
});
export type LetterView = z.infer<typeof letterView>;
export const letterDetail = letterView.extend({
  history: z.array(
    z.object({
      action: safeString(),
      from: safeString().nullable(),
      to: safeString().nullable(),
      actorName: safeString().nullable(),
      at: safeString(),
    }),
  ),
  children: z.array(z.object({ id: safeString(), recipientName: safeString(), status: z.enum(letterStatuses) })),
});
export type LetterDetail = z.infer<typeof letterDetail>;
export const letterPage = z.object({ items: z.array(letterView), total: z.number().int() });
/** Whom the caller may address a letter to: the areas one level down (the form's choices; enterprises by search). */
export const letterRecipientsView = z.object({
  areas: z.array(z.object({ code: safeString(), name: safeString(), kind: z.enum(letterRecipientKinds) })),
  enterprises: z.boolean(),
});
