// One enterprise's year of the 八个一次: every duty's periods with their state on the China date and the record of
// each (if filed), and the count of ended obligations and accepted ones — the enterprise's own page.
import { can, type DutyRecordStatus } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { dutyRules, periodRange, periodsOf, periodState } from './commitments.rules';
import { enterpriseYearRecords, type EnterpriseFacts } from './commitments.queries';

export async function enterpriseDutyBoard(db: DbOrTx, actor: Actor, ent: EnterpriseFacts, year: number, today: string) {
  const records = new Map((await enterpriseYearRecords(db, actor, ent.id, year)).map((r) => [`${r.duty}:${r.period}`, r]));
  let due = 0;
  let accepted = 0;
  const duties = dutyRules.map((d) => ({
    duty: d.kind,
    cadence: d.cadence,
    periods: periodsOf(d.cadence, year).map((period) => {
      const r = records.get(`${d.kind}:${period}`);
      const state = periodState(period, today);
      if (state === 'ended') {
        due++;
        if (r?.status === 'accepted') accepted++;
      }
      return { period, ...periodRange(period), state, recordId: r?.id ?? null, status: (r?.status ?? null) as DutyRecordStatus | null };
    }),
  }));
  return { enterpriseId: ent.id, enterpriseName: ent.name, year, today, duties, due, accepted, canRecord: can(actor.role, 'duty.record') };
}
