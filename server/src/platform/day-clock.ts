// "Today" as a China date behind one indirection per capability, so tests can stand on a chosen day (deadlines across
// holidays, month ends, overdue tomorrow) without faking the process clock that sessions use. Every clock made here
// is known, so a test run that shares modules between files puts them all back on the real date before each file.
import { cstDate } from './time';

export interface DayClock {
  today: () => string;
}

const clocks = new Set<DayClock>();

export function dayClock(): DayClock {
  const clock: DayClock = { today: () => cstDate() };
  clocks.add(clock);
  return clock;
}

/** Every clock back on the real China date (server/test/isolation.setup.ts). */
export function resetDayClocks(): void {
  for (const clock of clocks) clock.today = () => cstDate();
}
