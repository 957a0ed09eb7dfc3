// Publicity reach (宣传覆盖), issue 16 item 5: campaigns (安全生产月, quarterly themes of seed 000 四(四)12, the "四个一" of
// seed 001 二(二)3) with the items every targeted enterprise must receive; deliveries per enterprise and item (a grid
// inspector's visit, the enterprise confirming a pushed tip, attendance at a lecture, or recorded by an officer);
// coverage per street and sector; the enterprises not yet reached.
import { z } from 'zod';
import { safeString } from '../input';
import { areaCode, isoDate, pageOf, pageQuery } from './common';
import { sectors } from '../sectors';

const text = (max: number) => safeString().trim().min(1).max(max);
const version = z.number().int().min(1);

export const publicityItems = ['poster', 'handbook', 'tip', 'lecture', 'film'] as const;
export type PublicityItem = (typeof publicityItems)[number];
export const publicityItemLabels: Record<PublicityItem, { zh: string; en: string }> = {
  poster: { zh: '一张安全海报', en: 'A safety poster' },
  handbook: { zh: '一份安全手册', en: 'A safety handbook' },
  tip: { zh: '一条安全提示信息', en: 'A safety tip' },
  lecture: { zh: '一次安全知识宣讲', en: 'A safety lecture' },
  film: { zh: '主题宣传片', en: 'Theme film' },
};
export const publicityChannels = ['visit', 'confirm', 'lecture', 'manual'] as const;
export type PublicityChannel = (typeof publicityChannels)[number];
export const publicityChannelLabels: Record<PublicityChannel, { zh: string; en: string }> = {
  visit: { zh: '网格员上门', en: 'Grid inspector visit' },
  confirm: { zh: '企业确认收到', en: 'Confirmed by the enterprise' },
  lecture: { zh: '参加宣讲/培训', en: 'Attended a lecture' },
  manual: { zh: '人工登记', en: 'Recorded by an officer' },
};
export const campaignKinds = ['four_ones', 'quarterly_theme', 'safety_month', 'other'] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export const campaignKindLabels: Record<CampaignKind, { zh: string; en: string }> = {
  four_ones: { zh: '“四个一”宣传', en: '“Four ones” campaign' },
  quarterly_theme: { zh: '季度主题宣传', en: 'Quarterly theme' },
  safety_month: { zh: '安全生产月', en: 'Safety Production Month' },
  other: { zh: '其他', en: 'Other' },
};

export const createCampaignBody = z
  .object({
    title: text(100),
    kind: z.enum(campaignKinds),
    theme: text(200).optional(),
    /** The area whose enterprises are targeted (the caller's own or below). */
    areaCode,
    /** Only enterprises of one sector (精准宣传, seed 000 四(四)11). */
    sector: z.enum(sectors).optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    /** What each enterprise must receive; the kind's default set when left out (publicity.rules.ts). */
    items: z.array(z.enum(publicityItems)).min(1).max(5).optional(),
  })
  .strict();
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;

export const campaignListQuery = z.object({ ...pageQuery }).strict();
export const campaignView = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(campaignKinds),
  theme: z.string().nullable(),
  areaCode: z.string(),
  sector: z.enum(sectors).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  items: z.array(z.enum(publicityItems)),
  /** Targets and reached in the caller's scope (from the maintained coverage). */
  targets: z.number().int(),
  reached: z.number().int(),
  rate: z.number().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export const campaignPage = pageOf(campaignView);

export const coverageQuery = z.object({ by: z.enum(['street', 'sector']).default('street') }).strict();
const coverageRow = z.object({
  key: z.string(),
  name: z.string().nullable(),
  targets: z.number().int(),
  reached: z.number().int(),
  rate: z.number().nullable(),
});
export const coverageView = z.object({
  campaignId: z.uuid(),
  by: z.enum(['street', 'sector']),
  items: z.array(coverageRow),
  total: coverageRow,
});
export type CoverageView = z.infer<typeof coverageView>;

export const targetListQuery = z
  .object({
    campaignId: z.uuid().optional(),
    reached: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    areaCode: areaCode.optional(),
    ...pageQuery,
  })
  .strict();
export type TargetListQuery = z.infer<typeof targetListQuery>;
export const unreachedQuery = z.object({ areaCode: areaCode.optional(), ...pageQuery }).strict();

const deliveryView = z.object({ item: z.enum(publicityItems), channel: z.enum(publicityChannels), deliveredAt: z.string() });
export const targetView = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignTitle: z.string(),
  campaignKind: z.enum(campaignKinds),
  theme: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  areaCode: z.string(),
  sector: z.string(),
  items: z.array(z.enum(publicityItems)),
  delivered: z.array(deliveryView),
  reached: z.boolean(),
  reachedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.enum(['deliver', 'confirm'])),
});
export type TargetView = z.infer<typeof targetView>;
export const targetPage = pageOf(targetView);

export const deliverBody = z.object({ version, items: z.array(z.enum(publicityItems)).min(1).max(5) }).strict();
export type DeliverBody = z.infer<typeof deliverBody>;
export const confirmReceiptBody = z.object({ version }).strict();
