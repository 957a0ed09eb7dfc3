// Database test files share their worker's modules (isolate: false in vitest.config.ts): importing the server's
// module graph once per worker instead of once per file saves about a third of the suite's time. The database is
// already per file (./db.ts); this resets, before each file, the module state a file may change for the next:
//  - the capabilities' clocks (`*.clock.ts`), which tests set to stand on a chosen day: every one found is put back
//    on the real China date, so a clock added later is covered without being listed here;
//  - the calendar supplement, which an app start or a calendar test swaps into the process-wide working-day calendar.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';
import { setCalendarSupplement } from '../src/platform/calendar';
import { cstDate } from '../src/platform/time';

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/modules');
const clockFiles = fs
  .readdirSync(modules, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.clock.ts'))
  .map((f) => path.join(modules, f));
const clocks = (await Promise.all(clockFiles.map((f) => import(f) as Promise<Record<string, unknown>>)))
  .flatMap((m) => Object.values(m))
  .filter((v): v is { today: () => string } => typeof v === 'object' && v !== null && 'today' in v);
if (clocks.length < clockFiles.length) throw new Error('a *.clock.ts module exports no { today } clock');

beforeAll(() => {
  for (const clock of clocks) clock.today = () => cstDate();
  setCalendarSupplement([]);
});
