// Reward → response whitelist, plus `abilities`. The reporter is not a field of any row read here (it lives in the
// vault): list, detail, audit and events present the same whitelist to every reader. Amounts leave as 元.
import type {
  AccidentLevelKey,
  PublicRewardStatus,
  ReportCategory,
  RewardDetail,
  RewardFineSource,
  RewardMatter,
  RewardPayMethod,
  RewardStatus,
  RewardView,
  VerificationFinding,
} from '@anjian/contracts';
import { can } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { linkPath } from '../reports.links';
import type { DbOrTx } from '../../../platform/db';
import { findRewardHistory, rewardNames } from './rewards.queries';
import { yuan } from './rewards.rules';
import { availableRewardActions, type RewardRow } from './rewards.workflow';

type Names = Awaited<ReturnType<typeof rewardNames>>;
const money = (fen: number | null) => (fen === null ? null : fen / 100);

export function presentReward(actor: Actor, row: RewardRow, names: Names): RewardView {
  const report = names.reports.get(row.reportId);
  return {
    id: row.id,
    reportId: row.reportId,
    reportCategory: (report?.category ?? 'other') as ReportCategory,
    areaCode: row.areaCode,
    areaName: names.areas.get(row.areaCode) ?? null,
    enterpriseName: report?.enterpriseName ?? null,
    year: row.year,
    status: row.status as RewardStatus,
    finding: row.finding as VerificationFinding,
    dueOn: row.dueOn,
    matter: row.matter as RewardMatter | null,
    fine: money(row.fineFen),
    accidentLevel: row.accidentLevel as AccidentLevelKey | null,
    deaths: row.deaths,
    basisRef: row.basisRef,
    fineSource: row.fineSource as RewardFineSource | null,
    fineCases: (row.fineCases ?? []).map((c) => ({
      caseId: c.caseId,
      number: c.number,
      fine: c.fineFen / 100,
      link: linkPath.case(c.caseId),
    })),
    fineReadOn: row.fineReadOn,
    amount: money(row.amountFen),
    computation: row.computation,
    proposedByName: row.proposedBy ? (names.users.get(row.proposedBy) ?? null) : null,
    proposedOn: row.proposedOn,
    approvedByName: row.approvedBy ? (names.users.get(row.approvedBy) ?? null) : null,
    approvedOn: row.approvedOn,
    paidOn: row.paidOn,
    payMethod: row.payMethod as RewardPayMethod | null,
    receiptNo: row.receiptNo,
    receipt: row.receiptFileId && can(actor.role, 'reward.receipt') ? (names.receipts.get(row.receiptFileId) ?? null) : null,
    noReceiptReason: row.noReceiptReason,
    claimDue: row.claimDue,
    reason: row.reason,
    version: row.version,
    abilities: availableRewardActions(actor, row),
  };
}

export async function presentRewards(db: DbOrTx, actor: Actor, rows: RewardRow[]) {
  const names = await rewardNames(db, rows);
  return rows.map((r) => presentReward(actor, r, names));
}

export async function presentRewardDetail(db: DbOrTx, actor: Actor, row: RewardRow): Promise<RewardDetail> {
  const [view] = await presentRewards(db, actor, [row]);
  const history = await findRewardHistory(db, row.id);
  return { ...view!, history: history.map((h) => ({ ...h, at: h.at.toISOString() })) };
}

/** The audit entry's picture of a reward: the whitelist's facts — never the reporter. */
export function auditReward(row: RewardRow) {
  return {
    status: row.status,
    reportId: row.reportId,
    areaCode: row.areaCode,
    matter: row.matter,
    fineFen: row.fineFen,
    accidentLevel: row.accidentLevel,
    deaths: row.deaths,
    basisRef: row.basisRef,
    fineSource: row.fineSource,
    fineCases: row.fineCases,
    amountFen: row.amountFen,
    claimDue: row.claimDue,
    paidOn: row.paidOn,
    payMethod: row.payMethod,
    receiptNo: row.receiptNo,
    receiptFileId: row.receiptFileId,
    noReceiptReason: row.noReceiptReason,
    reason: row.reason,
    version: row.version,
  };
}

/** The sentence the tracking page shows the reporter for each stage (no reason: it could speak of other reports). */
export function presentPublicReward(row: {
  status: string | null;
  amount_fen: string | number | null;
  paid_on: string | null;
  claim_due: string | null;
}): PublicRewardStatus {
  const status = row.status as RewardStatus | null;
  const amountFen = row.amount_fen === null ? null : Number(row.amount_fen);
  const shown = status === 'approved' || status === 'paid' ? amountFen : null;
  const notice: Record<RewardStatus, string> = {
    due: '您的举报经核查属实，奖励正在核定中。',
    proposed: '您的举报经核查属实，奖励正在审批中。',
    approved: `奖励已批准（${shown !== null ? yuan(shown) : ''}元），请${row.claim_due ? `于${row.claim_due}前` : ''}携带本人身份证件与受理机关联系领取，逾期未领取视为放弃。`,
    paid: `奖励已于${row.paid_on ?? ''}发放。`,
    declined: '经审核，本举报不符合奖励条件。',
    lapsed: '奖励逾期未领取。',
  };
  return {
    status,
    amount: shown === null ? null : shown / 100,
    notice: status ? notice[status] : null,
    claimDue: status === 'approved' ? row.claim_due : null,
  };
}
