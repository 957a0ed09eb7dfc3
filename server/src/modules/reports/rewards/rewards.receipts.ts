// A paid reward's payment voucher (凭证): uploaded through the files platform (content-checked, metadata stripped,
// size limits) and claimed by the reward at the paid step. It is read by those the permissions table lets see it
// ('reward.receipt': the payer, the approving leader, the audit administrator) and only for a reward in their scope;
// no public route and no other reward reader gets the file or its id.
import { can } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { findReward } from './rewards.queries';

export const REWARD_RECEIPT_OWNER = 'report_reward';

/** The file-owner check (platform/files.ts registerFileOwner): the permission, then the reward through the scope. */
export async function canReadReceipt(db: DbOrTx, actor: Actor, rewardId: string): Promise<boolean> {
  return can(actor.role, 'reward.receipt') && (await findReward(db, actor, rewardId)) !== null;
}
