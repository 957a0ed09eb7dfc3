// Detection-due reminders for occupational health (rules: notifications.rules.ts detectionDueRules). Each rule's
// window of due days (calendarDayWindow: a weekend or holiday reminder comes on the next working day, each due day
// fires each rule once) is matched against the registered profiles' next detection; idempotent by dedupe key.
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import { enterprises, ohProfiles } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { calendarDayWindow, detectionDueRules } from './notifications.rules';
import { recipientsFor } from './notifications.recipients';
import { notify, recordLink } from './notifications.service';
import { DUE_PAGE, remindDue } from './notifications.due';

export function evaluateDetectionDue(db: Db, today: string) {
  return remindDue(
    detectionDueRules,
    (rule) => calendarDayWindow(today, rule.offsetDays),
    (_rule, w, afterId) =>
      db
        .select({
          enterpriseId: ohProfiles.enterpriseId,
          areaCode: ohProfiles.areaCode,
          sector: ohProfiles.sector,
          parkId: ohProfiles.parkId,
          due: ohProfiles.nextDetectionDue,
          name: enterprises.name,
        })
        .from(ohProfiles)
        .innerJoin(enterprises, eq(enterprises.id, ohProfiles.enterpriseId))
        .where(
          and(
            gt(ohProfiles.nextDetectionDue, w.after),
            lte(ohProfiles.nextDetectionDue, w.upTo),
            gt(ohProfiles.enterpriseId, afterId),
            isNull(enterprises.deletedAt),
          ),
        )
        .orderBy(asc(ohProfiles.enterpriseId))
        .limit(DUE_PAGE),
    (p) => p.enterpriseId,
    async (rule, p) =>
      notify(db, await recipientsFor(db, p, rule.recipients), {
        kind: rule.kind,
        title: { zh: `${rule.title.zh}（${p.name}）`, en: `${rule.title.en} (${p.name})` },
        entityType: 'oh_profile',
        entityId: p.enterpriseId,
        link: recordLink.oh_profile!(p.enterpriseId),
        dueOn: p.due,
        dedupeKey: `oh_detection:${p.enterpriseId}:${rule.key}:${p.due}`,
      }),
  );
}

export const detectionDueJob: DailyJob = {
  name: 'oh-detection-due-reminders',
  run: (db, { today }) => evaluateDetectionDue(db, today),
};
