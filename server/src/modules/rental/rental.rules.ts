// 出租屋备案 rules as data. The commitment text the landlord signs is local (000 五(三)9 asks for a commitment to
// abide by the work-safety laws and carry the main responsibility; the wording is the deployment's): this default,
// configurable.
export const defaultCommitmentText =
  '本人（本单位）承诺：出租房屋用于生产经营前已办理安全生产备案；督促承租人遵守安全生产法律法规、落实安全生产主体责任；' +
  '不将房屋出租给无合法证照或不具备安全生产条件的单位和个人；发现承租人存在重大事故隐患或违法生产经营行为及时向社区报告。';

/** A filing is in force on `today` when accepted and its lease runs that day. */
export function filingInForce(f: { status: string; leaseStart: string; leaseEnd: string }, today: string): boolean {
  return f.status === 'accepted' && f.leaseStart <= today && today <= f.leaseEnd;
}
