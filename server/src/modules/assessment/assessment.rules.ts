// Scoring rules of 年度考核 as data (contracts ScoringRule) and the small pure functions that apply them. Rates are
// percentages; arithmetic runs in hundredths of a point/percent so "exactly 10 points short" is exactly 10.
//  - linear: weight × min(1, value / target).
//  - step_short (Huiji 003: "年底未完成70%以上达标任务的，每少10个百分点扣除0.5分"): full weight at the target, minus
//    `deduct` per WHOLE `step` percentage points short — 10.00 short deducts once, 9.99 short not at all; never < 0.
//  - thresholds: the share of the weight of the highest band whose minimum the value reaches.
//  - count_reduction (Liangping 004: "全年各类生产安全事故死亡人数比2017年下降5%以上"): full weight when this year's
//    count ≤ last year's × (1 − pct/100), else 0. A zero last year is met only by zero.
//  - double_decline (Shanwei 001: 事故总量、死亡人数持续"双下降"): full weight when both counts are below last year's
//    (or both are zero, nothing left to fall), else 0.
// Vetoes (Liangping 004: 坚决遏制较大及以上事故; 对"一票否决"的单位取消其主要负责人本年度各类评先评优资格): a vetoed
// unit keeps its arithmetic on the sheet but is ranked after every unit not vetoed.
import type { ScoringRule } from '@anjian/contracts';

const cents = (n: number) => Math.round(n * 100);
const fromCents = (n: number) => n / 100;

export interface RateInput {
  value: number | null;
}
export interface CountInput {
  thisYear: number;
  lastYear: number;
  /** For 双下降: accident counts (value/lastYear above are deaths). */
  accidentsThisYear?: number;
  accidentsLastYear?: number;
}

/** Points for a rate under a rate rule; null (nothing to measure) earns full weight. */
export function scoreRate(rule: ScoringRule, weight: number, value: number | null): number {
  if (value === null) return weight;
  const w = cents(weight);
  const v = cents(value);
  switch (rule.kind) {
    case 'linear': {
      const t = cents(rule.target);
      if (t === 0 || v >= t) return weight;
      return fromCents(Math.round((w * v) / t));
    }
    case 'step_short': {
      const short = cents(rule.target) - v;
      if (short <= 0) return weight;
      const steps = Math.floor(short / cents(rule.step));
      return fromCents(Math.max(0, w - steps * cents(rule.deduct)));
    }
    case 'thresholds': {
      const band = [...rule.bands].sort((a, b) => b.min - a.min).find((b) => v >= cents(b.min));
      return band ? fromCents(Math.round(w * band.share)) : 0;
    }
    default:
      return 0;
  }
}

/** Points for counts under a count rule (deaths −N % on last year; 双下降). */
export function scoreCounts(rule: ScoringRule, weight: number, c: CountInput): number {
  switch (rule.kind) {
    case 'count_reduction':
      return countTargetMet(c.thisYear, c.lastYear, rule.reductionPct) ? weight : 0;
    case 'double_decline':
      return doubleDecline(c) ? weight : 0;
    default:
      return 0;
  }
}

/** this ≤ last × (1 − pct/100), in integers (×100) so 95 of 100 at 5 % is met exactly. */
export function countTargetMet(thisYear: number, lastYear: number, pct: number): boolean {
  return thisYear * 10000 <= lastYear * (10000 - cents(pct));
}

export function doubleDecline(c: CountInput): boolean {
  const a = c.accidentsThisYear ?? 0;
  const al = c.accidentsLastYear ?? 0;
  if (a === 0 && al === 0 && c.thisYear === 0 && c.lastYear === 0) return true;
  return a < al && c.thisYear < c.lastYear;
}

export const isCountRule = (rule: ScoringRule) => rule.kind === 'count_reduction' || rule.kind === 'double_decline';

/** The rule as the sheet prints it. */
export function describeRule(rule: ScoringRule): { target: string; rule: string } {
  switch (rule.kind) {
    case 'linear':
      return { target: `≥ ${rule.target}%`, rule: `按完成比例计分 / pro rata to ${rule.target}%` };
    case 'step_short':
      return {
        target: `≥ ${rule.target}%`,
        rule: `每少${rule.step}个百分点扣${rule.deduct}分 / −${rule.deduct} per ${rule.step} points short`,
      };
    case 'thresholds':
      return {
        target: rule.bands.map((b) => `≥${b.min}%→${Math.round(b.share * 100)}%`).join('，'),
        rule: '分档计分 / banded',
      };
    case 'count_reduction':
      return { target: `较上年下降 ≥ ${rule.reductionPct}%`, rule: `达标得满分，否则不得分 / full if down ${rule.reductionPct}%` };
    case 'double_decline':
      return { target: '起数、死亡人数双下降', rule: '双下降得满分，否则不得分 / full if both fall' };
  }
}

export interface RankInput {
  id: string;
  total: number;
  vetoed: boolean;
}

/** Competition ranking (1, 2, 2, 4): units not vetoed by total descending; vetoed units after all of them, unranked. */
export function rankSheets<T extends RankInput>(rows: T[]): (T & { rank: number | null })[] {
  const ok = rows.filter((r) => !r.vetoed).sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
  const ranked = ok.map((r, i) => ({ ...r, rank: i > 0 && cents(ok[i - 1]!.total) === cents(r.total) ? -1 : i + 1 }));
  for (let i = 0; i < ranked.length; i++) if (ranked[i]!.rank === -1) ranked[i]!.rank = ranked[i - 1]!.rank;
  const vetoed = rows.filter((r) => r.vetoed).map((r) => ({ ...r, rank: null }));
  return [...ranked, ...vetoed];
}

export const RANKING_RULE =
  '按总分从高到低排名；被“一票否决”的单位列于最后且不参与排名（梁平 004）。 / Ranked by total; vetoed units are listed last, unranked.';

export const round2 = (n: number) => fromCents(cents(n));
