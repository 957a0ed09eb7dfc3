// "Today" for the calendar page's warning of years about to be needed. One indirection so tests can stand on a
// chosen day without faking the process clock.
import { cstDate } from '../../platform/time';

export const calendarClock = {
  today: (): string => cstDate(),
};
