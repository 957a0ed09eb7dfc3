// The reward arithmetic at every floor, cap and level boundary: 安全生产领域举报奖励办法 (安监总财〔2018〕19号),
// rules.md §8 — 15 % of the fine, at least 3,000 元, at most 300,000 元; 3/4/5/6 万 per concealed death by level
// (一般/较大/重大/特别重大); any reward capped at 30万; only the first accepted reporter of a matter.
import { describe, expect, it } from 'vitest';
import { addWorkdays, CalendarGapError } from '../../../platform/calendar';
import {
  claimDueOf,
  claimLapsed,
  concealedAccidentReward,
  fineReward,
  firstValidReporter,
  nationalRewardScheme,
  type RewardScheme,
} from './rewards.rules';

const fen = (yuan: number) => Math.round(yuan * 100);

describe('share of the fine with floor and cap (§8: 15 %, min 3,000 元, max 300,000 元)', () => {
  it.each([
    [1, 3_000], // far below the floor
    [19_999.99, 3_000], // 2,999.9985 → floor
    [20_000, 3_000], // exactly at the floor: 15 % = 3,000.00
    [20_000.07, 3_000.01], // 3,000.0105 rounds to the fen
    [100_000, 15_000],
    [1_999_999.99, 300_000], // 299,999.9985 rounds half up to 300,000.00
    [2_000_000, 300_000], // exactly at the cap
    [2_000_000.01, 300_000], // above the cap
    [50_000_000, 300_000],
  ])('fine %s 元 → %s 元', (fine, reward) => {
    expect(fineReward(fen(fine)).amountFen).toBe(fen(reward));
  });

  it('says how it computed the amount, citing the rule', () => {
    expect(fineReward(fen(100_000)).computation).toBe('罚款100000.00元×15%=15000.00元（安监总财〔2018〕19号）');
    expect(fineReward(fen(1_000)).computation).toContain('按最低');
    expect(fineReward(fen(3_000_000)).computation).toContain('按最高');
  });

  it('a matter closed without a fine earns the floor by default (L: configurable to none)', () => {
    expect(fineReward(0).amountFen).toBe(fen(3_000));
    expect(fineReward(0, { ...nationalRewardScheme, withoutFine: 'none' }).amountFen).toBe(0);
  });

  it('local tiers (L): the share of the band the fine falls in, still within floor and cap', () => {
    const local: RewardScheme = {
      ...nationalRewardScheme,
      tiers: [
        { fromFen: 0, sharePercent: 15 },
        { fromFen: fen(1_000_000), sharePercent: 10 },
      ],
    };
    expect(fineReward(fen(999_999.99), local).amountFen).toBe(fen(150_000));
    expect(fineReward(fen(1_000_000), local).amountFen).toBe(fen(100_000));
    expect(fineReward(fen(4_000_000), local).amountFen).toBe(fen(300_000));
  });

  it('refuses a negative or fractional fen fine', () => {
    expect(() => fineReward(-1)).toThrow(RangeError);
    expect(() => fineReward(1.5)).toThrow(RangeError);
  });
});

describe('concealed accidents per death by level (§8: 3/4/5/6 万, capped at 30万)', () => {
  it.each([
    ['general', 1, 30_000],
    ['general', 2, 60_000],
    ['general', 10, 300_000], // exactly the cap
    ['general', 11, 300_000],
    ['larger', 1, 40_000],
    ['larger', 7, 280_000],
    ['larger', 8, 300_000], // 320,000 → cap
    ['major', 1, 50_000],
    ['major', 6, 300_000], // exactly the cap
    ['major', 7, 300_000],
    ['especially_major', 1, 60_000],
    ['especially_major', 5, 300_000], // exactly the cap
    ['especially_major', 6, 300_000],
  ] as const)('%s, %s concealed death(s) → %s 元', (level, deaths, reward) => {
    expect(concealedAccidentReward(level, deaths).amountFen).toBe(fen(reward));
  });

  it('needs at least one concealed death', () => {
    expect(() => concealedAccidentReward('general', 0)).toThrow(RangeError);
  });
});

describe('only the first valid reporter of a matter (§8 eligibility: the first one accepted)', () => {
  const c = (id: string, acceptedOn: string | null, submittedOn = '2026-11-01', at = 0) => ({
    id,
    acceptedOn,
    submittedOn,
    createdAt: new Date(1_800_000_000_000 + at),
  });
  it('picks the earliest acceptance, then the earliest submission, then the earliest record', () => {
    expect(firstValidReporter([c('b', '2026-11-03'), c('a', '2026-11-02')])).toBe('a');
    expect(firstValidReporter([c('b', '2026-11-02', '2026-11-02'), c('a', '2026-11-02', '2026-11-01')])).toBe('a');
    expect(firstValidReporter([c('b', '2026-11-02', '2026-11-01', 5), c('a', '2026-11-02', '2026-11-01', 1)])).toBe('a');
  });
  it('never picks a report that was not accepted', () => {
    expect(firstValidReporter([c('x', null, '2026-10-01'), c('y', '2026-11-05')])).toBe('y');
    expect(firstValidReporter([c('x', null)])).toBeNull();
  });
});

describe('claim period (L: 60 calendar days from approval, 2012 办法 第十四条; last day on a rest day → next working day)', () => {
  const nextWorkday = (d: string) => addWorkdays(d, 0);

  it('ends 60 calendar days after the approval when that day is a working day', () => {
    expect(claimDueOf('2026-06-01', nextWorkday)).toBe('2026-07-31'); // a Friday
  });

  it('runs past the National Day holiday to the next working day (民法典 第二百零三条)', () => {
    // 2026-08-02 + 60 days = 2026-10-01, a holiday; the 2026 calendar has 10-01…10-07 off.
    expect(claimDueOf('2026-08-02', nextWorkday)).toBe('2026-10-08');
  });

  it('without the holiday calendar moves a weekend end to the Monday, never earlier than the plain end', () => {
    const gap = () => {
      throw new CalendarGapError(2099);
    };
    expect(claimDueOf('2026-05-04', gap)).toBe('2026-07-03'); // Friday: unchanged
    expect(claimDueOf('2026-05-06', gap)).toBe('2026-07-06'); // Sunday 07-05 → Monday
  });

  it('the claim day itself is in time; the day after, the reward has lapsed', () => {
    expect(claimLapsed('2026-10-08', '2026-10-08')).toBe(false);
    expect(claimLapsed('2026-10-08', '2026-10-09')).toBe(true);
  });
});
