// The period a scheduled check covers, in China calendar days: a daily check covers its day, a weekly one the ISO
// week (Monday to Sunday, so a week may straddle two months), a monthly one the calendar month. The task is due
// on the period's last day; after that day a task still pending is "missed".
import type { CheckFrequency } from '@anjian/contracts';
import { addDays, addMonths } from '../../platform/time';

export interface Period {
  start: string;
  end: string;
}

/** Day of the week of a 'YYYY-MM-DD' date, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function periodOf(frequency: CheckFrequency, date: string): Period {
  if (frequency === 'daily') return { start: date, end: date };
  if (frequency === 'weekly') {
    const start = addDays(date, 1 - isoWeekday(date));
    return { start, end: addDays(start, 6) };
  }
  const start = `${date.slice(0, 7)}-01`;
  return { start, end: addDays(addMonths(start, 1), -1) };
}
