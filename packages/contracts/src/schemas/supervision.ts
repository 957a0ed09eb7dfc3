// 约谈 and 通报 of 工作督办: interviews held with a unit's head (who, when, by whom, why — a task or the unit —, minutes,
// follow-up actions with deadlines) and bulletins (praise, criticism, ranking) generated from work-plan completion
// data for a period, editable before publishing, then published to the units concerned.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate, pageQuery } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);

export const followUpAction = z.object({ action: text(300), deadline: isoDate, done: z.boolean().default(false) }).strict();
export const createInterviewBody = z
  .object({
    orgId: z.uuid(),
    personName: text(50),
    personTitle: text(50).optional(),
    heldOn: isoDate,
    heldBy: text(100),
    reason: text(1000),
    taskId: z.uuid().optional(),
    minutes: text(5000).optional(),
    followUps: z.array(followUpAction).max(20).default([]),
  })
  .strict();
export type CreateInterviewBody = z.infer<typeof createInterviewBody>;
export const updateInterviewBody = z
  .object({ version: z.number().int().min(1), minutes: text(5000).optional(), followUps: z.array(followUpAction).max(20) })
  .strict();
export type UpdateInterviewBody = z.infer<typeof updateInterviewBody>;
export const interviewListQuery = z.object({ orgId: z.uuid().optional(), ...pageQuery }).strict();
export type InterviewListQuery = z.infer<typeof interviewListQuery>;
export const interviewView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  personName: z.string(),
  personTitle: z.string().nullable(),
  heldOn: z.string(),
  heldBy: z.string(),
  reason: z.string(),
  taskId: z.string().nullable(),
  taskItem: z.string().nullable(),
  minutes: z.string().nullable(),
  followUps: z.array(z.object({ action: z.string(), deadline: z.string(), done: z.boolean() })),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type InterviewView = z.infer<typeof interviewView>;
export const interviewPage = z.object({ items: z.array(interviewView), total: z.number().int() });

export const bulletinKinds = ['praise', 'criticism', 'ranking'] as const;
export type BulletinKind = (typeof bulletinKinds)[number];
export const bulletinStatuses = ['draft', 'published'] as const;
export type BulletinStatus = (typeof bulletinStatuses)[number];
export const bulletinKindLabels: Record<BulletinKind, { zh: string; en: string }> = {
  praise: { zh: '表扬通报', en: 'Praise' },
  criticism: { zh: '批评通报', en: 'Criticism' },
  ranking: { zh: '排名通报', en: 'Ranking' },
};

export const generateBulletinBody = z
  .object({
    kind: z.enum(bulletinKinds),
    title: text(200),
    planId: z.uuid().optional(),
    periodFrom: isoDate,
    periodTo: isoDate,
    /** Fewest report items a unit needs to be ranked first or last (L, default 3). */
    minItems: z.number().int().min(1).max(100).default(3),
  })
  .strict()
  .refine((b) => b.periodFrom <= b.periodTo, { error: 'period.order', path: ['periodTo'] });
export type GenerateBulletinBody = z.infer<typeof generateBulletinBody>;
export const editBulletinBody = z
  .object({
    version: z.number().int().min(1),
    title: text(200).optional(),
    body: text(10000).optional(),
    recipientOrgIds: z.array(z.uuid()).max(500).optional(),
  })
  .strict();
export type EditBulletinBody = z.infer<typeof editBulletinBody>;
export const bulletinListQuery = z.object({ ...pageQuery }).strict();
export type BulletinListQuery = z.infer<typeof bulletinListQuery>;

export const bulletinRow = z.object({
  orgId: z.string(),
  orgName: z.string(),
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  rate: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** Too few items to be ranked first or last (the fairness rule). */
  fewItems: z.boolean(),
});
export type BulletinRow = z.infer<typeof bulletinRow>;
export const bulletinView = z.object({
  id: z.string(),
  kind: z.enum(bulletinKinds),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  planId: z.string().nullable(),
  minItems: z.number().int(),
  rule: z.string(),
  body: z.string(),
  rows: z.array(bulletinRow),
  recipients: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(bulletinStatuses),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type BulletinView = z.infer<typeof bulletinView>;
export const bulletinPage = z.object({ items: z.array(bulletinView), total: z.number().int() });
