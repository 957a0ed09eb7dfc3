// Creates the follow-up duties an accident calls for (reference/accidents/investigation.ts
// `followUpDuties`), at registration and after every regrade, for fatal (含失踪) and 重大/特别重大
// accidents: the cases the issue and the local plans name. Duties are only ever added: a duty
// already created stays even if a later correction lowers the casualties, because someone may already
// be working on it and removing it would erase that record.
import { accidentFollowUps } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import type { AccidentLevel } from '../../reference/accidents/accident-level';
import { followUpDuties } from '../../reference/accidents/investigation';
import type { AccidentRecord } from './accidents.queries';

export function callsForFollowUps(a: Pick<AccidentRecord, 'deaths' | 'missing' | 'level'>): boolean {
  return a.deaths + a.missing > 0 || a.level === 'major' || a.level === 'especially_major';
}

export async function syncFollowUps(db: DbOrTx, a: AccidentRecord): Promise<string[]> {
  if (!callsForFollowUps(a)) return [];
  const duties = followUpDuties({
    occurredAt: a.occurredAt,
    level: a.level as AccidentLevel,
    casualties: { deaths: a.deaths, missing: a.missing, seriousInjuries: a.seriousInjuries, directLossWan: a.directLossWan },
  });
  if (duties.length === 0) return [];
  const inserted = await db
    .insert(accidentFollowUps)
    .values(
      duties.map((d) => ({
        accidentId: a.id,
        duty: d.duty,
        due: d.due,
        conductedBy: d.conductedBy ?? null,
        listingMandatory: d.listingMandatory ?? null,
        source: `${d.source.document} ${d.source.article}`,
      })),
    )
    .onConflictDoNothing()
    .returning({ duty: accidentFollowUps.duty });
  return inserted.map((r) => r.duty);
}
