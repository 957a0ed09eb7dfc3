// 信用: an enterprise's credit record (entries written from domain events), its grade from a versioned scoring scheme
// with the calculation shown, and the 严重失信主体名单 under 应急管理部令第11号 with its due process (proposal, prior
// notice, objection, review, decision, publication, the 3-year period, early removal after 12 months, re-listing).
import { z } from 'zod';
import { safeString } from '../input';
import { idParams, isoDate, pageQuery } from './common';

const text = (max: number) => safeString().trim().min(1).max(max);
const day = isoDate;

export const creditEntryKinds = [
  'penalty',
  'refusal_to_rectify',
  'accident',
  'major_hazard',
  'verified_report',
  'uninsured',
  'duty_kept',
  'standardization',
  'accident_free',
] as const;
export type CreditEntryKind = (typeof creditEntryKinds)[number];
export const creditEntryKindLabels: Record<CreditEntryKind, { zh: string; en: string }> = {
  penalty: { zh: '行政处罚决定', en: 'Penalty decision' },
  refusal_to_rectify: { zh: '拒不整改（复查不合格处罚）', en: 'Refusal to rectify' },
  accident: { zh: '生产安全事故', en: 'Accident' },
  major_hazard: { zh: '重大事故隐患', en: 'Major hidden danger' },
  verified_report: { zh: '举报查实', en: 'Verified report' },
  uninsured: { zh: '应投未投安责险', en: 'No liability insurance where mandatory' },
  duty_kept: { zh: '落实“八个一次”（良好记录）', en: '“Eight onces” duty kept (good record)' },
  standardization: { zh: '安全生产标准化达标（良好记录）', en: 'Standardization grade (good record)' },
  accident_free: { zh: '连续无生产安全事故（良好记录）', en: 'Years without an accident (good record)' },
};
/** Good records: their points are credited (negative deductions), never deducted. */
export const positiveCreditKinds = ['duty_kept', 'standardization', 'accident_free'] as const satisfies readonly CreditEntryKind[];
export const creditGrades = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof creditGrades)[number];
export const creditGradeLabels: Record<CreditGrade, { zh: string; en: string }> = {
  A: { zh: 'A级（守信）', en: 'A (good)' },
  B: { zh: 'B级（基本守信）', en: 'B (fair)' },
  C: { zh: 'C级（失信）', en: 'C (poor)' },
  D: { zh: 'D级（严重失信）', en: 'D (bad)' },
};

export const creditEntryView = z.object({
  id: safeString(),
  kind: z.enum(creditEntryKinds),
  sourceType: safeString(),
  sourceId: safeString(),
  sourceRef: safeString().nullable(),
  severity: safeString().nullable(),
  title: safeString(),
  points: z.number().int(),
  occurredOn: day,
  status: z.enum(['active', 'withdrawn']),
  withdrawnOn: day.nullable(),
  withdrawnReason: safeString().nullable(),
  /** Whether the entry counts in today's score (active and inside the scheme's window). */
  counted: z.boolean(),
});
export type CreditEntryView = z.infer<typeof creditEntryView>;

export const creditCalculationLine = z.object({
  kind: z.enum(creditEntryKinds),
  severity: safeString().nullable(),
  count: z.number().int(),
  pointsEach: z.number().int(),
  points: z.number().int(),
});
export const creditCalculation = z.object({
  schemeVersion: safeString(),
  base: z.number().int(),
  windowMonths: z.number().int(),
  since: day,
  lines: z.array(creditCalculationLine),
  deducted: z.number().int(),
  /** Points credited by good records (after the scheme's cap): they offset deductions, never lift the score past the base. */
  credited: z.number().int(),
  score: z.number().int(),
  gradeByScore: z.enum(creditGrades),
  /** Rules that cap the grade regardless of score (a 重大 accident, a current 严重失信 listing). */
  caps: z.array(z.object({ rule: safeString(), zh: safeString(), en: safeString(), grade: z.enum(creditGrades) })),
  grade: z.enum(creditGrades),
  thresholds: z.array(z.object({ grade: z.enum(creditGrades), minScore: z.number().int() })),
});
export type CreditCalculation = z.infer<typeof creditCalculation>;

