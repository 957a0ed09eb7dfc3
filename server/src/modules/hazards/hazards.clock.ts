// "Today" for the hazards capability, as a China date. One indirection so tests can stand on a chosen day
// (deadlines across the 2025 holidays, overdue tomorrow) without faking the process clock that sessions use.
import { dayClock } from '../../platform/day-clock';

export const hazardClock = dayClock();
