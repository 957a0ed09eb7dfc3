// The daily job that generates scheduled check tasks (started by main.ts through platform/jobs.ts).
import type { DailyJob } from '../../platform/jobs';
import { generateCheckTasks } from './commands/generate-check-tasks';

export const generateCheckTasksJob: DailyJob = {
  name: 'check-tasks',
  run: (db, { today, log }) => generateCheckTasks(db, { today, log }),
};
