// Daily notification work: evaluate the deadline rules for today (China day, working days) and send the digests.
import { and, asc, gt, lte, ne } from 'drizzle-orm';
import { hazards } from '../../db/schema';
import type { DailyJob } from '../../platform/jobs';
import type { Db } from '../../platform/db';
import type { Channel } from './notifications.channels';
import { sendDailyDigests } from './notifications.delivery';
import { deadlineWindow, hazardDeadlineRules } from './notifications.rules';
import { recipientsFor } from './notifications.recipients';
import { notify, recordLink } from './notifications.service';

/** Applies each hidden-danger deadline rule to the open hidden dangers whose deadline falls in today's window. */
export async function evaluateHazardDeadlines(db: Db, today: string) {
  let notices = 0;
  for (const rule of hazardDeadlineRules) {
    const w = deadlineWindow(today, rule.offsetWorkdays);
    if (!w) continue;
    // Paged by id so a province's due day is read in slices, each through the open-deadline index.
    let lastId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await db
        .select({
          id: hazards.id,
          number: hazards.number,
          deadline: hazards.deadline,
          areaCode: hazards.areaCode,
          enterpriseId: hazards.enterpriseId,
          sector: hazards.sector,
          parkId: hazards.parkId,
        })
        .from(hazards)
        .where(and(ne(hazards.state, 'closed'), gt(hazards.deadline, w.after), lte(hazards.deadline, w.upTo), gt(hazards.id, lastId)))
        .orderBy(asc(hazards.id))
        .limit(500);
      for (const h of page) {
        const to = await recipientsFor(db, h, rule.recipients);
        notices += await notify(db, to, {
          kind: rule.kind,
          title: { zh: `${rule.title.zh}（${h.number}）`, en: `${rule.title.en} (${h.number})` },
          entityType: 'hazard',
          entityId: h.id,
          link: recordLink.hazard!(h.id),
          dueOn: h.deadline,
          dedupeKey: `hazard:${h.id}:${rule.key}:${h.deadline}`,
        });
      }
      if (page.length < 500) break;
      lastId = page[page.length - 1]!.id;
    }
  }
  return { notices };
}

export const hazardDeadlineJob: DailyJob = {
  name: 'hazard-deadline-reminders',
  run: (db, { today }) => evaluateHazardDeadlines(db, today),
};

export function digestJob(channels: readonly Channel[]): DailyJob {
  return { name: 'notification-digest', run: (db, { today }) => sendDailyDigests(db, channels, today) };
}
