// 举报奖励 (安监总财〔2018〕19号; rules.md §8): the verification finding (核查结果) a handler records on a report, and
// the reward record that follows a verified named report — due → proposed → approved → paid, or declined / lapsed.
// No view here carries the reporter's identity: the payer opens it through the report vault's audited reveal.
import { z } from 'zod';
import { safeString } from '../input';
import { accidentLevels } from './accidents';
import { isoDate, pageQuery } from './common';
import { reportCategories } from './reports';

const text = (max: number) => safeString().trim().min(1).max(max);

export const verificationFindings = ['verified', 'partly_verified', 'unfounded'] as const;
export type VerificationFinding = (typeof verificationFindings)[number];
export const verificationFindingLabels: Record<VerificationFinding, { zh: string; en: string }> = {
  verified: { zh: '属实', en: 'Verified' },
  partly_verified: { zh: '部分属实', en: 'Partly verified' },
  unfounded: { zh: '不属实', en: 'Unfounded' },
};

export const rewardStatuses = ['due', 'proposed', 'approved', 'paid', 'declined', 'lapsed'] as const;
export type RewardStatus = (typeof rewardStatuses)[number];
export const rewardActions = ['propose', 'return', 'approve', 'pay', 'decline', 'lapse'] as const;
export type RewardAction = (typeof rewardActions)[number];
/** What the amount is computed from: the fine of the penalty decision, or the concealed accident's level and deaths. */
export const rewardMatters = ['fine', 'concealed_accident'] as const;
export type RewardMatter = (typeof rewardMatters)[number];
export const rewardPayMethods = ['bank_transfer', 'cash', 'other'] as const;
export type RewardPayMethod = (typeof rewardPayMethods)[number];

export const rewardStatusLabels: Record<RewardStatus, { zh: string; en: string }> = {
  due: { zh: '待核定', en: 'Due' },
  proposed: { zh: '已拟定', en: 'Proposed' },
  approved: { zh: '已批准', en: 'Approved' },
  paid: { zh: '已发放', en: 'Paid' },
  declined: { zh: '不予奖励', en: 'Declined' },
  lapsed: { zh: '逾期未领', en: 'Lapsed' },
};
export const rewardActionLabels: Record<RewardAction, { zh: string; en: string }> = {
  propose: { zh: '拟定金额', en: 'Propose' },
  return: { zh: '退回', en: 'Return' },
  approve: { zh: '批准', en: 'Approve' },
  pay: { zh: '登记发放', en: 'Record payment' },
  decline: { zh: '不予奖励', en: 'Decline' },
  lapse: { zh: '逾期未领', en: 'Mark lapsed' },
};
export const rewardMatterLabels: Record<RewardMatter, { zh: string; en: string }> = {
  fine: { zh: '重大隐患/违法行为（按罚款）', en: 'Hazard or violation (share of the fine)' },
  concealed_accident: { zh: '瞒报谎报事故（按死亡人数）', en: 'Concealed accident (per death)' },
};
export const rewardPayMethodLabels: Record<RewardPayMethod, { zh: string; en: string }> = {
  bank_transfer: { zh: '银行转账', en: 'Bank transfer' },
  cash: { zh: '现金', en: 'Cash' },
  other: { zh: '其他', en: 'Other' },
};

export const recordFindingBody = z
  .object({
    finding: z.enum(verificationFindings),
    note: text(2000),
    /** The report's version as the caller read it. */
    version: z.number().int().min(1),
  })
  .strict();
export type RecordFindingBody = z.infer<typeof recordFindingBody>;

export const reportVerificationView = z.object({
  reportId: z.uuid(),
  finding: z.enum(verificationFindings).nullable(),
  note: safeString().nullable(),
  recordedOn: isoDate.nullable(),
  recordedByName: safeString().nullable(),
  rewardId: z.uuid().nullable(),
  rewardStatus: z.enum(rewardStatuses).nullable(),
  /** 'verify' when the caller may record the finding now. */
  abilities: z.array(safeString()),
});
export type ReportVerificationView = z.infer<typeof reportVerificationView>;

export const rewardActBody = z
  .object({
    action: z.enum(rewardActions),
    version: z.number().int().min(1),
    matter: z.enum(rewardMatters).optional(),
    /** The fine of the penalty decision, in 元 (fen precision). */
    fine: z.number().min(0).max(10_000_000_000).optional(),
    accidentLevel: z.enum(accidentLevels).optional(),
    /** Deaths the report proved concealed (查实瞒报谎报的人数). */
    deaths: z.number().int().min(1).max(1000).optional(),
    /** The penalty decision's number or the accident's reference: the matter the first-reporter rule compares. */
    basisRef: text(100).optional(),
    reason: text(500).optional(),
    paidOn: isoDate.optional(),
    payMethod: z.enum(rewardPayMethods).optional(),
    receiptNo: text(100).optional(),
    /** The payment voucher uploaded through POST /api/rewards/receipts (pay). */
    receiptFileId: z.uuid().optional(),
    /** Why there is no voucher to upload (pay without receiptFileId). */
    noReceiptReason: text(500).optional(),
  })
  .strict();
