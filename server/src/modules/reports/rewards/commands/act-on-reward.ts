// One step on a reward (propose, return, approve, pay, decline, lapse) through the reward workflow: loadForUpdate
// (scope + lock + version) → the step's rules (amount from rewards.rules.ts, the first valid reporter of the matter,
// payment dates) → the one writer → audit with before and after, in one transaction. No step reads the vault: the
// payer who must identify the reporter opens it through the report's audited reveal.
import type { RewardActBody } from '@anjian/contracts';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db, Tx } from '../../../../platform/db';
import { fieldError } from '../../../../platform/errors';
import { loadForUpdate } from '../../../../platform/load-for-update';
import { cstDate } from '../../../../platform/time';
import { findReportDates, findReward, findSameMatter } from '../rewards.queries';
import { auditReward, presentRewardDetail } from '../rewards.presenter';
import { claimDueOf, concealedAccidentReward, fineReward, firstValidReporter, type RewardAmount } from '../rewards.rules';
import { rewardMachine, writeReward, type RewardRow } from '../rewards.workflow';
import { assertAllowed, decide } from '../../../../platform/state-machine';
import { addWorkdays } from '../../../../platform/calendar';
import { claimFiles } from '../../../../platform/files';
import { REWARD_RECEIPT_OWNER } from '../rewards.receipts';

export async function actOnReward(db: Db, actor: Actor, ip: string | null, id: string, input: RewardActBody, today = cstDate()) {
  return db.transaction((tx) => actOnRewardIn(tx, actor, ip, id, input, today));
}

/** Only the first accepted reporter of one matter is rewarded (rules.md §8): refuse when an earlier one exists. */
async function assertFirstValid(tx: Tx, row: RewardRow, basisRef: string) {
  const others = await findSameMatter(tx, basisRef, row.id);
  if (others.length === 0) return;
  const self = (await findReportDates(tx, row.reportId))!;
  const first = firstValidReporter([
    { id: row.id, acceptedOn: row.reportAcceptedOn, submittedOn: self.submittedOn, createdAt: self.createdAt },
    ...others.map((o) => ({ id: o.id, acceptedOn: o.acceptedOn, submittedOn: o.submittedOn, createdAt: o.createdAt })),
  ]);
  if (first !== row.id) {
    throw fieldError(
      'basisRef',
      '同一事项已有更早受理的有效举报，只奖励第一个有效举报人',
      'An earlier accepted report of the same matter exists: only the first valid reporter is rewarded',
    );
  }
}

/** The fine in fen the proposal rests on: typed by the proposer, else the one read from the linked decisions. */
function fineFenOf(input: RewardActBody, before: RewardRow): number | null {
  if (input.fine !== undefined) return Math.round(input.fine * 100);
  return before.fineSource === 'case' ? before.fineFen : null;
}

function amountOf(input: RewardActBody, before: RewardRow): RewardAmount {
  if (input.matter === 'fine') {
    const fineFen = fineFenOf(input, before);
    if (fineFen === null) throw fieldError('fine', '请填写处罚决定的罚款金额', 'Give the fine of the penalty decision');
    return fineReward(fineFen);
  }
  if (!input.accidentLevel) throw fieldError('accidentLevel', '请选择事故等级', 'Choose the accident level');
  if (input.deaths === undefined) throw fieldError('deaths', '请填写查实瞒报谎报的死亡人数', 'Give the concealed deaths');
  return concealedAccidentReward(input.accidentLevel, input.deaths);
}

/**
 * The paid step carries the payment voucher: an upload of the caller's (POST /api/rewards/receipts, checked like every
 * upload) claimed by this reward, or the reason there is none (paid in cash against a signature kept on paper …).
 */
