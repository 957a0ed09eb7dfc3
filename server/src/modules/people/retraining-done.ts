// Reaction to the training module: a retraining (复训) session marked held (event training_session.complete with kind
// 'retraining') completes every open retraining duty of its attendees that was due on or after the session's date —
// the duty a fatal accident created (people.consumer.ts). Only open duties are touched and the completion date is the
// session's, so a second delivery of the same event changes nothing.
import { and, gte, inArray, isNull } from 'drizzle-orm';
import { retrainingDuties } from '../../db/schema';
import type { Tx } from '../../platform/db';
import type { DomainEvent } from '../../platform/queue';

export async function onTrainingSessionCompleted(tx: Tx, e: DomainEvent): Promise<number> {
  const p = e.payload as { kind?: string; date?: string; personIds?: string[] };
  if (p.kind !== 'retraining' || !p.date || !p.personIds?.length) return 0;
  const rows = await tx
    .update(retrainingDuties)
    .set({ completedOn: p.date })
    .where(and(inArray(retrainingDuties.personId, p.personIds), isNull(retrainingDuties.completedOn), gte(retrainingDuties.dueOn, p.date)))
    .returning({ id: retrainingDuties.id });
  return rows.length;
}
