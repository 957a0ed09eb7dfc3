// Marks a follow-up duty done, with who, when and a note on the evidence (the interview record, the
// training certificate, the meeting minutes …). Overdue is never stored: it is derived at read time.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { completeFollowUpBody } from '@anjian/contracts';
import { accidentFollowUps } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { fieldError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { findAccident } from '../accidents.queries';

export async function completeFollowUp(
  db: Db,
  actor: Actor,
  ip: string | null,
  accidentId: string,
  dutyId: string,
  input: z.infer<typeof completeFollowUpBody>,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const accident = await findAccident(tx, actor, accidentId, true);
    if (!accident) throw notFound();
    const [duty] = await tx
      .select()
      .from(accidentFollowUps)
      .where(and(eq(accidentFollowUps.id, dutyId), eq(accidentFollowUps.accidentId, accidentId)))
      .for('update');
    if (!duty) throw notFound();
    if (duty.doneAt) throw fieldError('dutyId', '该事项已办结', 'This duty is already done', 'CONFLICT');
    const doneAt = input.doneAt ?? cstDate(now);
    if (doneAt < cstDate(accident.occurredAt) || doneAt > cstDate(now)) {
      throw fieldError('doneAt', '办结日期应在事故发生之日至今天之间', 'The completion day must lie between the accident day and today');
    }
    const [after] = await tx
      .update(accidentFollowUps)
      .set({ doneAt, doneBy: actor.id, doneByName: actor.displayName, evidenceNote: input.evidenceNote })
      .where(eq(accidentFollowUps.id, dutyId))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'accident.followUp.complete', entityType: 'accident', entityId: accidentId, before: duty, after },
    );
    return after!;
  });
}
