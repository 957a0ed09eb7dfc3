// 抽查 of certificate holders (seed 000 五(五)18: 根据教育培训档案，对取得资格证的特种作业人员进行抽查，对专业技能不合格的，
// 取消其资格证书). An officer draws a random sample of the holders in scope by rule (area, sector, certificate kind;
// a sample size or a ratio), records each holder's outcome on the phone, and an outcome that warrants it revokes the
// certificate (server people/spot-checks.rules.ts says which).
import { z } from 'zod';
import { safeString } from '../input';
import { areaCode, isoDate, pageOf, pageQuery } from './common';
import { sectors } from '../sectors';
import { certificateKinds, personPosts } from './people';

const text = (max: number) => safeString().trim().min(1).max(max);

export const spotCheckOutcomes = ['pass', 'identity_mismatch', 'unqualified', 'unlicensed', 'expired', 'other'] as const;
export type SpotCheckOutcome = (typeof spotCheckOutcomes)[number];
export const spotCheckOutcomeLabels: Record<SpotCheckOutcome, { zh: string; en: string }> = {
  pass: { zh: '合格', en: 'Passed' },
  identity_mismatch: { zh: '证件与本人不符', en: 'Certificate does not match the holder' },
  unqualified: { zh: '专业技能不合格', en: 'Skills not up to standard' },
  unlicensed: { zh: '无证上岗', en: 'Working without the certificate' },
  expired: { zh: '证件过期', en: 'Certificate expired' },
  other: { zh: '其他', en: 'Other' },
};

/** The sampling rule: the holders of valid (or due-for-review) certificates in the area, optionally of one sector and kind. */
export const createSpotCheckBody = z
  .object({
    title: text(100),
    areaCode,
    sector: z.enum(sectors).optional(),
    kind: z.enum(certificateKinds).optional(),
    /** How many holders to draw; or `ratio` of the population (rounded up). One of the two. */
    sampleSize: z.number().int().min(1).max(500).optional(),
    ratio: z.number().gt(0).max(1).optional(),
  })
  .strict()
  .refine((b) => (b.sampleSize === undefined) !== (b.ratio === undefined), {
    path: ['sampleSize'],
    error: 'spotCheck.sampleSizeOrRatio',
  });
export type CreateSpotCheckBody = z.infer<typeof createSpotCheckBody>;

export const spotCheckListQuery = z.object({ ...pageQuery }).strict();

export const recordSpotOutcomeBody = z
  .object({
    version: z.number().int().min(1),
    outcome: z.enum(spotCheckOutcomes),
    checkedOn: isoDate,
    note: text(500).optional(),
    /** A photo uploaded first through POST /api/spot-checks/photos. */
    photoId: z.uuid().optional(),
    /** For `other`: whether the finding warrants revoking the certificate (the other outcomes decide by rule). */
    revoke: z.boolean().optional(),
  })
  .strict();
export type RecordSpotOutcomeBody = z.infer<typeof recordSpotOutcomeBody>;

export const spotCheckItemView = z.object({
  id: z.uuid(),
  certificateId: z.uuid(),
  certificateNumber: z.string(),
  kind: z.enum(certificateKinds),
  itemName: z.string().nullable(),
  personName: z.string(),
  post: z.enum(personPosts),
  enterpriseId: z.uuid(),
  enterpriseName: z.string().nullable(),
  outcome: z.enum(spotCheckOutcomes).nullable(),
  checkedOn: z.string().nullable(),
  note: z.string().nullable(),
  photoId: z.uuid().nullable(),
  revoked: z.boolean(),
  version: z.number().int(),
  abilities: z.array(z.enum(['record'])),
});
export type SpotCheckItemView = z.infer<typeof spotCheckItemView>;

export const spotCheckView = z.object({
  id: z.uuid(),
  title: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  sector: z.enum(sectors).nullable(),
  kind: z.enum(certificateKinds).nullable(),
  sampleSize: z.number().int(),
  ratio: z.number().nullable(),
  /** Holders the rule matched when the sample was drawn. */
  population: z.number().int(),
  drawnOn: z.string(),
  drawnByName: z.string().nullable(),
  checked: z.number().int(),
  failed: z.number().int(),
  revoked: z.number().int(),
  createdAt: z.string(),
});
export type SpotCheckView = z.infer<typeof spotCheckView>;
export const spotCheckPage = pageOf(spotCheckView);
export const spotCheckDetail = spotCheckView.extend({ items: z.array(spotCheckItemView) });
export type SpotCheckDetail = z.infer<typeof spotCheckDetail>;
export const spotCheckPhotoView = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() });
