// Database test files share their worker's modules (isolate: false in vitest.config.ts): importing the server's
// module graph once per worker instead of once per file saves about a third of the suite's time. The database is
// already per file (./db.ts); this resets, before each file, the module state a file may change for the next:
//  - the capabilities' day clocks (platform/day-clock.ts), which tests set to stand on a chosen day;
//  - the calendar supplement, which an app start or a calendar test swaps into the process-wide working-day calendar.
import { beforeAll } from 'vitest';
import { setCalendarSupplement } from '../src/platform/calendar';
import { resetDayClocks } from '../src/platform/day-clock';

beforeAll(() => {
  resetDayClocks();
  setCalendarSupplement([]);
});
