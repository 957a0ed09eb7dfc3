// 举报 (public reports of work-safety violations): the public form and tracking, operator intake for other channels,
// the handling workflow, and the reporter vault. The reporter's identity never appears in a report view: it travels
// only in the submission body and in the vault's reveal answer.
import { z } from 'zod';
import { safeString } from '../input';
import { areaCode, isoDate, pageQuery, phone } from './common';
import { reportLinkView } from './report-handling';

const text = (max: number) => z.string().trim().min(1).max(max);

export const reportCategories = ['hidden_danger', 'illegal_production', 'concealed_accident', 'other'] as const;
export type ReportCategory = (typeof reportCategories)[number];
export const reportChannels = ['online', 'hotline_12350', 'letter', 'email', 'visit', 'city_transfer'] as const;
export type ReportChannel = (typeof reportChannels)[number];
export const reportStatuses = ['received', 'accepted', 'rejected', 'transferred', 'handling', 'replied', 'closed', 'merged'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportActions = ['accept', 'reject', 'transfer', 'assign', 'reply', 'close'] as const;
export type ReportAction = (typeof reportActions)[number];

export const reportCategoryLabels: Record<ReportCategory, { zh: string; en: string }> = {
  hidden_danger: { zh: '事故隐患', en: 'Hidden danger' },
  illegal_production: { zh: '非法违法生产经营', en: 'Illegal production' },
  concealed_accident: { zh: '瞒报谎报事故', en: 'Concealed accident' },
  other: { zh: '其他', en: 'Other' },
};
export const reportChannelLabels: Record<ReportChannel, { zh: string; en: string }> = {
  online: { zh: '网上举报', en: 'Online' },
  hotline_12350: { zh: '12350热线', en: '12350 hotline' },
  letter: { zh: '来信', en: 'Letter' },
  email: { zh: '电子邮件', en: 'Email' },
  visit: { zh: '来访', en: 'Visit' },
  city_transfer: { zh: '市级转办', en: 'Transferred from the city' },
};
export const reportStatusLabels: Record<ReportStatus, { zh: string; en: string }> = {
  received: { zh: '待受理', en: 'Received' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  transferred: { zh: '已转办', en: 'Transferred' },
  handling: { zh: '核查处理中', en: 'Handling' },
  replied: { zh: '已答复', en: 'Replied' },
  closed: { zh: '已办结', en: 'Closed' },
  merged: { zh: '已并入在先举报办理', en: 'Merged into an earlier report being handled' },
};
export const reportActionLabels: Record<ReportAction, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  transfer: { zh: '转办', en: 'Transfer' },
  assign: { zh: '交办核查', en: 'Assign' },
  reply: { zh: '答复', en: 'Reply' },
  close: { zh: '办结', en: 'Close' },
};

/** Identity of a named reporter (实名举报): kept only in the vault, encrypted. */
export const reporterInput = z
  .object({
    name: text(50),
    phone,
    idNumber: z
      .string()
      .trim()
      .regex(/^\d{17}[\dXx]$/, { error: 'idNumber.format' })
      .optional(),
  })
  .strict();
export type ReporterInput = z.infer<typeof reporterInput>;

const reportFields = {
  category: z.enum(reportCategories),
  /** The street (or district) the place belongs to: the report is routed to it. */
  areaCode,
  address: text(200),
  lon: z.number().min(73).max(136).optional(),
  lat: z.number().min(3).max(54).optional(),
  /** The enterprise's name as the reporter gives it (no public register lookup yet). */
  enterpriseName: text(100).optional(),
  occurredOn: isoDate,
  description: z.string().trim().min(5).max(4000),
  /** Absent = anonymous. */
  reporter: reporterInput.optional(),
  /** The answer to the challenge the server issued after repeated submissions from one address. */
  challenge: z
    .object({ id: z.uuid(), answer: z.string().regex(/^-?\d{1,6}$/, { error: 'challenge.answer' }) })
    .strict()
    .optional(),
};

/**
 * Photos a reporter may attach to one report. Each is uploaded first (POST /api/public/reports/photos: JPEG, PNG or
 * WebP, the files platform's photo limit of 10 MB) and then named in the report by its id and the claim token its
 * upload answered.
 */
export const REPORT_PHOTO_MAX = 6; // messages.ts 'reportPhotos.tooMany' names the number too

/** What an upload answers: the id and the claim token (shown to the uploader only, never stored in clear). */
export const reportPhotoUpload = z.object({
  id: z.uuid(),
  token: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type ReportPhotoUpload = z.infer<typeof reportPhotoUpload>;

export const reportPhotoTicket = z
  .object({
    id: z.uuid(),
    token: safeString().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'reportPhoto.token' }),
  })
  .strict();

/** A report's photo as its readers get it: the photo and its thumbnail through a route the reader may use. */
export const reportPhotoView = z.object({
  id: z.uuid(),
  mime: z.string(),
  size: z.number().int(),
  url: z.string(),
  thumbnailUrl: z.string(),
});
export type ReportPhotoView = z.infer<typeof reportPhotoView>;

export const publicReportBody = z
  .object({
    ...reportFields,
    /** Photos uploaded beforehand, at most REPORT_PHOTO_MAX. */
    photos: z.array(reportPhotoTicket).max(REPORT_PHOTO_MAX, { error: 'reportPhotos.tooMany' }).optional(),
  })
  .strict();
export type PublicReportBody = z.infer<typeof publicReportBody>;

export const intakeReportBody = z
  .object({
    ...reportFields,
    channel: z.enum(reportChannels).exclude(['online']),
    channelRef: text(100).optional(),
    /**
     * Photos the reporter sent another way (a letter's prints, a messenger picture), uploaded beforehand by the
     * recording officer (POST /api/reports/photos) and named by id: the officer's own uploads, claimed as such.
     */
    photos: z.array(z.uuid()).max(REPORT_PHOTO_MAX, { error: 'reportPhotos.tooMany' }).optional(),
  })
  .strict();
export type IntakeReportBody = z.infer<typeof intakeReportBody>;

export const publicReportReceipt = z.object({ trackingCode: z.string(), submittedOn: isoDate });
const trackingCode = z.string().trim().min(1).max(32);
export const trackingParams = z.object({ code: trackingCode }).strict();
/** One photo of the report a tracking code follows. */
export const trackedPhotoParams = z.object({ code: trackingCode, fileId: z.uuid() }).strict();
/** What a tracking code shows: the status, the day it was submitted and the public reply — nothing else. */
export const publicReportStatus = z.object({
  status: z.enum(reportStatuses),
  submittedOn: isoDate,
  reply: z.string().nullable(),
  /** The handling time limit's extension as the reporter must be told of it (§8): why, by how much, the new limit. */
  extension: z.object({ reason: z.string(), days: z.number().int(), extendedOn: isoDate, handleDue: isoDate }).nullable(),
  /** The photos the reporter attached, served under the tracking code. */
  photos: z.array(reportPhotoView),
});
export type PublicReportStatus = z.infer<typeof publicReportStatus>;
export const publicReportAreas = z.array(z.object({ code: z.string(), name: z.string(), level: z.string() }));

export const myReport = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  category: z.enum(reportCategories),
  address: z.string(),
  status: z.enum(reportStatuses),
  submittedOn: isoDate,
  reply: z.string().nullable(),
  photos: z.array(reportPhotoView),
});
export const myReports = z.array(myReport);

