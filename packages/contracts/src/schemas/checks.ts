// Scheduled self-inspection (隐患排查): checklist templates, the tasks generated per enterprise and
// control level (班组日、部门周、经理月), item results from the phone, and the district's missed-task view.
import { z } from 'zod';
import { safeString } from '../input';
import type { Bilingual } from '../errors';
import { hazardTags, sectors } from '../sectors';
import { isoDate, pageQuery } from './common';
import { hazardCategoryKeys, hazardGradeKeys } from './hazards';
import { checkFrequencies, responsibleLevels, riskLevelKeys } from './risks';

const text = (max: number) => safeString().trim().min(1).max(max);

// ---- Templates ----------------------------------------------------------------------------------------------

export const checkTemplateItem = z.object({ id: z.uuid(), content: safeString(), basis: safeString().nullable() });

export const checkTemplate = z.object({
  id: z.uuid(),
  name: safeString(),
  /** Applies to enterprises of this sector; null with a null tag: every enterprise (通用). */
  sector: z.enum(sectors).nullable(),
  /** Applies to enterprises carrying this special hazard tag (粉尘涉爆, 涉氨制冷, 有限空间 …). */
  hazardTag: z.enum(hazardTags).nullable(),
  /** Whose task the items join, and so how often they are checked. */
  checkLevel: z.enum(responsibleLevels),
  active: z.boolean(),
  items: z.array(checkTemplateItem),
  updatedAt: safeString(),
  version: z.number().int(),
  abilities: z.array(z.enum(['update', 'delete'])),
});
export type CheckTemplate = z.infer<typeof checkTemplate>;

export const checkTemplateBody = z
  .object({
    name: text(100),
    sector: z.enum(sectors).nullable().optional(),
    hazardTag: z.enum(hazardTags).nullable().optional(),
    checkLevel: z.enum(responsibleLevels),
    active: z.boolean().optional(),
    /** The whole list, in order: items sent with an id are kept (and edited), others added, missing ones retired. */
    items: z
      .array(z.object({ id: z.uuid().optional(), content: text(500), basis: text(300).nullable().optional() }).strict())
      .min(1)
      .max(200),
  })
  .strict();
export type CheckTemplateBody = z.infer<typeof checkTemplateBody>;
export const updateCheckTemplateBody = checkTemplateBody.extend({ version: z.number().int().min(1) }).strict();
export type UpdateCheckTemplateBody = z.infer<typeof updateCheckTemplateBody>;

// ---- Tasks --------------------------------------------------------------------------------------------------

/** `missed` is derived: still pending after its due date (China time). */
export const checkTaskStates = ['pending', 'done', 'missed'] as const;
/** The states a check task stores (the server's check-task machine, CHECK-constrained); "missed" is derived. */
export const checkTaskStoredStates = ['pending', 'done'] as const satisfies readonly (typeof checkTaskStates)[number][];
export type CheckTaskState = (typeof checkTaskStates)[number];
export const checkTaskStateLabels: Record<CheckTaskState, Bilingual> = {
  pending: { zh: '待排查', en: 'To do' },
  done: { zh: '已完成', en: 'Done' },
  missed: { zh: '已漏检', en: 'Missed' },
};

export const checkItemResults = ['pending', 'pass', 'fail'] as const;
export type CheckItemResult = (typeof checkItemResults)[number];

export const checkTask = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: safeString(),
  level: z.enum(responsibleLevels),
  frequency: z.enum(checkFrequencies),
  periodStart: safeString(),
  dueDate: safeString(),
  state: z.enum(checkTaskStates),
  doneAt: safeString().nullable(),
  doneByName: safeString().nullable(),
  itemCount: z.number().int(),
  failedCount: z.number().int(),
  abilities: z.array(z.enum(['submit'])),
});
export type CheckTask = z.infer<typeof checkTask>;

export const checkTaskItem = z.object({
  id: z.uuid(),
  source: z.enum(['measure', 'template']),
  content: safeString(),
  basis: safeString().nullable(),
  unitName: safeString().nullable(),
  eventName: safeString().nullable(),
  riskLevel: z.enum(riskLevelKeys).nullable(),
  result: z.enum(checkItemResults),
  note: safeString().nullable(),
  photoId: safeString().nullable(),
  hazardId: z.uuid().nullable(),
});
export type CheckTaskItem = z.infer<typeof checkTaskItem>;

export const checkTaskDetail = checkTask.extend({ items: z.array(checkTaskItem) });
export type CheckTaskDetail = z.infer<typeof checkTaskDetail>;

export const checkTaskListQuery = z
  .object({
    enterpriseId: z.uuid().optional(),
    state: z.enum(checkTaskStates).optional(),
    /** Tasks whose period contains this day (e.g. today's tasks). */
    date: isoDate.optional(),
    level: z.enum(responsibleLevels).optional(),
    ...pageQuery,
  })
  .strict();
export type CheckTaskListQuery = z.infer<typeof checkTaskListQuery>;

export const submitCheckTaskBody = z
  .object({
    results: z
      .array(
        z
          .object({
            itemId: z.uuid(),
            result: z.enum(['pass', 'fail']),
            note: text(500).nullable().optional(),
            /** A photo uploaded by the same caller (POST /api/hazards/attachments) and not yet attached elsewhere. */
            photoId: z.uuid().nullable().optional(),
            /** For a failed item: the hidden danger's grade (default 一般) and category (default from the measure type). */
            grade: z.enum(hazardGradeKeys).optional(),
            category: z.enum(hazardCategoryKeys).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type SubmitCheckTaskBody = z.infer<typeof submitCheckTaskBody>;

export const generateCheckTasksBody = z.object({ date: isoDate.optional() }).strict();
export const generateCheckTasksResult = z.object({ date: safeString(), tasksCreated: z.number().int(), itemsCreated: z.number().int() });

export const missedSummaryQuery = z
  .object({
    areaCode: z
      .string()
      .regex(/^\d{2,15}$/)
      .optional(),
    /** Due dates from / to (inclusive); default the last 30 days up to yesterday. */
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

export const missedSummary = z.object({
  from: safeString(),
  to: safeString(),
  groups: z.array(
    z.object({
      key: safeString(),
      name: safeString(),
      total: z.number().int(),
      done: z.number().int(),
      missed: z.number().int(),
      pending: z.number().int(),
      /** Enterprises with at least one missed task. */
      enterprisesMissing: z.number().int(),
    }),
  ),
});
export type MissedSummary = z.infer<typeof missedSummary>;