export const enterpriseCreditView = z.object({
  enterpriseId: safeString(),
  enterpriseName: safeString(),
  creditCode: safeString(),
  grade: z.enum(creditGrades),
  score: z.number().int(),
  calculation: creditCalculation,
  entries: z.array(creditEntryView),
  listed: z.boolean(),
});
export type EnterpriseCreditView = z.infer<typeof enterpriseCreditView>;

export const creditGradeListQuery = z.object({ grade: z.enum(creditGrades).optional(), ...pageQuery }).strict();
export type CreditGradeListQuery = z.infer<typeof creditGradeListQuery>;
export const creditGradeRow = z.object({
  enterpriseId: safeString(),
  enterpriseName: safeString(),
  creditCode: safeString(),
  areaCode: safeString(),
  grade: z.enum(creditGrades),
  score: z.number().int(),
  activeEntries: z.number().int(),
  schemeVersion: safeString(),
  updatedAt: safeString(),
});
export const creditGradePage = z.object({ items: z.array(creditGradeRow), total: z.number().int() });

// ——— 严重失信主体名单 (部令第11号) ———

export const listingStatuses = [
  'proposed',
  'noticed',
  'objection_received',
  'reviewed',
  'decided',
  'published',
  'removed',
  'dropped',
] as const;
export type ListingStatus = (typeof listingStatuses)[number];
export const listingStatusLabels: Record<ListingStatus, { zh: string; en: string }> = {
  proposed: { zh: '拟列入', en: 'Proposed' },
  noticed: { zh: '已告知（异议期）', en: 'Noticed (objection period)' },
  objection_received: { zh: '已提出异议', en: 'Objection received' },
  reviewed: { zh: '异议已复核', en: 'Objection reviewed' },
  decided: { zh: '已决定列入', en: 'Decided' },
  published: { zh: '已公开（管理期内）', en: 'Published' },
  removed: { zh: '已移出', en: 'Removed' },
  dropped: { zh: '不予列入', en: 'Not listed' },
};
export const listingActions = [
  'notice',
  'receive_objection',
  'accept_objection',
  'reject_objection',
  'decide',
  'publish',
  'remove_on_expiry',
  'remove_early',
  'revoke_removal',
  'drop',
] as const;
export type ListingAction = (typeof listingActions)[number];
export const listingActionLabels: Record<ListingAction, { zh: string; en: string }> = {
  notice: { zh: '告知当事人', en: 'Give prior notice' },
  receive_objection: { zh: '登记异议（陈述申辩）', en: 'Record an objection' },
  accept_objection: { zh: '异议成立，不予列入', en: 'Uphold the objection' },
  reject_objection: { zh: '异议不成立', en: 'Reject the objection' },
  decide: { zh: '作出列入决定', en: 'Decide to list' },
  publish: { zh: '公开', en: 'Publish' },
  remove_on_expiry: { zh: '期满移出', en: 'Remove on expiry' },
  remove_early: { zh: '提前移出（信用修复）', en: 'Remove early (credit repair)' },
  revoke_removal: { zh: '撤销移出，恢复列入', en: 'Revoke the removal (re-list)' },
  drop: { zh: '撤回拟列入', en: 'Withdraw the proposal' },
};

export const listingCriteria = [
  'major_accident',
  'two_larger_accidents_12m',
  'aggravated_accident_fine',
  'concealed_accident',
  'principal_fled',
  'unlicensed_operation',
  'agency_fraud',
  'evading_penalty',
  'other_serious',
] as const;
export type ListingCriterion = (typeof listingCriteria)[number];

export const listingSourceRef = z.object({ type: z.enum(['penalty_case', 'accident', 'hazard', 'credit_entry']), id: z.uuid() }).strict();

