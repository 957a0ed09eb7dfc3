// A fatal accident of an enterprise is a revision trigger (第三十六条) for each of its filed plans: the accidents
// module's `accident.register` event creates one revision duty per plan, keyed by the event id so a redelivered
// event adds nothing (the unique (plan_id, source_key) index; the queue's consumer mark is the first guard).
import { and, eq } from 'drizzle-orm';
import { emergencyPlans } from '../../db/schema';
import type { Tx } from '../../platform/db';
import type { DomainEvent } from '../../platform/queue';
import { cstDate } from '../../platform/time';
import { addRevisionDuty } from './commands/plan-revisions';
import { planRules } from './plans.rules';

export async function onFatalAccident(tx: Tx, e: DomainEvent) {
  const p = e.payload as { deaths?: number };
  if (!e.enterpriseId || (p.deaths ?? 0) < planRules.accidentTriggerDeaths) return 0;
  const plans = await tx
    .select()
    .from(emergencyPlans)
    .where(and(eq(emergencyPlans.enterpriseId, e.enterpriseId), eq(emergencyPlans.status, 'filed')));
  let added = 0;
  for (const plan of plans) {
    const row = await addRevisionDuty(tx, plan, {
      trigger: 'accident',
      occurredOn: cstDate(e.occurredAt),
      note: `发生生产安全事故（死亡${p.deaths}人），须评估并修订预案`,
      sourceKey: `event:${e.id}`,
    });
    if (row) added++;
  }
  return added;
}
