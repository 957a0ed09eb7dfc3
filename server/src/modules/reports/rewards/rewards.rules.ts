// 举报奖励 amounts (安全生产领域举报奖励办法, 安监总财〔2018〕19号; rules.md §8) as data and pure functions, in fen.
//
// National (H): a 重大事故隐患 or 违法生产经营建设 report earns 15 % of the administrative fine, at least 3,000 元 and
// at most 300,000 元; a 瞒报/谎报 accident earns per concealed death 3万 (一般), 4万 (较大), 5万 (重大), 6万 (特别重大)
// 元; any reward is capped at 30万 元; of several reporters of one matter only the first accepted is rewarded.
//
// Local (L, configuration with documented defaults): provinces set their own tiers. `tiers` lets a deployment use a
// different share for bands of the fine (the share of the band the whole fine falls in applies to the whole fine);
// the default is the national single tier of 15 %. `withoutFine` is what a verified report earns when the matter
// ended without a fine (the 办法 only names the floor): default the floor.
import type { AccidentLevelKey as AccidentLevel } from '@anjian/contracts';
import { addDays } from '../../../platform/time';

export interface RewardTier {
  /** The tier applies to fines of at least this many fen. */
  fromFen: number;
  /** Share of the fine, in percent. */
  sharePercent: number;
}

export interface RewardScheme {
  source: string;
  tiers: readonly RewardTier[];
  floorFen: number;
  capFen: number;
  perDeathFen: Record<AccidentLevel, number>;
  withoutFine: 'floor' | 'none';
}

const YUAN = 100;

export const nationalRewardScheme: RewardScheme = {
  source: '安监总财〔2018〕19号',
  tiers: [{ fromFen: 0, sharePercent: 15 }],
  floorFen: 3_000 * YUAN,
  capFen: 300_000 * YUAN,
  perDeathFen: {
    general: 30_000 * YUAN,
    larger: 40_000 * YUAN,
    major: 50_000 * YUAN,
    especially_major: 60_000 * YUAN,
  },
  withoutFine: 'floor',
};

export interface RewardAmount {
  amountFen: number;
  /** How the amount came about, for the record and the approver (Chinese, like the 审批表). */
  computation: string;
}

export const yuan = (fen: number) => (fen / YUAN).toFixed(2);

/** The tier the fine falls in: the last whose lower bound it reaches. */
export function tierOf(scheme: RewardScheme, fineFen: number): RewardTier {
  let tier = scheme.tiers[0]!;
  for (const t of scheme.tiers) if (fineFen >= t.fromFen) tier = t;
  return tier;
}

/** A hazard or violation report: share of the fine (rounded half up to the fen), then the floor, then the cap. */
export function fineReward(fineFen: number, scheme: RewardScheme = nationalRewardScheme): RewardAmount {
  if (!Number.isSafeInteger(fineFen) || fineFen < 0) throw new RangeError('fineFen must be a non-negative integer');
  if (fineFen === 0) {
    return scheme.withoutFine === 'floor'
      ? { amountFen: scheme.floorFen, computation: `未处罚款，按最低奖励${yuan(scheme.floorFen)}元` }
      : { amountFen: 0, computation: '未处罚款，不予奖励' };
  }
  const tier = tierOf(scheme, fineFen);
  const share = Math.round((fineFen * tier.sharePercent) / 100);
  const amountFen = Math.min(scheme.capFen, Math.max(scheme.floorFen, share));
  const bound = amountFen === scheme.capFen && share > scheme.capFen ? `，高于最高${yuan(scheme.capFen)}元按最高` : '';
  const floor = amountFen === scheme.floorFen && share < scheme.floorFen ? `，低于最低${yuan(scheme.floorFen)}元按最低` : '';
  return {
    amountFen,
    computation: `罚款${yuan(fineFen)}元×${tier.sharePercent}%=${yuan(share)}元${floor}${bound}（${scheme.source}）`,
  };
}

export const accidentLevelZh: Record<AccidentLevel, string> = {
  general: '一般',
  larger: '较大',
  major: '重大',
  especially_major: '特别重大',
};

/** A concealed (瞒报/谎报) accident: the level's amount per concealed death, capped. */
export function concealedAccidentReward(level: AccidentLevel, deaths: number, scheme: RewardScheme = nationalRewardScheme): RewardAmount {
  if (!Number.isInteger(deaths) || deaths < 1) throw new RangeError('deaths must be a positive integer');
  const per = scheme.perDeathFen[level];
  const raw = per * deaths;
  const amountFen = Math.min(scheme.capFen, raw);
  const bound = raw > scheme.capFen ? `，高于最高${yuan(scheme.capFen)}元按最高` : '';
  return {
    amountFen,
    computation: `瞒报谎报${accidentLevelZh[level]}事故，查实${deaths}人×${yuan(per)}元=${yuan(raw)}元${bound}（${scheme.source}）`,
  };
}

export interface RewardCandidate {
  id: string;
  /** The day the report was accepted (null: not accepted — cannot be the first valid one). */
  acceptedOn: string | null;
  /** Tie-breakers: the day it was submitted, then when it was created. */
  submittedOn: string;
  createdAt: Date;
}

/**
 * Several reporters of one matter: only the first accepted is rewarded (rules.md §8, eligibility). Returns the id of
 * the first valid candidate, or null when none was accepted.
 */
export function firstValidReporter(candidates: readonly RewardCandidate[]): string | null {
  const valid = candidates.filter((c) => c.acceptedOn !== null);
  valid.sort(
    (a, b) =>
      a.acceptedOn!.localeCompare(b.acceptedOn!) ||
      a.submittedOn.localeCompare(b.submittedOn) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return valid[0]?.id ?? null;
}

/** Findings that make a named reporter eligible (a report found unfounded earns nothing). */
export const rewardingFindings = ['verified', 'partly_verified'] as const;

/**
 * The claim period (领奖期限), L: configuration with a documented default. rules.md §8 and the seeds name no period;
 * the 2012 办法 (安监总财〔2012〕63号) 第十四条 has the reporter collect the reward within 60 days of the claim notice,
 * after which it is forfeited unless there is a special reason, and local 办法 keep that figure. Default: 60 calendar
 * days from the approval (the approval is the claim notice: the reporter is told then, and the tracking page shows
 * it). A period ending on a rest day runs to the next working day (民法典 第二百零三条). A deployment with a local
 * rule changes `rewardClaim` only.
 */
export const rewardClaim = { days: 60 } as const;

/**
 * The last day an approved reward can be claimed. `nextWorkday` is the platform calendar's (it throws for a year
 * without holiday data); without it the period's plain end is moved past a weekend only, so a missing calendar never
 * shortens the period by more than a holiday's extra days.
 */
export function claimDueOf(approvedOn: string, nextWorkday: (date: string) => string, period = rewardClaim): string {
  const end = addDays(approvedOn, period.days);
  try {
    return nextWorkday(end);
  } catch {
    let d = end;
    while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
    return d;
  }
}

/** Whether an approved reward with this claim day has lapsed on `today`: the claim day itself is still in time. */
export const claimLapsed = (claimDue: string, today: string) => today > claimDue;
