// Module state a database test file may change for the next one in the same worker (files share the worker's modules:
// vitest.config.ts), reset before each file:
//  - the capabilities' day clocks (platform/day-clock.ts), which tests set to stand on a chosen day;
//  - the calendar supplement, which an app start or a calendar test swaps into the process-wide working-day calendar.
import { beforeAll } from 'vitest';
import { setCalendarSupplement } from '../src/platform/calendar';
import { resetDayClocks } from '../src/platform/day-clock';

function reset() {
  resetDayClocks();
  setCalendarSupplement([]);
}

// Once as the file is set up, before the test file itself is imported (a test file may keep a clock's function from
// its import, to put it back afterwards), and again before its hooks.
reset();
beforeAll(reset);
