// Reactions to other modules' events.
//
// The enterprises module: when an enterprise moves (enterprise.update changing its area, sector or park), its people,
// certificates, retraining duties and summary follow it, so that the new street or department sees them and the old
// one no longer does. The consumer copies the enterprise's scope as it stands when it runs, so a late or repeated
// delivery converges on the current values.
//
// The accidents module: a fatal accident registered at an enterprise (event accident.register with
// deaths > 0) creates a retraining duty for each of its principals and safety managers employed that day, due within
// the configured period (people.rules.ts retrainingAfterFatalAccident). Runs in the consumer's transaction; one row per
// event and person, so a second delivery of the same event adds nothing.
//
// The training module: a held retraining session completes the retraining duties it satisfies (retraining-done.ts).
import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { certificates, people, peopleSummaries, retrainingDuties } from '../../db/schema';
import { followEnterpriseScope } from '../../platform/enterprise-scope';
import type { Tx } from '../../platform/db';
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import { addMonths, cstDate } from '../../platform/time';
import { retrainingAfterFatalAccident } from './people.rules';
import { onTrainingSessionCompleted } from './retraining-done';

export async function onAccidentRegistered(tx: Tx, e: DomainEvent): Promise<number> {
  const p = e.payload as { deaths?: number };
  if (!e.enterpriseId || !p.deaths || p.deaths <= 0) return 0;
  const day = cstDate(e.occurredAt);
  const staff = await tx
    .select({ id: people.id, areaCode: people.areaCode, sector: people.sector, parkId: people.parkId })
    .from(people)
    .where(
      and(
        eq(people.enterpriseId, e.enterpriseId),
        inArray(people.post, [...retrainingAfterFatalAccident.posts]),
        lte(people.employedFrom, day),
        or(isNull(people.employedTo), gte(people.employedTo, day)),
      ),
    );
  if (staff.length === 0) return 0;
  const dueOn = addMonths(day, retrainingAfterFatalAccident.months);
  const rows = await tx
    .insert(retrainingDuties)
    .values(
      staff.map((s) => ({
        personId: s.id,
        enterpriseId: e.enterpriseId!,
        areaCode: s.areaCode,
        sector: s.sector,
        parkId: s.parkId,
        accidentId: e.entityId,
        eventId: e.id,
        dueOn,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: retrainingDuties.id });
  return rows.length;
}

/** Moves the enterprise's people-side rows to its current scope; answers how many rows changed. */
export function onEnterpriseMoved(tx: Tx, e: DomainEvent): Promise<number> {
  return followEnterpriseScope(tx, e, [people, certificates, retrainingDuties, peopleSummaries]);
}

export const peopleConsumer: EventConsumer = {
  name: 'people',
  accepts: (e) => ['accident.register', 'enterprise.update', 'training_session.complete'].includes(e.type),
  async handle(tx, e) {
    if (e.type === 'accident.register') await onAccidentRegistered(tx, e);
    await onEnterpriseMoved(tx, e);
    if (e.type === 'training_session.complete') await onTrainingSessionCompleted(tx, e);
  },
};
