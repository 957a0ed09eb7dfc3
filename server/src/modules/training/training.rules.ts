// Training rules as data and small pure functions.
//
// Required hours per post (rules.md §5.3, 生产经营单位安全培训规定 第九、十三条; L: configuration with these documented
// defaults): 主要负责人 and 安全管理人员 take 32 学时 of initial training in their first year in the post and 12 学时 of
// refresher each later year; in the high-risk sectors (煤矿、非煤矿山、危险化学品、烟花爆竹、金属冶炼) 48 and 16.
// Other staff take 24 学时 of 岗前 (三级教育) training in their first year, 72 in the high-risk sectors, and there 20 学时
// a year after; elsewhere no annual minimum is set by the rules (0 here).
//
// The monthly training day (seed 000 五(五)17, "确定每个月最后一周周五为安全生产培训日"): the last Friday of each month.
// When that Friday is not a working day (inside a holiday block, as 2025-01-31 in 春节), it moves to
// the working day BEFORE it: that keeps it in the month it belongs to and in its last week where possible, and the
// month's report still closes after it. (Moving it later could push it into the next month.)
import type { PersonPost, Sector } from '@anjian/contracts';
import { hasCalendar, isWorkday } from '../../platform/calendar';
import { addDays } from '../../platform/time';

/** rules.md §5.3: 煤矿、非煤矿山、危险化学品、烟花爆竹、金属冶炼 (metal smelting is filed under metallurgy/non-ferrous here). */
export const highRiskSectors: readonly Sector[] = ['non_coal_mining', 'hazardous_chemicals', 'fireworks', 'metallurgy', 'nonferrous'];

/**
 * Seed 001 (重点行业领域企业主要负责人安全生产培训率100%, item 1: 非煤矿山、危险化学品、建筑施工、交通运输、消防、民用爆炸物品、
 * 冶金有色、粉尘涉爆) mapped onto the platform's sectors.
 */
export const keySectors: readonly Sector[] = [
  'non_coal_mining',
  'hazardous_chemicals',
  'construction',
  'transport',
  'metallurgy',
  'nonferrous',
  'fireworks',
];

export const requiredHoursTable = {
  manager: { general: { initial: 32, refresher: 12 }, highRisk: { initial: 48, refresher: 16 } },
  staff: { general: { initial: 24, refresher: 0 }, highRisk: { initial: 72, refresher: 20 } },
} as const;

const managerPosts: readonly PersonPost[] = ['principal', 'safety_manager'];

export interface Requirement {
  hours: number;
  /** 'initial' in the first calendar year in the post, else 'refresher'. */
  stage: 'initial' | 'refresher';
}

/** The hours a person in `post` at an enterprise of `sector`, employed from `employedFrom`, must have in `year`. */
export function requiredHours(post: PersonPost, sector: string, employedFrom: string, year: number): Requirement {
  const table = requiredHoursTable[managerPosts.includes(post) ? 'manager' : 'staff'];
  const row = highRiskSectors.includes(sector as Sector) ? table.highRisk : table.general;
  const stage = Number(employedFrom.slice(0, 4)) >= year ? 'initial' : 'refresher';
  return { hours: row[stage], stage };
}

export const requirementLabel = (r: Requirement) => `${r.stage === 'initial' ? '初次培训' : '年度再培训'} ≥ ${r.hours} 学时`;

/** ISO weekday, 1 = Monday … 7 = Sunday, of a 'YYYY-MM-DD'. */
function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The last Friday of a month. */
export function lastFriday(year: number, month: number): string {
  const firstOfNext = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  let d = addDays(firstOfNext, -1);
  while (weekday(d) !== 5) d = addDays(d, -1);
  return d;
}

/** The month's training day: the last Friday, or the working day before it when that Friday is not a working day. */
export function trainingDay(year: number, month: number): { lastFriday: string; date: string; moved: boolean } {
  const friday = lastFriday(year, month);
  let date = friday;
  while (!isWorkday(date)) date = addDays(date, -1);
  return { lastFriday: friday, date, moved: date !== friday };
}

export function trainingCalendarOf(year: number) {
  const known = hasCalendar(year);
  const days = Array.from({ length: 12 }, (_, i) => {
    if (!known) {
      const f = lastFriday(year, i + 1);
      return { month: i + 1, lastFriday: f, date: f, moved: false };
    }
    return { month: i + 1, ...trainingDay(year, i + 1) };
  });
  return { year, days, calendarMissing: !known };
}

/** Exams (L): a submission is accepted up to this long after the time limit (network delay on a phone). */
export const examRules = { graceSeconds: 30 } as const;

/** Server-side scoring: a question scores its points when the chosen set equals the key's set exactly. */
export function scoreAttempt(
  questions: readonly { id: string; points: number }[],
  key: Record<string, number[]>,
  answers: Record<string, number[]>,
): number {
  let score = 0;
  for (const q of questions) {
    const want = [...new Set(key[q.id] ?? [])].sort();
    const got = [...new Set(answers[q.id] ?? [])].sort();
    if (want.length > 0 && want.length === got.length && want.every((v, i) => v === got[i])) score += q.points;
  }
  return score;
}
