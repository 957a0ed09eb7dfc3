// Working days per the official holiday and make-up-workday calendar (maintained in `chinese-days`).
// A year the package has no data for is a visible alarm, never a silent "weekdays are workdays".
import { createRequire } from 'node:module';
import { addDays } from './time';

// Loaded with require: the bundled server keeps npm packages external, and JSON import attributes do
// not survive bundling on every toolchain.
const calendarData = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

const holidays = new Set(Object.keys(calendarData.holidays));
const makeUpWorkdays = new Set(Object.keys(calendarData.workdays));
const knownYears = new Set([...holidays].map((d) => Number(d.slice(0, 4))));

export class CalendarGapError extends Error {
  constructor(public readonly year: number) {
    super(`no official holiday calendar for ${year}: update the chinese-days package`);
  }
}

export function hasCalendar(year: number): boolean {
  return knownYears.has(year);
}

export function calendarYears(): number[] {
  return [...knownYears].sort((a, b) => a - b);
}

export function isWorkday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!knownYears.has(year)) throw new CalendarGapError(year);
  if (makeUpWorkdays.has(date)) return true;
  if (holidays.has(date)) return false;
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
