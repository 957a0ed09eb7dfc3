// Database test files share their worker's modules (isolate: false in vitest.config.ts): importing the server's
// module graph once per worker instead of once per file saves about a third of the suite's time. The database is
// already per file (./db.ts); this resets the one piece of module state a file can change for the next: the
// calendar supplement, which an app start or a calendar test swaps into the process-wide working-day calendar.
import { beforeAll } from 'vitest';
import { setCalendarSupplement } from '../src/platform/calendar';

beforeAll(() => setCalendarSupplement([]));
