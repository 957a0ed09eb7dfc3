// 应急管理, the first alarm beyond the duty officer's own call: an enterprise's 快报 of its own accident (from a
// phone), the rescue teams called out for an incident and their acknowledgements, and 交接班 between duty shifts.
import { z } from 'zod';
import { safeString, timestamp } from '../input';
import { incidentKinds, incidentStatuses, teamTypes, type IncidentKind, type TeamType } from './emergency';

const casualty = z.number().int().min(0).max(100_000);

/** 快报: the enterprise reports for itself only (the enterprise and its area come from the session, never the body). */
export const flashReportBody = z
  .object({
    occurredAt: timestamp(),
    kind: z.enum(incidentKinds),
    address: safeString().trim().min(1).max(200),
    lng: z.number().min(73).max(136).nullable().optional(),
    lat: z.number().min(3).max(54).nullable().optional(),
    deaths: casualty.default(0),
    injured: casualty.default(0),
    missing: casualty.default(0),
    description: safeString().trim().min(2).max(4000),
    /** Production-safety accidents: the GB 6441 type code the accident record is opened with. */
    accidentTypeCode: safeString().trim().min(2).max(4).optional(),
    /** Photos uploaded first (POST /api/emergency/flash-reports/photos), then claimed by the report. */
    photoIds: z.array(z.uuid()).max(9).default([]),
  })
  .strict();
export type FlashReportBody = z.infer<typeof flashReportBody>;
export const flashPhotoView = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });

/** A team's call-out as its account sees it (the recipient's own; acknowledged once). */
export const incidentNoticeView = z.object({
  id: z.string(),
  incidentId: z.string(),
  teamName: z.string(),
  teamType: z.enum(teamTypes),
  distanceM: z.number().nullable(),
  notifiedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  incident: z.object({
    receivedAt: z.string(),
    occurredAt: z.string(),
    kind: z.enum(incidentKinds),
    address: z.string(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    deaths: z.number().int(),
    missing: z.number().int(),
    injured: z.number().int(),
    description: z.string(),
    status: z.enum(incidentStatuses),
  }),
});
export type IncidentNoticeView = z.infer<typeof incidentNoticeView>;

// ── 交接班 ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const handoverBody = z.object({ fromShiftId: z.uuid(), notes: safeString().trim().max(2000).nullable().optional() }).strict();
export type HandoverBody = z.infer<typeof handoverBody>;
export const handoverAckBody = z.object({ version: z.number().int() }).strict();
export const handoverListQuery = z.object({ from: timestamp().optional(), to: timestamp().optional() }).strict();
export const handoverView = z.object({
  id: z.string(),
  areaCode: z.string(),
  fromShiftId: z.string(),
  toShiftId: z.string(),
  post: z.string(),
  handedByName: z.string().nullable(),
  incomingName: z.string().nullable(),
  notes: z.string().nullable(),
  openIncidents: z.array(z.object({ id: z.string(), receivedAt: z.string(), address: z.string(), status: z.string() })),
  handedAt: z.string(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type HandoverView = z.infer<typeof handoverView>;
export const handoverList = z.object({ items: z.array(handoverView) });

// ── 出动队伍配置: the team types called out per incident kind ─────────────────────────────────────────────────────

/** One incident kind's team types: at least one, each a known type, none twice. */
const calloutTeamTypes = z
  .array(z.enum(teamTypes))
  .min(1, 'callout.teamTypesEmpty')
  .max(teamTypes.length)
  .refine((list) => new Set(list).size === list.length, 'callout.teamTypesDuplicate');
/** The whole table: every incident kind present (a kind left out is refused, not defaulted), nothing else. */
export const teamCalloutTable = z
  .object(Object.fromEntries(incidentKinds.map((k) => [k, calloutTeamTypes])) as Record<IncidentKind, typeof calloutTeamTypes>)
  .strict();
export type TeamCalloutTable = z.infer<typeof teamCalloutTable>;
const calloutTableView = z.object(
  Object.fromEntries(incidentKinds.map((k) => [k, z.array(z.enum(teamTypes))])) as Record<
    IncidentKind,
    z.ZodArray<z.ZodEnum<{ [K in TeamType]: K }>>
  >,
);
/** The table in force (the deployment's saved one over the documented defaults of incidents.teams.ts). */
export const teamCalloutSettingsView = z.object({
  teamTypes: calloutTableView,
  /** 0 while the defaults apply; each save adds one. */
  version: z.number().int(),
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  defaults: calloutTableView,
});
export type TeamCalloutSettingsView = z.infer<typeof teamCalloutSettingsView>;
export const putTeamCalloutSettingsBody = z
  .object({
    teamTypes: teamCalloutTable,
    /** The version the editor read: a later save makes this one a 409. */
    version: z.number().int().min(0),
  })
  .strict();
export type PutTeamCalloutSettingsBody = z.infer<typeof putTeamCalloutSettingsBody>;
