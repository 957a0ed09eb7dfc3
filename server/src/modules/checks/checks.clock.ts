// "Today" for scheduled self-inspection, as a China date. One indirection so tests can stand on a chosen day
// (month ends, a task's last day, the day after) without faking the process clock that sessions use.
import { dayClock } from '../../platform/day-clock';

export const checksClock = dayClock();
