// The nightly evaluation of the 警兆知识库: every active rule version, as of today (China day), within its rule's
// area — each in its own transaction, so one failing rule does not hold back the others — then the escalation of
// unattended warnings (rules as data: notifications.rules.ts warningEscalationRules, working days).
import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { warnings } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { deadlineWindow, warningEscalationRules } from '../notifications/notifications.rules';
import { recipientsFor } from '../notifications/notifications.recipients';
import { notify } from '../notifications/notifications.service';
import { activeVersions } from './warnings.queries';
import { evaluateVersion } from './warnings.evaluate';

export async function evaluateAllRules(db: Db, today: string) {
  let fired = 0;
  let hits = 0;
  for (const { v, name } of await activeVersions(db)) {
    const r = await db.transaction((tx) => evaluateVersion(tx, v, name, today));
    fired += r.fired;
    hits += r.hits;
  }
  return { hits, fired };
}

export async function escalateWarnings(db: Db, today: string) {
  let notices = 0;
  for (const rule of warningEscalationRules) {
    const w = deadlineWindow(today, rule.offsetWorkdays);
    if (!w) continue;
    const rows = await db
      .select()
      .from(warnings)
      .where(and(inArray(warnings.status, [...rule.statuses]), gt(warnings.firedOn, w.after), lte(warnings.firedOn, w.upTo)))
      .limit(10000);
    for (const row of rows) {
      notices += await notify(db, await recipientsFor(db, row, rule.recipients), {
        kind: rule.kind,
        title: { zh: `${rule.title.zh}（${row.subjectLabel}）`, en: `${rule.title.en} (${row.subjectLabel})` },
        entityType: 'warning',
        entityId: row.id,
        link: `/warnings/${row.id}`,
        dedupeKey: `warning:${row.id}:${rule.key}`,
      });
      // The escalation day is shown on the warning; not a status (the machine's), a fact about it.
      await db.update(warnings).set({ escalatedOn: today }).where(eq(warnings.id, row.id));
    }
  }
  return { notices };
}

export const warningsDailyJob: DailyJob = {
  name: 'early-warning-rules',
  async run(db, { today }) {
    return { ...(await evaluateAllRules(db, today)), ...(await escalateWarnings(db, today)) };
  },
};
