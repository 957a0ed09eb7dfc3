// "Today" for penalty cases and their documents, as a China date. One indirection so tests can stand on a chosen day
// (working-day periods across 国庆 and 春节, 行政处罚法 §85) without faking the process clock that sessions use.
import { dayClock } from '../../platform/day-clock';

export const enforcementClock = dayClock();
