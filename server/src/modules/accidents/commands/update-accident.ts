// Edits an accident with optimistic locking. A change in casualties is 补报 (493号 第十三条): inside
// the window (30 days; 7 for road traffic and fire) it is recorded and the level recomputed; after
// it, a change in the numbers of dead, missing or injured is refused with the reason. The direct loss
// is an estimate the investigation fixes later, so it may change at any time, but only moves the
// level inside the window (as `regradeFromHistory` in the reference treats it).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateAccidentBody } from '@anjian/contracts';
import { accidentRevisions, accidents } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { explainGrade, type AccidentCategory } from '../../../reference/accidents/accident-level';
import { canRegrade, supplementaryWindowDays, supplementaryWindowLastDay } from '../../../reference/accidents/reporting';
import type { AccidentTypeScheme } from '../../../reference/accidents/accident-types';
import { checkTimes, placeAccident, resolveScheme } from '../accidents.policy';
import { findAccident, findFollowUps, findReports } from '../accidents.queries';
import { auditAccident, casualtiesOf, presentAccidentDetail } from '../accidents.presenter';
import { moveInRollup } from '../rollup';
import { syncFollowUps } from '../follow-ups';
import { appendEvent } from '../../../platform/outbox';

type Input = z.infer<typeof updateAccidentBody>;
const COUNTS = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries'] as const;

export async function updateAccident(db: Db, actor: Actor, ip: string | null, id: string, input: Input, now = new Date()) {
  const { version, casualtiesChangedAt, changeNote, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findAccident(tx, actor, id, true),
      version,
      present: async (row) => {
        const [reports, followUps] = [(await findReports(tx, [id])).get(id) ?? [], await findFollowUps(tx, id)];
        return presentAccidentDetail(actor, row, reports, followUps, now);
      },
    });
    const occurredAt = changes.occurredAt ? new Date(changes.occurredAt) : before.occurredAt;
    const headInformedAt =
      changes.headInformedAt === undefined ? before.headInformedAt : changes.headInformedAt ? new Date(changes.headInformedAt) : null;
    const changedAt = casualtiesChangedAt ? new Date(casualtiesChangedAt) : now;
    checkTimes(occurredAt, { headInformedAt, casualtiesChangedAt: casualtiesChangedAt ? changedAt : null }, now);
    const category = (changes.category ?? before.category) as AccidentCategory;
    const typeCode = changes.typeCode ?? before.typeCode;
    // The stored scheme stays unless the caller names another: a corrected date does not reclassify.
    const typeScheme =
      changes.typeScheme || changes.typeCode
        ? resolveScheme(occurredAt, changes.typeScheme ?? (before.typeScheme as AccidentTypeScheme), typeCode)
        : before.typeScheme;
    const placement = await placeAccident(tx, actor, {
      areaCode: changes.areaCode ?? before.areaCode,
      enterpriseId: changes.enterpriseId === undefined ? before.enterpriseId : changes.enterpriseId,
      sector: changes.sector === undefined ? before.sector : changes.sector,
    });

    const casualties = { ...casualtiesOf(before) };
    for (const k of [...COUNTS, 'directLossWan'] as const) if (changes[k] !== undefined) casualties[k] = changes[k];
    const countsChanged = COUNTS.some((k) => casualties[k] !== before[k]);
    const lossChanged = casualties.directLossWan !== before.directLossWan;
    const timing = { occurredAt, category };
    const windowOpen = canRegrade(timing, changedAt);
    if (countsChanged && !windowOpen) {
      const days = supplementaryWindowDays(category);
      const last = supplementaryWindowLastDay(timing);
      throw new AppError('VALIDATION', [
        {
          field: 'deaths',
          zh: `补报期已于${last}届满：事故发生之日起${days}日内伤亡人数发生变化的才能补报并重新定级（《生产安全事故报告和调查处理条例》第十三条）。此后的变化请在事故调查报告中说明。`,
          en: `The supplementary-report window closed on ${last}: casualty changes may be reported and regraded only within ${days} days of the accident (State Council Decree 493, Art. 13). Record later changes in the investigation report.`,
        },
      ]);
    }
    const grade = windowOpen ? explainGrade(casualties) : { level: before.level, reachedBy: before.levelReachedBy };
    const { occurredAt: _o, headInformedAt: _h, areaCode: _a, enterpriseId: _e, sector: _s, ...plain } = changes;
    await tx
      .update(accidents)
      .set({
        ...plain,
        ...placement,
        ...casualties,
        occurredAt,
        headInformedAt,
        category,
        typeScheme,
        typeCode,
        level: grade.level,
        levelReachedBy: grade.reachedBy,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(accidents.id, id));
    const after = (await findAccident(tx, actor, id))!;
    await moveInRollup(tx, before, after);
    if (countsChanged || lossChanged) {
      await tx.insert(accidentRevisions).values({
        accidentId: id,
        at: now,
        changedAt: casualtiesChangedAt ? changedAt : null,
        actorId: actor.id,
        actorName: actor.displayName,
        before: casualtiesOf(before),
        after: casualtiesOf(after),
        levelBefore: before.level,
        levelAfter: after.level,
        note: changeNote ?? null,
      });
    }
    // Readers of accidents (the credit record, the deaths-pace warning) follow a change of what they read: the
    // enterprise, the place, the day, the level or the deaths. A wording fix appends nothing.
    const material = (['enterpriseId', 'areaCode', 'sector', 'level', 'deaths'] as const).some((k) => before[k] !== after[k]);
    if (material || before.occurredAt.getTime() !== after.occurredAt.getTime()) {
      await appendEvent(tx, 'accident.update', 'accident', after, actor, {
        level: after.level,
        deaths: after.deaths,
        previousEnterpriseId: before.enterpriseId,
        previousLevel: before.level,
      });
    }
    const duties = await syncFollowUps(tx, after);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: before.level !== after.level ? 'accident.regrade' : 'accident.update',
        entityType: 'accident',
        entityId: id,
        before: auditAccident(before),
        after: { ...auditAccident(after), newFollowUps: duties },
      },
    );
    return after;
  });
}
