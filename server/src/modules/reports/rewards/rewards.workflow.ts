// The reward's machine: due (a verified named report) → proposed (amount computed from the fine or the concealed
// accident) → approved (by the leader, never the proposer) → paid (date, method, receipt number); a proposal can be
// returned to due; a due or proposed reward declined (not the first valid reporter, not eligible), a due or approved
// one lapsed (the reporter never claimed it: by hand, or by the daily job as the system actor once the claim period
// ran out — rewards.job.ts). `writeReward` is the only writer of report_rewards.status: it asks the
// machine, writes the row, appends the history row and the domain event in the caller's transaction.
import { eq } from 'drizzle-orm';
import { rewardActionLabels, rewardStatuses, type RewardAction, type RewardStatus } from '@anjian/contracts';
import { reportRewards } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { appendEvent } from '../../../platform/outbox';
import { appendTransition } from '../../../platform/state-history';
import { abilities, decide, type MachineActor, type StateMachine } from '../../../platform/state-machine';

export type RewardRow = typeof reportRewards.$inferSelect;
type RewardFacts = Pick<RewardRow, 'status'> & { proposedBy?: string | null };

export const rewardMachine: StateMachine<RewardStatus, 'create' | RewardAction, RewardFacts> = {
  record: 'report_reward',
  table: 'report_rewards',
  column: 'status',
  states: rewardStatuses,
  actions: {
    create: { label: { zh: '应予奖励', en: 'Reward due' }, from: [null], to: 'due', permission: 'report.handle' },
    propose: {
      label: rewardActionLabels.propose,
      from: ['due'],
      to: 'proposed',
      permission: 'reward.propose',
      requires: ['matter', 'basisRef'],
    },
    return: { label: rewardActionLabels.return, from: ['proposed'], to: 'due', permission: 'reward.approve', requires: ['reason'] },
    approve: { label: rewardActionLabels.approve, from: ['proposed'], to: 'approved', permission: 'reward.approve' },
    pay: {
      label: rewardActionLabels.pay,
      from: ['approved'],
      to: 'paid',
      permission: 'reward.pay',
      requires: ['paidOn', 'payMethod', 'receiptNo'],
    },
    decline: {
      label: rewardActionLabels.decline,
      from: ['due', 'proposed'],
      to: 'declined',
      permission: 'reward.propose',
      requires: ['reason'],
    },
    // Also the daily job's step (system: platform/system-actor.ts) when an approved reward's claim period ran out.
    lapse: {
      label: rewardActionLabels.lapse,
      from: ['due', 'approved'],
      to: 'lapsed',
      permission: 'reward.propose',
      requires: ['reason'],
      system: true,
    },
  },
  stateOf: (r) => (r ? (r.status as RewardStatus) : null),
  fieldLabels: {
    matter: { zh: '奖励事项', en: 'matter' },
    basisRef: { zh: '处罚决定书或事故编号', en: 'decision or accident reference' },
    reason: { zh: '理由', en: 'reason' },
    paidOn: { zh: '发放日期', en: 'date paid' },
    payMethod: { zh: '发放方式', en: 'payment method' },
    receiptNo: { zh: '收据编号', en: 'receipt number' },
  },
  // Approval is a second person's decision: whoever proposed the amount may not approve it.
  guard: (record, actor, action) =>
    action === 'approve' && record?.proposedBy && 'id' in actor && (actor as { id: string }).id === record.proposedBy
      ? {
          reason: 'same_person',
          code: 'VALIDATION',
          details: [{ field: 'action', zh: '拟定人不能批准自己拟定的奖励', en: 'The proposer cannot approve the same reward' }],
        }
      : null,
};

export function availableRewardActions(actor: Actor, row: RewardFacts): RewardAction[] {
  return abilities(rewardMachine, row, actor as MachineActor).filter((a): a is RewardAction => a !== 'create');
}

export interface RewardChange {
  create?: Omit<typeof reportRewards.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof reportRewards.$inferInsert>;
  /** What the action's input carried; never the reporter. */
  input?: Record<string, unknown>;
}

/** The only writer of report_rewards.status, in the caller's transaction. */
export async function writeReward(
  tx: DbOrTx,
  actor: Actor,
  before: RewardRow | null,
  action: 'create' | RewardAction,
  change: RewardChange,
): Promise<RewardRow> {
  const { from, to } = decide(rewardMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(reportRewards)
        .set({ ...change.patch, status: to!, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(reportRewards.id, before.id))
        .returning()
    : await tx
        .insert(reportRewards)
        .values({ ...change.create!, status: to! })
        .returning();
  const evidence = change.input ?? {};
  await appendTransition(tx, rewardMachine, actor, { recordId: row!.id, action, from, to: to!, evidence });
  await appendEvent(tx, `report_reward.${action}`, 'report_reward', row!, actor, { from, to, reportId: row!.reportId, ...evidence });
  return row!;
}
