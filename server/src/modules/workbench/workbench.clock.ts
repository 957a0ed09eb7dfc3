// "Today" for the workbench, as a China date; one indirection so tests can stand on a chosen day.
import { dayClock } from '../../platform/day-clock';

export const workbenchClock = dayClock();