const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const reportListQuery = z
  .object({
    status: z.enum(reportStatuses).optional(),
    category: z.enum(reportCategories).optional(),
    channel: z.enum(reportChannels).optional(),
    overdue: queryBool.optional(),
    ...pageQuery,
  })
  .strict();
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportView = z.object({
  id: z.uuid(),
  category: z.enum(reportCategories),
  channel: z.enum(reportChannels),
  channelRef: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  address: z.string(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  occurredOn: isoDate,
  description: z.string(),
  /** Whether the reporter gave a name (the identity itself is in the vault). */
  named: z.boolean(),
  status: z.enum(reportStatuses),
  submittedOn: isoDate,
  acceptDue: isoDate,
  acceptedOn: isoDate.nullable(),
  handleDue: isoDate.nullable(),
  overdue: z.boolean(),
  /** Calendar days to the running deadline (negative: overdue; null: none runs). */
  daysLeft: z.number().int().nullable(),
  extendedDays: z.number().int().nullable(),
  extensionReason: z.string().nullable(),
  extendedOn: isoDate.nullable(),
  decisionReason: z.string().nullable(),
  transferTarget: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  findings: z.string().nullable(),
  reply: z.string().nullable(),
  repliedOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  version: z.number().int(),
  /** Merged as a duplicate into this report (status 'merged'). */
  mergedIntoId: z.uuid().nullable(),
  /** How many reporters stand behind it (itself and the duplicates merged into it) — never who. */
  reporterCount: z.number().int(),
  abilities: z.array(z.string()),
});
export type ReportView = z.infer<typeof reportView>;
export const reportPage = z.object({ items: z.array(reportView), total: z.number().int() });

export const reportHistoryEntry = z.object({
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const reportDetail = reportView.extend({
  history: z.array(reportHistoryEntry),
  links: z.array(reportLinkView),
  /** The reporter's photos (thumbnails and the photo through /api/files, read through the report's scope). */
  photos: z.array(reportPhotoView),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const reportActBody = z
  .object({
    action: z.enum(reportActions),
    version: z.number().int().min(1),
    reason: text(500).optional(),
    transferTarget: text(100).optional(),
    assigneeId: z.uuid().optional(),
    findings: text(4000).optional(),
    reply: text(2000).optional(),
  })
  .strict();
export type ReportActBody = z.infer<typeof reportActBody>;

export const revealReporterBody = z.object({ reason: z.string().trim().min(2).max(200) }).strict();
export type RevealReporterBody = z.infer<typeof revealReporterBody>;
export const revealedReporter = z.object({
  anonymous: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});
export type RevealedReporter = z.infer<typeof revealedReporter>;
