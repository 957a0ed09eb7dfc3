// Reaction to the enterprises module: an enterprise that moves street, industry or park takes its sessions,
// attendance, hours, summary, exam attempts and completions with it (platform/enterprise-scope.ts), so the new street
// reads them and the old one no longer does.
import {
  examAttempts,
  examCompletions,
  trainingAttendance,
  trainingPersonYears,
  trainingSessions,
  trainingSummaries,
} from '../../db/schema';
import { followEnterpriseScope } from '../../platform/enterprise-scope';
import type { EventConsumer } from '../../platform/queue';

export const trainingConsumer: EventConsumer = {
  name: 'training',
  accepts: (e) => e.type === 'enterprise.update',
  async handle(tx, e) {
    await followEnterpriseScope(tx, e, [
      trainingSessions,
      trainingAttendance,
      trainingPersonYears,
      trainingSummaries,
      examAttempts,
      examCompletions,
    ]);
  },
};
