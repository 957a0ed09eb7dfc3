// "Today" for the calendar page's warning of years about to be needed. One indirection so tests can stand on a
// chosen day without faking the process clock.
import { dayClock } from '../../platform/day-clock';

export const calendarClock = dayClock();
