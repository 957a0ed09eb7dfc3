// Submits a scheduled check from the enterprise's phone: every item passed or failed, with an optional photo.
// Each failed item opens a hidden danger (source 企业自查) through the hazards capability's `reportHazard`, linked
// both ways (the item keeps the hazard's id, the hazard's origin names the item), all in one transaction.
import { eq, inArray } from 'drizzle-orm';
import type { SubmitCheckTaskBody } from '@anjian/contracts';
import { checkTaskItems, riskEvents, riskMeasures } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, notFound, type BilingualDetail } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { reportHazard } from '../../hazards/commands/report-hazard';
import { checksClock } from '../checks.clock';
import { findTask, findTaskItems, type ItemRow } from '../checks.queries';
import { checkTaskMachine, writeCheckTask } from '../checks.workflow';
import { assertAllowed } from '../../../platform/state-machine';

/** The files capability asks this owner type whether a caller may see a passed item's photo. */
export const CHECK_ITEM_OWNER = 'check_item';

type Category = 'unsafe_act' | 'unsafe_condition' | 'management_defect' | 'environment';

/**
 * A failed measure says what kind of hidden danger it is: protective equipment not worn is an unsafe act,
 * failed engineering controls (and template items, which check the site) an unsafe condition, and failed
 * management, training or emergency arrangements a management defect (令16号 categories as the hazards module keys them).
 */
export function categoryOfMeasure(type: string | null): Category {
  if (type === 'ppe') return 'unsafe_act';
  if (type === 'management' || type === 'training' || type === 'emergency') return 'management_defect';
  return 'unsafe_condition';
}

function checkResults(items: ItemRow[], input: SubmitCheckTaskBody): BilingualDetail[] {
  const details: BilingualDetail[] = [];
  const known = new Set(items.map((i) => i.id));
  const seen = new Set<string>();
  input.results.forEach((r, i) => {
    if (!known.has(r.itemId))
      details.push({ field: `results.${i}.itemId`, zh: '该检查项不属于此任务', en: 'This item is not part of the task' });
    else if (seen.has(r.itemId)) details.push({ field: `results.${i}.itemId`, zh: '检查项重复提交', en: 'This item is given twice' });
    seen.add(r.itemId);
    if (r.result === 'fail' && !r.note) {
      details.push({ field: `results.${i}.note`, zh: '不合格项须说明发现的问题', en: 'Describe what was wrong for a failed item' });
    }
  });
  const missing = items.filter((i) => !seen.has(i.id)).length;
  if (missing > 0) {
    details.push({ field: 'results', zh: `还有 ${missing} 项未检查`, en: `${missing} item(s) have not been checked` });
  }
  return details;
}

export async function submitCheckTask(db: Db, actor: Actor, ip: string | null, id: string, input: SubmitCheckTaskBody) {
  const today = checksClock.today();
  return db.transaction(async (tx) => {
    const task = await findTask(tx, actor, id, true);
    if (!task) throw notFound();
    assertAllowed(checkTaskMachine, { ...task, today }, actor, 'submit');
    const items = await findTaskItems(tx, id);
    const problems = checkResults(items, input);
    if (problems.length > 0) throw new AppError('VALIDATION', problems);

    const byId = new Map(items.map((i) => [i.id, i]));
    const measureIds = items.map((i) => i.measureId).filter((m): m is string => !!m);
    const eventIds = items.map((i) => i.eventId).filter((e): e is string => !!e);
    const measures = measureIds.length ? await tx.select().from(riskMeasures).where(inArray(riskMeasures.id, measureIds)) : [];
    const events = eventIds.length ? await tx.select().from(riskEvents).where(inArray(riskEvents.id, eventIds)) : [];
    const now = new Date();
    let failed = 0;
    for (const r of input.results) {
      const item = byId.get(r.itemId)!;
      let hazardId: string | null = null;
      if (r.result === 'fail') {
        failed++;
        const measure = measures.find((m) => m.id === item.measureId);
        const event = events.find((e) => e.id === item.eventId);
        const hazard = await reportHazard(tx, actor, ip, {
          enterpriseId: task.enterpriseId,
          source: 'enterprise_self_check',
          description: `${item.content}：${r.note}`.slice(0, 2000),
          location: item.unitName,
          category: r.category ?? categoryOfMeasure(measure?.type ?? null),
          accidentType: event?.accidentTypeCode ?? null,
          grade: r.grade ?? 'general',
          attachments: r.photoId ? [r.photoId] : [],
          origin: { type: CHECK_ITEM_OWNER, id: item.id },
        });
        hazardId = hazard.id;
      } else if (r.photoId) {
        await claimFiles(tx, actor, [r.photoId], { type: CHECK_ITEM_OWNER, id: item.id });
      }
      await tx
        .update(checkTaskItems)
        .set({ result: r.result, note: r.note ?? null, photoId: r.photoId ?? null, hazardId, checkedAt: now })
        .where(eq(checkTaskItems.id, item.id));
    }
    await writeCheckTask(tx, actor, { ...task, today }, 'submit', {
      patch: { doneAt: now, doneBy: actor.id, doneByName: actor.displayName, failedCount: failed },
      evidence: { items: items.length, failed },
    });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'check.task.submit',
        entityType: 'check_task',
        entityId: id,
        after: { items: items.length, failed, results: input.results },
      },
    );
    return (await findTask(tx, actor, id))!;
  });
}