async function attachReceipt(tx: Tx, actor: Actor, before: RewardRow, input: RewardActBody): Promise<Partial<RewardRow>> {
  if (input.receiptFileId) {
    await claimFiles(tx, actor, [input.receiptFileId], { type: REWARD_RECEIPT_OWNER, id: before.id });
    return { receiptFileId: input.receiptFileId, noReceiptReason: null };
  }
  if (input.noReceiptReason) return { receiptFileId: null, noReceiptReason: input.noReceiptReason };
  throw fieldError(
    'receiptFileId',
    '请上传发放凭证，或说明无法提供凭证的理由',
    'Upload the payment voucher, or give the reason there is none',
  );
}

export async function actOnRewardIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: RewardActBody, today = cstDate()) {
  const before = await loadForUpdate({
    load: () => findReward(tx, actor, id, true),
    version: input.version,
    present: (row) => presentRewardDetail(tx, actor, row),
  });
  // Permission, state and the second-person rule first, so a wrong step is refused as such before its inputs.
  assertAllowed(rewardMachine, before, actor, input.action);
  // A fine read from the linked decisions fills the proposal: matter and decision number need no typing.
  if (input.action === 'propose' && before.fineSource === 'case' && input.fine === undefined) {
    input = { ...input, matter: input.matter ?? 'fine', basisRef: input.basisRef ?? before.basisRef ?? undefined };
  }
  const { action, version: _version, ...fields } = input;
  let patch: Partial<RewardRow> = {};
  if (action === 'propose' && input.matter && input.basisRef) {
    const amount = amountOf(input, before);
    await assertFirstValid(tx, before, input.basisRef);
    // The read fine, whether left out or sent back unchanged (the web form shows it filled in).
    const fromCase =
      input.matter === 'fine' &&
      before.fineSource === 'case' &&
      (input.fine === undefined || Math.round(input.fine * 100) === before.fineFen);
    patch = {
      matter: input.matter,
      fineFen: input.matter === 'fine' ? fineFenOf(input, before) : null,
      fineSource: input.matter === 'fine' ? (fromCase ? 'case' : 'manual') : null,
      fineCases: fromCase ? before.fineCases : null,
      fineReadOn: fromCase ? before.fineReadOn : null,
      accidentLevel: input.matter === 'concealed_accident' ? input.accidentLevel! : null,
      deaths: input.matter === 'concealed_accident' ? input.deaths! : null,
      basisRef: input.basisRef,
      amountFen: amount.amountFen,
      computation: amount.computation,
      proposedBy: actor.id,
      proposedOn: today,
      reason: null,
    };
  } else if (action === 'approve') {
    // Another report of the matter may have been proposed since: the rule is checked again at approval.
    if (before.basisRef) await assertFirstValid(tx, before, before.basisRef);
    patch = { approvedBy: actor.id, approvedOn: today, claimDue: claimDueOf(today, (d) => addWorkdays(d, 0)) };
  } else if (action === 'pay' && input.paidOn) {
    // The machine's own required fields are reported first, then the voucher (attachReceipt).
    decide(rewardMachine, before, actor, 'pay', fields);
    if (input.paidOn > today) throw fieldError('paidOn', '发放日期不能晚于今天', 'The date paid cannot be in the future');
    if (before.approvedOn && input.paidOn < before.approvedOn) {
      throw fieldError('paidOn', '发放日期不能早于批准日期', 'The date paid cannot precede the approval');
    }
    patch = {
      paidOn: input.paidOn,
      payMethod: input.payMethod ?? null,
      receiptNo: input.receiptNo ?? null,
      ...(await attachReceipt(tx, actor, before, input)),
    };
  } else if (action === 'return' || action === 'decline' || action === 'lapse') {
    patch = { reason: input.reason ?? null };
  }
  const after = await writeReward(tx, actor, before, action, {
    patch,
    input: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  });
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: `report_reward.${action}`,
      entityType: 'report_reward',
      entityId: id,
      before: auditReward(before),
      after: auditReward(after),
    },
  );
  return presentRewardDetail(tx, actor, after);
}
