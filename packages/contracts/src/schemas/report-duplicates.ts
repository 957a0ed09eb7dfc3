// 举报 duplicates and abuse controls: suggested duplicates of a report and the merge, the public form's challenge.
import { z } from 'zod';
import { isoDate } from './common';
import { reportCategories, reportStatuses } from './reports';

/** A suggested duplicate of a report: why (same enterprise, distance in metres) and enough to recognise it. */
export const reportDuplicate = z.object({
  id: z.uuid(),
  category: z.enum(reportCategories),
  status: z.enum(reportStatuses),
  areaName: z.string().nullable(),
  address: z.string(),
  enterpriseName: z.string().nullable(),
  submittedOn: isoDate,
  reporterCount: z.number().int(),
  sameEnterprise: z.boolean(),
  distanceM: z.number().nullable(),
  /** This caller may merge the report into the candidate (states and permission). */
  canMergeInto: z.boolean(),
});
export const reportDuplicates = z.object({ items: z.array(reportDuplicate), distanceM: z.number(), windowDays: z.number().int() });
export type ReportDuplicates = z.infer<typeof reportDuplicates>;
export const mergeReportBody = z.object({ targetId: z.uuid(), version: z.number().int().min(1) }).strict();
export type MergeReportBody = z.infer<typeof mergeReportBody>;

/** The handler workspace's map: reports in scope inside the viewport, as compact points, no reporter data. */
export const reportMapQuery = z
  .object({
    west: z.coerce.number().min(-180).max(180),
    south: z.coerce.number().min(-90).max(90),
    east: z.coerce.number().min(-180).max(180),
    north: z.coerce.number().min(-90).max(90),
    status: z.enum(reportStatuses).optional(),
  })
  .strict();
export type ReportMapQuery = z.infer<typeof reportMapQuery>;
/** [id, lat, lon, status, category]; `truncated` when more reports fall in the viewport than one answer carries. */
export const reportMapPoints = z.object({
  total: z.number().int(),
  truncated: z.boolean(),
  points: z.array(z.tuple([z.string(), z.number(), z.number(), z.enum(reportStatuses), z.enum(reportCategories)])),
});
export type ReportMapPoints = z.infer<typeof reportMapPoints>;

/** The public form's challenge after repeated submissions from one address: a small sum, single use, expiring. */
export const reportChallenge = z.object({ id: z.uuid(), question: z.string(), expiresAt: z.string() });
export type ReportChallenge = z.infer<typeof reportChallenge>;
