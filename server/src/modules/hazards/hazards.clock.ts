// "Today" for the hazards capability, as a China date. One indirection so tests can stand on a chosen day
// (deadlines across the 2025 holidays, overdue tomorrow) without faking the process clock that sessions use.
import { cstDate } from '../../platform/time';

export const hazardClock = {
  today: (): string => cstDate(),
};
