// Working days per the official holiday and make-up-workday calendar (国务院办公厅关于XXXX年部分节假日安排的通知):
// the years `chinese-days` carries, plus the deployment's supplement — years an administrator entered from the
// notice (table calendar_supplement_years, loaded by calendar-store.ts). A year in neither is a visible alarm, never a
// silent "weekdays are workdays".
//
// Precedence: a supplement year replaces the package's data for that whole year. Entering a year the package already
// has needs an explicit confirmation (the notice was amended, as in 2020, or the package is wrong); a later package
// release never changes a deadline behind the administrator's back — the calendar page shows where they differ.
//
// Everything here stays synchronous and in memory: callers (deadlines, case steps, task generation) count days in
// loops, so the supplement is swapped in whole by setCalendarSupplement and read without I/O.
import { createRequire } from 'node:module';
import { addDays } from './time';

// Loaded with require: the bundled server keeps npm packages external, and JSON import attributes do
// not survive bundling on every toolchain.
const requirePackage = createRequire(import.meta.url);
const calendarData = requirePackage('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
export const calendarPackageVersion: string = (requirePackage('chinese-days/package.json') as { version: string }).version;

/** One year of the official schedule: the days off (放假, weekends inside a holiday block included) and the make-up working days (调休上班). */
export interface OfficialYear {
  year: number;
  holidays: readonly string[];
  workdays: readonly string[];
}

interface YearDays {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export type CalendarSource = 'package' | 'supplement';

const yearOf = (date: string) => Number(date.slice(0, 4));

function packageYearsFrom(data: typeof calendarData): Map<number, YearDays> {
  const out = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  // A year counts as known when it has holidays: every official schedule has (元旦 at least).
  for (const d of Object.keys(data.holidays)) {
    const y = yearOf(d);
    if (!out.has(y)) out.set(y, { holidays: new Set(), workdays: new Set() });
    out.get(y)!.holidays.add(d);
  }
  for (const d of Object.keys(data.workdays)) out.get(yearOf(d))?.workdays.add(d);
  return out;
}

const packageYears: ReadonlyMap<number, YearDays> = packageYearsFrom(calendarData);
let effective: ReadonlyMap<number, YearDays> = packageYears;
let supplementYears: ReadonlySet<number> = new Set();

export class CalendarGapError extends Error {
  constructor(public readonly year: number) {
    super(
      `no official holiday calendar for ${year}: enter the State Council's holiday schedule for ${year} ` +
        `(web: 节假日日历 / Holiday calendar, or cli calendar-import), or update the chinese-days package`,
    );
  }
}

/**
 * Where to go when a year is missing, for refusals shown to users: the administrator enters the notice on the
 * holiday-calendar page (or with the CLI); a newer chinese-days release would also do.
 */
export function calendarGapHint(year: number): { zh: string; en: string } {
  return {
    zh: `请系统管理员在「节假日日历」中录入国务院办公厅${year}年节假日安排通知（或升级 chinese-days）。`,
    en: `Ask the system administrator to enter the State Council's ${year} holiday schedule under "Holiday calendar" (or to update chinese-days).`,
  };
}

/**
 * Replaces the deployment's supplement (every year at once, as stored). Years given here win over the package's.
 * The caller validates (calendar-supplement.ts); this only indexes.
 */
export function setCalendarSupplement(years: readonly OfficialYear[]): void {
  const next = new Map(packageYears);
  for (const y of years) next.set(y.year, { holidays: new Set(y.holidays), workdays: new Set(y.workdays) });
  effective = next;
  supplementYears = new Set(years.map((y) => y.year));
}

export function hasCalendar(year: number): boolean {
  return effective.has(year);
}

/** Every year working days can be counted in, from either source. */
export function calendarYears(): number[] {
  return [...effective.keys()].sort((a, b) => a - b);
}

/** Which source counts for `year` now, or null when neither has it. */
export function calendarSource(year: number): CalendarSource | null {
  if (supplementYears.has(year)) return 'supplement';
  return packageYears.has(year) ? 'package' : null;
}

export function packageCalendarYears(): number[] {
  return [...packageYears.keys()].sort((a, b) => a - b);
}

/** The package's own data for `year` (whatever the supplement says), dates sorted. */
export function packageCalendarYear(year: number): OfficialYear | null {
  const y = packageYears.get(year);
  return y ? { year, holidays: [...y.holidays].sort(), workdays: [...y.workdays].sort() } : null;
}

export function isWorkday(date: string): boolean {
  const year = yearOf(date);
  const days = effective.get(year);
  if (!days) throw new CalendarGapError(year);
  if (days.workdays.has(date)) return true;
  if (days.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The date n working days after `date` (the start day itself is not counted, per the usual
 * "自…之日起N个工作日" reading). n = 0 returns the next workday on or after `date`.
 */
export function addWorkdays(date: string, n: number): string {
  let d = date;
  if (n === 0) {
    while (!isWorkday(d)) d = addDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkday(d)) left--;
  }
  return d;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`), counting no further than
 * `cap`. Only the days up to the cap-th working day are looked at, so a question like "are there n working days
 * between these dates?" is answered without the calendar of a year it need not reach.
 */
export function countWorkdays(from: string, to: string, cap = Infinity): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to && n < cap; d = addDays(d, 1)) if (isWorkday(d)) n++;
  return n;
}

export type DeadlineUnit = 'calendar' | 'workday';

export function addDeadline(date: string, n: number, unit: DeadlineUnit): string {
  return unit === 'workday' ? addWorkdays(date, n) : addDays(date, n);
}
