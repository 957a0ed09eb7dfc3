// 联合惩戒 and 公示: the partner agencies and the measures each applies to a unit on the 严重失信主体名单 (seed 003 七:
// "在投融资、保险税收、政府采购、招标投标、土地出让等方面一律给予限制"; seed 001 §6: 发改财金〔2016〕1001号), the
// signed feed and the .xlsx of the current list and its changes for those agencies, and the public page of
// enterprises with accidents, penalties or major hidden dangers (003 七: "一律上网公示").
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageQuery } from './common';
import { creditEntryKinds, creditLookupView, listingCriteria } from './credit';

const day = isoDate;
const bilingual = z.object({ zh: safeString(), en: safeString() });

export const punishmentMeasureKinds = [
  'investment_financing',
  'insurance',
  'tax',
  'government_procurement',
  'bidding',
  'land_transfer',
  'market_access',
  'principal_professional_ban',
] as const;
export type PunishmentMeasureKind = (typeof punishmentMeasureKinds)[number];
export const punishmentMeasureLabels: Record<PunishmentMeasureKind, { zh: string; en: string }> = {
  investment_financing: { zh: '投融资限制', en: 'Investment and financing' },
  insurance: { zh: '保险限制', en: 'Insurance' },
  tax: { zh: '税收限制', en: 'Tax' },
  government_procurement: { zh: '政府采购限制', en: 'Government procurement' },
  bidding: { zh: '招标投标限制', en: 'Bidding' },
  land_transfer: { zh: '土地出让限制', en: 'Land transfer' },
  market_access: { zh: '市场准入限制', en: 'Market access' },
  principal_professional_ban: { zh: '主要负责人职业禁入', en: 'Professional ban for the principal' },
};

export const punishmentMeasureView = z.object({
  partnerId: safeString(),
  partner: bilingual,
  kind: z.enum(punishmentMeasureKinds),
  measure: bilingual,
  /** unit: the listed unit; principal: its 主要负责人 (where criminally liable, 003 七). */
  appliesTo: z.enum(['unit', 'principal']),
});
export type PunishmentMeasureView = z.infer<typeof punishmentMeasureView>;
export const partnerMeasuresView = z.object({
  version: safeString(),
  basis: safeString(),
  partners: z.array(z.object({ id: safeString(), name: bilingual, measures: z.array(punishmentMeasureView) })),
});

/** The lookup by credit code (GET /api/credit/lookup): listed or not, the period, and the measures that apply. */
export const creditLookupWithMeasures = creditLookupView.extend({
  periodStart: day.nullable(),
  measures: z.array(punishmentMeasureView),
});

export const partnerExportQuery = z.object({ since: day.optional() }).strict();
export type PartnerExportQuery = z.infer<typeof partnerExportQuery>;

export const partnerListingRow = z.object({
  listingId: safeString(),
  partyName: safeString(),
  creditCode: safeString(),
  principalName: safeString().nullable(),
  criteria: z.array(z.enum(listingCriteria)),
  documentNumber: safeString().nullable(),
  decidedOn: day.nullable(),
  publishedOn: day,
  periodStart: day,
  periodEnd: day,
  measures: z.array(z.enum(punishmentMeasureKinds)),
});
export const partnerChangeKinds = ['listed', 'removed_on_expiry', 'removed_early', 'relisted', 'expired'] as const;
export const partnerChangeRow = z.object({
  listingId: safeString(),
  partyName: safeString(),
  creditCode: safeString(),
  change: z.enum(partnerChangeKinds),
  on: day,
});
export const partnerFeedPayload = z.object({
  issuer: safeString(),
  asOf: day,
  since: day.nullable(),
  generatedAt: safeString(),
  measuresVersion: safeString(),
  listings: z.array(partnerListingRow),
  changes: z.array(partnerChangeRow),
});
export type PartnerFeedPayload = z.infer<typeof partnerFeedPayload>;
export const partnerFeedView = z.object({
  payload: partnerFeedPayload,
  /** HMAC-SHA256 over the canonical JSON of `payload` (keys sorted, no spaces), base64. */
  signature: z.object({ algorithm: z.literal('HMAC-SHA256'), keyId: safeString(), value: safeString() }),
});
export type PartnerFeedView = z.infer<typeof partnerFeedView>;

// ——— 公示: enterprises with accidents, penalties or major hidden dangers ———

export const disclosureKinds = [
  'penalty',
  'refusal_to_rectify',
  'accident',
  'major_hazard',
] as const satisfies readonly (typeof creditEntryKinds)[number][];
export type DisclosureKind = (typeof disclosureKinds)[number];
export const publicDisclosureQuery = z.object({ kind: z.enum(disclosureKinds).optional(), ...pageQuery }).strict();
export const publicDisclosureView = z.object({
  id: safeString(),
  enterpriseName: safeString(),
  creditCode: safeString(),
  kind: z.enum(disclosureKinds),
  title: safeString(),
  occurredOn: day,
  /** The last day it stays on the page (the disclosure period from the day it happened). */
  shownUntil: day,
});
export const publicDisclosurePage = z.object({ items: z.array(publicDisclosureView), total: z.number().int() });