export const proposeListingBody = z
  .object({
    enterpriseId: z.uuid(),
    criteria: z.array(z.enum(listingCriteria)).min(1).max(9),
    grounds: text(2000),
    sources: z.array(listingSourceRef).max(20).default([]),
  })
  .strict();
export type ProposeListingBody = z.infer<typeof proposeListingBody>;

export const listingActBody = z
  .object({
    action: z.enum(listingActions),
    version: z.number().int().min(1),
    /** The day the step took place (default today): the notice served, the objection received, the decision … */
    on: day.optional(),
    objection: text(2000).optional(),
    reason: text(2000).optional(),
    documentNumber: text(100).optional(),
    /** Early removal: the application and its three conditions (部令第11号; rules.md §9). */
    appliedOn: day.optional(),
    penaltyExecuted: z.boolean().optional(),
    harmRemoved: z.boolean().optional(),
    noNewConduct: z.boolean().optional(),
  })
  .strict();
export type ListingActBody = z.infer<typeof listingActBody>;

export const listingListQuery = z
  .object({ status: z.enum(listingStatuses).optional(), enterpriseId: z.uuid().optional(), ...pageQuery })
  .strict();
export type ListingListQuery = z.infer<typeof listingListQuery>;

export const listingView = z.object({
  id: safeString(),
  enterpriseId: safeString(),
  partyName: safeString(),
  creditCode: safeString(),
  principalName: safeString().nullable(),
  areaCode: safeString(),
  status: z.enum(listingStatuses),
  criteria: z.array(z.enum(listingCriteria)),
  grounds: safeString(),
  sources: z.array(z.object({ type: safeString(), id: safeString() })),
  proposedOn: day,
  noticedOn: day.nullable(),
  objectionDue: day.nullable(),
  objection: safeString().nullable(),
  objectionReceivedOn: day.nullable(),
  reviewReason: safeString().nullable(),
  decidedOn: day.nullable(),
  documentNumber: safeString().nullable(),
  publishedOn: day.nullable(),
  periodEnd: day.nullable(),
  earlyRemovalFrom: day.nullable(),
  removedOn: day.nullable(),
  removalKind: z.enum(['expiry', 'early']).nullable(),
  removalReason: safeString().nullable(),
  version: z.number().int(),
  abilities: z.array(safeString()),
});
export type ListingView = z.infer<typeof listingView>;
export const listingDetail = listingView.extend({
  history: z.array(
    z.object({
      action: safeString(),
      from: safeString().nullable(),
      to: safeString().nullable(),
      actorName: safeString().nullable(),
      at: safeString(),
    }),
  ),
});
export type ListingDetail = z.infer<typeof listingDetail>;
export const listingPage = z.object({ items: z.array(listingView), total: z.number().int() });

export const listingCandidate = z.object({
  enterpriseId: safeString(),
  enterpriseName: safeString(),
  creditCode: safeString(),
  criteria: z.array(z.object({ criterion: z.enum(listingCriteria), sources: z.array(z.object({ type: safeString(), id: safeString() })) })),
});
export const listingCandidates = z.object({ items: z.array(listingCandidate) });

export const creditLookupQuery = z.object({ creditCode: text(40) }).strict();
export const creditLookupView = z.object({
  creditCode: safeString(),
  listed: z.boolean(),
  partyName: safeString().nullable(),
  decidedOn: day.nullable(),
  documentNumber: safeString().nullable(),
  publishedOn: day.nullable(),
  periodEnd: day.nullable(),
});

export const publicListingsQuery = z.object({ ...pageQuery }).strict();
export const publicListingView = z.object({
  id: safeString(),
  partyName: safeString(),
  creditCode: safeString(),
  principalName: safeString().nullable(),
  grounds: safeString(),
  documentNumber: safeString().nullable(),
  decidedOn: day.nullable(),
  publishedOn: day,
  periodEnd: day,
});
export const publicListingPage = z.object({ items: z.array(publicListingView), total: z.number().int() });

export { idParams as creditIdParams };
