// Accident investigation (事故调查): the team, causes and findings, and the 493号 time limits
// (report within 60 days, one extension of at most 60, 批复 within 15/30 days of the report).
import { z } from 'zod';
import { safeString } from '../input';
import { accidentLevels } from './accidents';
import { isoDate } from './common';

export const investigationStatuses = ['not_started', 'in_progress', 'reported', 'approved'] as const;
export type InvestigationStatus = (typeof investigationStatuses)[number];

export const teamMember = z
  .object({
    name: safeString().trim().min(1).max(50),
    organisation: safeString().trim().max(100).nullable().optional(),
    /** 组长, 副组长, 成员, 专家 … as the team appointment states it. */
    role: safeString().trim().max(30).nullable().optional(),
  })
  .strict();

const text = safeString().trim().max(8000).nullable().optional();

export const saveInvestigationBody = z
  .object({
    /** Absent when the investigation is first recorded. */
    version: z.number().int().optional(),
    team: z.array(teamMember).max(50).optional(),
    directCauses: text,
    indirectCauses: text,
    managementGaps: text,
    responsibilityFindings: text,
    /** The day the government received the team's report; starts the 批复 clock. */
    reportSubmittedOn: isoDate.nullable().optional(),
    approvedOn: isoDate.nullable().optional(),
  })
  .strict();

export const extendInvestigationBody = z
  .object({ version: z.number().int(), days: z.number().int().min(1).max(60), reason: safeString().trim().min(1).max(500) })
  .strict();

export const investigation = z.object({
  accidentId: z.uuid(),
  status: z.enum(investigationStatuses),
  level: z.enum(accidentLevels),
  /** 493号 第十九条: which government organises it, and whether the unit may be entrusted. */
  authority: z.object({ government: z.enum(['state_council', 'province', 'city', 'county']), mayEntrustUnit: z.boolean() }),
  team: z.array(z.object({ name: safeString(), organisation: safeString().nullable(), role: safeString().nullable() })),
  directCauses: safeString().nullable(),
  indirectCauses: safeString().nullable(),
  managementGaps: safeString().nullable(),
  responsibilityFindings: safeString().nullable(),
  reportDue: safeString(),
  extensionDays: z.number().int(),
  extensionReason: safeString().nullable(),
  reportSubmittedOn: safeString().nullable(),
  /** Null until the report is submitted: the 批复 clock starts then. */
  approvalDue: safeString().nullable(),
  approvedOn: safeString().nullable(),
  /** Derived from today (China time) and the due days. */
  reportOverdue: z.boolean(),
  approvalOverdue: z.boolean(),
  version: z.number().int().nullable(),
  abilities: z.array(safeString()),
});
export type Investigation = z.infer<typeof investigation>;