export type RewardActBody = z.infer<typeof rewardActBody>;

export const rewardListQuery = z
  .object({
    status: z.enum(rewardStatuses).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    ...pageQuery,
  })
  .strict();
export type RewardListQuery = z.infer<typeof rewardListQuery>;

export const rewardFineSources = ['case', 'manual'] as const;
export type RewardFineSource = (typeof rewardFineSources)[number];
export const rewardFineSourceLabels: Record<RewardFineSource, { zh: string; en: string }> = {
  case: { zh: '自动读取处罚决定', en: 'Read from the penalty decision' },
  manual: { zh: '人工录入', en: 'Entered by hand' },
};

/** An uploaded payment voucher (凭证), before and after it is attached to the reward. */
export const rewardReceiptView = z.object({ id: z.uuid(), name: safeString(), mime: safeString(), size: z.number().int() });
export type RewardReceiptView = z.infer<typeof rewardReceiptView>;

export const rewardView = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  reportCategory: z.enum(reportCategories),
  areaCode: safeString(),
  areaName: safeString().nullable(),
  enterpriseName: safeString().nullable(),
  year: z.number().int(),
  status: z.enum(rewardStatuses),
  finding: z.enum(verificationFindings),
  dueOn: isoDate,
  matter: z.enum(rewardMatters).nullable(),
  fine: z.number().nullable(),
  accidentLevel: z.enum(accidentLevels).nullable(),
  deaths: z.number().int().nullable(),
  basisRef: safeString().nullable(),
  /** Where the fine came from: read from the linked penalty decisions ('case') or typed by the proposer ('manual'). */
  fineSource: z.enum(rewardFineSources).nullable(),
  /** The decisions the fine was read from, each with its fine in 元 and the case page. */
  fineCases: z.array(z.object({ caseId: z.uuid(), number: safeString(), fine: z.number(), link: safeString() })),
  fineReadOn: isoDate.nullable(),
  /** 元, two decimals. */
  amount: z.number().nullable(),
  computation: safeString().nullable(),
  proposedByName: safeString().nullable(),
  proposedOn: isoDate.nullable(),
  approvedByName: safeString().nullable(),
  approvedOn: isoDate.nullable(),
  paidOn: isoDate.nullable(),
  payMethod: z.enum(rewardPayMethods).nullable(),
  receiptNo: safeString().nullable(),
  /** The payment voucher: only for the roles that see it (reward.receipt); null for every other reader. */
  receipt: rewardReceiptView.nullable(),
  noReceiptReason: safeString().nullable(),
  /** Last day the reporter may claim an approved reward; it lapses automatically the day after. */
  claimDue: isoDate.nullable(),
  reason: safeString().nullable(),
  version: z.number().int(),
  abilities: z.array(safeString()),
});
export type RewardView = z.infer<typeof rewardView>;
export const rewardPage = z.object({ items: z.array(rewardView), total: z.number().int() });
export const rewardDetail = rewardView.extend({
  history: z.array(
    z.object({
      action: safeString(),
      from: safeString().nullable(),
      to: safeString(),
      actorName: safeString().nullable(),
      at: safeString(),
    }),
  ),
});
export type RewardDetail = z.infer<typeof rewardDetail>;

export const rewardRateQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();
export type RewardRateQuery = z.infer<typeof rewardRateQuery>;
const rateRow = z.object({ due: z.number().int(), paid: z.number().int(), rate: z.number().nullable() });
/** 举报奖励措施落实率: rewards paid / rewards due (declined ones are not due), per area of the caller's scope. */
export const rewardRate = z.object({
  year: z.number().int(),
  total: rateRow,
  areas: z.array(rateRow.extend({ areaCode: safeString(), areaName: safeString().nullable() })),
});
export type RewardRate = z.infer<typeof rewardRate>;

/** What the tracking code shows of a reward: its stage and a sentence for the reporter, never an amount's payee. */
export const publicRewardStatus = z.object({
  status: z.enum(rewardStatuses).nullable(),
  amount: z.number().nullable(),
  notice: safeString().nullable(),
  /** Last day to claim an approved reward (null in every other stage). */
  claimDue: isoDate.nullable(),
});
export type PublicRewardStatus = z.infer<typeof publicRewardStatus>;
