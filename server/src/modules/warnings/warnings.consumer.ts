// The cheap path of the 警兆知识库: after a domain event about an enterprise's records (a hidden danger's step, a 举报
// recorded or merged), the active rules whose condition that event can change (warnings.rules.ts conditionEvents)
// are re-evaluated for that one enterprise as of today. Idempotent: a warning exists once per rule, subject and
// period (unique index), so a redelivered event fires nothing twice. Time-driven conditions wait for the nightly job.
// An area condition (deaths pacing) is re-evaluated for the areas containing the event's area (an accident need not
// name an enterprise).
import type { DomainEvent, EventConsumer } from '../../platform/queue';
import { activeVersions } from './warnings.queries';
import { evaluateVersion } from './warnings.evaluate';
import { conditionEvents } from './warnings.rules';
import { warningsClock } from './warnings.clock';
import type { WarningConditionKind } from '@anjian/contracts';

/** Conditions whose subject is an area, not an enterprise's record. */
const areaKinds = new Set<string>(['deaths_pace']);

export const warningsConsumer: EventConsumer = {
  name: 'early-warnings',
  accepts: (e) => !e.type.startsWith('warning') && Object.values(conditionEvents).some((matches) => matches(e.type)),
  async handle(tx, e: DomainEvent) {
    if (e.type.startsWith('warning')) return;
    const kinds = (Object.keys(conditionEvents) as WarningConditionKind[]).filter((k) => conditionEvents[k](e.type));
    if (kinds.length === 0) return;
    const today = warningsClock.today();
    for (const { v, name } of await activeVersions(tx, kinds)) {
      if (areaKinds.has(v.conditionKind)) {
        if (e.areaCode) await evaluateVersion(tx, v, name, today, undefined, e.areaCode);
      } else if (e.enterpriseId) await evaluateVersion(tx, v, name, today, e.enterpriseId);
    }
  },
};
