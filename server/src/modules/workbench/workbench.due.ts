// Where a deadline stands today: "soon" is within the next 3 working days on the official calendar, the horizon
// the reminders of the notification rules use; a year the calendar lacks falls back to calendar days rather than
// refusing a read.
import type { DueState } from '@anjian/contracts';
import { CalendarGapError, countWorkdays } from '../../platform/calendar';
import { daysBetween } from '../../platform/time';

export const SOON_WORKDAYS = 3;

export function dueStateOf(due: string | null, today: string): DueState {
  if (!due) return 'none';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return withinWorkdays(today, due, SOON_WORKDAYS) ? 'soon' : 'later';
}

function withinWorkdays(today: string, due: string, n: number): boolean {
  try {
    return countWorkdays(today, due, n + 1) <= n;
  } catch (e) {
    if (e instanceof CalendarGapError) return daysBetween(today, due) <= n;
    throw e;
  }
}
