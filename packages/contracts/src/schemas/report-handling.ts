// 举报 handling beyond the workflow steps: the handling time-limit extension, the links to what the investigation
// produced, and the routing rules (configuration) that send a report to its street, industry department or park.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate } from './common';
import { sectors } from '../sectors';

const text = (max: number) => safeString().trim().min(1).max(max);

/** §8: one extension of at most 30 days (the server's reports.rules.ts holds the configured values). */
export const extendReportBody = z
  .object({
    version: z.number().int().min(1),
    days: z.number().int().min(1).max(366),
    reason: text(500),
  })
  .strict();
export type ExtendReportBody = z.infer<typeof extendReportBody>;

export const reportLinkKinds = ['inspection', 'hazard', 'case', 'accident'] as const;
export type ReportLinkKind = (typeof reportLinkKinds)[number];
export const reportLinkKindLabels: Record<ReportLinkKind, { zh: string; en: string }> = {
  inspection: { zh: '执法检查', en: 'Inspection' },
  hazard: { zh: '隐患', en: 'Hidden danger' },
  case: { zh: '处罚案件', en: 'Penalty case' },
  accident: { zh: '事故（瞒报查实）', en: 'Accident (concealed)' },
};

export const linkReportBody = z.object({ version: z.number().int().min(1), kind: z.enum(reportLinkKinds), targetId: z.uuid() }).strict();
export type LinkReportBody = z.infer<typeof linkReportBody>;
export const unlinkReportBody = z.object({ version: z.number().int().min(1), linkId: z.uuid() }).strict();
export type UnlinkReportBody = z.infer<typeof unlinkReportBody>;

export const reportLinkView = z.object({
  id: z.uuid(),
  kind: z.enum(reportLinkKinds),
  targetId: z.uuid(),
  label: z.string(),
  /** The web path of the linked record. */
  link: z.string(),
  createdOn: isoDate,
});
export type ReportLinkView = z.infer<typeof reportLinkView>;

// Routing rules.
const areaPrefix = safeString().regex(/^\d{2,15}$/, { error: 'areaPrefix.format' });
const routingFields = {
  areaPrefix,
  category: z.enum(['hidden_danger', 'illegal_production', 'concealed_accident', 'other']).nullable().optional(),
  targetAreaCode: safeString().regex(/^(\d{6}|\d{9}|\d{12}|\d{15})$/, { error: 'areaCode.format' }),
  targetSector: z.enum(sectors).nullable().optional(),
  targetParkId: z.uuid().nullable().optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
  note: text(200).nullable().optional(),
};
export const routingRuleBody = z.object(routingFields).strict();
export type RoutingRuleBody = z.infer<typeof routingRuleBody>;
export const routingRuleUpdateBody = z.object({ ...routingFields, version: z.number().int().min(1) }).strict();
export type RoutingRuleUpdateBody = z.infer<typeof routingRuleUpdateBody>;

export const routingRuleView = z.object({
  id: z.uuid(),
  areaPrefix: z.string(),
  category: z.string().nullable(),
  targetAreaCode: z.string(),
  targetAreaName: z.string().nullable(),
  targetSector: z.string().nullable(),
  targetParkId: z.uuid().nullable(),
  targetParkName: z.string().nullable(),
  priority: z.number().int(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type RoutingRuleView = z.infer<typeof routingRuleView>;
export const routingRuleList = z.array(routingRuleView);
