// 企业主要负责人依法履责安全专项执法检查: the minimum frequency per level of government — 市级每半年、县（市、区）级每季度、
// 乡镇（街道）每月不少于一次 — from 汕尾市落实企业安全生产主体责任实施方案 (seeds/001, 二(二)5 and 一4: 落实率100%).
// A municipal plan, not a national rule, so the frequencies are configuration with these defaults.
import type { PrincipalDutyLevel } from '@anjian/contracts';

/** Months per period for each level: street monthly (1), district quarterly (3), city half-yearly (6). */
export type PrincipalDutyConfig = Record<PrincipalDutyLevel, number>;
export const defaultPrincipalDutyConfig: PrincipalDutyConfig = { street: 1, district: 3, city: 6 };

export const principalDutyPeriodLabels: Record<PrincipalDutyLevel, { zh: string; en: string }> = {
  street: { zh: '乡镇（街道）每月不少于一次', en: 'Street / town: at least monthly' },
  district: { zh: '县（市、区）每季度不少于一次', en: 'County / district: at least quarterly' },
  city: { zh: '市级每半年不少于一次', en: 'City: at least half-yearly' },
};

/** The area level (areas.level) whose organisations inspect at each frequency level. */
export function principalDutyLevelOf(areaLevel: string | null | undefined): PrincipalDutyLevel | null {
  return areaLevel === 'street' || areaLevel === 'district' || areaLevel === 'city' ? areaLevel : null;
}

export function periodsPerYear(level: PrincipalDutyLevel, config = defaultPrincipalDutyConfig): number {
  return 12 / config[level];
}

/** 1-based period of `date` (YYYY-MM-DD) within its year. */
export function periodOf(level: PrincipalDutyLevel, date: string, config = defaultPrincipalDutyConfig): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / config[level]) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of period `n` of `year`. */
export function periodRange(level: PrincipalDutyLevel, year: number, n: number, config = defaultPrincipalDutyConfig) {
  const months = config[level];
  const firstMonth = (n - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** Periods of `year` that have begun by `today` (the current one counts, so it can be followed while it runs). */
export function periodsBegun(level: PrincipalDutyLevel, year: number, today: string, config = defaultPrincipalDutyConfig): number {
  const y = Number(today.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return periodsPerYear(level, config);
  return periodOf(level, today, config);
}
