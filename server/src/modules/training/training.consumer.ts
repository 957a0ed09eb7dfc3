// Reactions of the training module:
// - an enterprise that moves street, industry or park takes its sessions, attendance, hours, summary, exam attempts and
//   completions with it (platform/enterprise-scope.ts), so the new street reads them and the old one no longer does;
// - a passed exam (`exam_attempt.submit` with its completion record) credits the paper's hours to the person's year
//   and rewrites the enterprise's summary — recomputed from the records, so a replayed event changes nothing.
import { eq } from 'drizzle-orm';
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
import { cstDate } from '../../platform/time';
import { refreshHours } from './training.queries';

export const trainingConsumer: EventConsumer = {
  name: 'training',
  accepts: (e) => e.type === 'enterprise.update' || e.type === 'exam_attempt.submit',
  async handle(tx, e) {
    if (e.type === 'exam_attempt.submit') {
      const [c] = await tx
        .select({ personId: examCompletions.personId, issuedOn: examCompletions.issuedOn, hours: examCompletions.hours })
        .from(examCompletions)
        .where(eq(examCompletions.attemptId, e.entityId));
      if (c && c.hours > 0) await refreshHours(tx, [c.personId], Number(c.issuedOn.slice(0, 4)), cstDate());
      return;
    }
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
