// "Today" (China day) for the warnings module; tests set it.
import { dayClock } from '../../platform/day-clock';

export const warningsClock = dayClock();
