// Module state a database test file may change for the next one in the same worker, reset before each file. Files
// run isolated today (vitest.config.ts); this is what sharing the worker's modules between them would need, and it
// costs nothing while they are isolated:
//  - the capabilities' day clocks (platform/day-clock.ts), which tests set to stand on a chosen day;
//  - the calendar supplement, which an app start or a calendar test swaps into the process-wide working-day calendar.
import { beforeAll } from 'vitest';
import { setCalendarSupplement } from '../src/platform/calendar';
import { resetDayClocks } from '../src/platform/day-clock';

beforeAll(() => {
  resetDayClocks();
  setCalendarSupplement([]);
});
