// 出租屋备案 rules as data. The commitment text the landlord signs is local (000 五(三)9 asks for a commitment to
// abide by the work-safety laws and carry the main responsibility; the wording is the deployment's): this default,
// configurable.
export { defaultRentalCommitment as defaultCommitmentText } from '@anjian/contracts';

/** A filing is in force on `today` when accepted and its lease runs that day. */
export function filingInForce(f: { status: string; leaseStart: string; leaseEnd: string }, today: string): boolean {
  return f.status === 'accepted' && f.leaseStart <= today && today <= f.leaseEnd;
}
