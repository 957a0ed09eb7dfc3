// Reminders of the 八个一次 (modules/commitments, seed 001 line 34) before a period ends: an enterprise that has not yet
// recorded a duty for the current month, quarter or year is told a number of working days before the period's last
// day (deadlineWindow: a last day on a weekend or holiday is caught on the working day before the shift, each rule
// fires once per period). Its principal and safety managers are notified; idempotent by dedupe key.
import { and, asc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DutyCadence } from '@anjian/contracts';
import { dutyEnterpriseYears, enterprises, users } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { dutyBit, dutyRules, periodOf, periodRange } from '../commitments/commitments.rules';
import { deadlineWindow, type NoticeKind } from './notifications.rules';
import { notify } from './notifications.service';

export interface DutyReminderRule {
  key: string;
  cadence: DutyCadence;
  /** Working days before the period's last day (L: configuration, these defaults). */
  offsetWorkdays: number;
  kind: NoticeKind;
  title: { zh: string; en: string };
}

/** A week before a month ends, two weeks before a quarter ends, a month before the year ends (in working days). */
export const dutyReminderRules: readonly DutyReminderRule[] = [
  {
    key: 'month_due_soon',
    cadence: 'month',
    offsetWorkdays: -5,
    kind: 'due_soon',
    title: { zh: '本月“八个一次”尚未登记', en: 'This month’s principal duty not yet recorded' },
  },
  {
    key: 'quarter_due_soon',
    cadence: 'quarter',
    offsetWorkdays: -10,
    kind: 'due_soon',
    title: { zh: '本季度“八个一次”尚未登记', en: 'This quarter’s principal duty not yet recorded' },
  },
  {
    key: 'year_due_soon',
    cadence: 'year',
    offsetWorkdays: -20,
    kind: 'due_soon',
    title: { zh: '本年度“八个一次”尚未登记', en: 'This year’s principal duty not yet recorded' },
  },
];

const enterpriseRoles = ['enterprise_principal', 'enterprise_safety_manager'];
const PAGE = 500;

/** The periods of a cadence whose last day falls in the window (after, upTo]. */
export function periodsEndingIn(cadence: DutyCadence, w: { after: string; upTo: string }): string[] {
  return [...new Set([periodOf(cadence, w.after), periodOf(cadence, w.upTo)])].filter((p) => {
    const { end } = periodRange(p);
    return end > w.after && end <= w.upTo;
  });
}

export async function evaluateDutyReminders(db: Db, today: string) {
  let notices = 0;
  for (const rule of dutyReminderRules) {
    const w = deadlineWindow(today, rule.offsetWorkdays);
    if (!w) continue;
    for (const period of periodsEndingIn(rule.cadence, w)) {
      const { end } = periodRange(period);
      const year = Number(period.slice(0, 4));
      for (const duty of dutyRules.filter((d) => d.cadence === rule.cadence)) {
        const bit = dutyBit(duty.kind, period);
        let after: string | null = null;
        for (;;) {
          const where: SQL[] = [isNull(enterprises.deletedAt), sql`(coalesce(${dutyEnterpriseYears.recordedMask}, 0) & ${bit}) = 0`];
          if (after) where.push(gt(enterprises.id, after));
          const owing = await db
            .select({ id: enterprises.id })
            .from(enterprises)
            .leftJoin(dutyEnterpriseYears, and(eq(dutyEnterpriseYears.enterpriseId, enterprises.id), eq(dutyEnterpriseYears.year, year)))
            .where(and(...where))
            .orderBy(asc(enterprises.id))
            .limit(PAGE);
          if (owing.length === 0) break;
          const people = await db
            .select({ id: users.id, enterpriseId: users.enterpriseId })
            .from(users)
            .where(
              and(
                inArray(
                  users.enterpriseId,
                  owing.map((o) => o.id),
                ),
                eq(users.status, 'active'),
                inArray(users.role, enterpriseRoles),
              ),
            );
          for (const e of owing) {
            const to = people.filter((p) => p.enterpriseId === e.id).map((p) => p.id);
            notices += await notify(db, to, {
              kind: rule.kind,
              title: { zh: `${rule.title.zh}：${duty.label.zh}（${period}）`, en: `${rule.title.en}: ${duty.label.en} (${period})` },
              entityType: 'enterprise',
              entityId: e.id,
              link: '/duties',
              dueOn: end,
              dedupeKey: `duty:${e.id}:${duty.kind}:${period}:${rule.key}`,
            });
          }
          after = owing.at(-1)!.id;
        }
      }
    }
  }
  return { notices };
}

export const dutyReminderJob: DailyJob = {
  name: 'duty-period-reminders',
  run: (db, { today }) => evaluateDutyReminders(db, today),
};
