// "Today" for 工作方案 (China day): late/missing reports and the filing day; tests set it.
import { dayClock } from '../../platform/day-clock';

export const workplansClock = dayClock();
