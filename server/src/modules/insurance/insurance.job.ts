// Daily reminders through the notifications module's inbox (notify is idempotent per dedupe key, so a second run the
// same day adds nothing):
//  - an 安责险 policy in force that ends within the warning window (insurance.rules, 30 days) and has no later policy
//    of the same enterprise (not yet renewed): once per policy and end date;
//  - a standardization grade that ends within the renewal window (standardization.rules, 90 days): once per
//    enterprise and expiry.
// The enterprise's users and the officers whose scope holds the record are told (recipientsFor applies the scope).
import { and, asc, gt, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { enterprises, insurancePolicies } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { addDays } from '../../platform/time';
import { notify } from '../notifications/notifications.service';
import { recipientsFor } from '../notifications/notifications.recipients';
import { insuranceRules } from './insurance.rules';
import { standardizationRules } from './standardization.rules';

const PAGE = 500;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

export async function evaluatePolicyReminders(db: Db, today: string) {
  let notices = 0;
  let lastId = FIRST_ID;
  for (;;) {
    const page = await db
      .select()
      .from(insurancePolicies)
      .where(
        and(
          gte(insurancePolicies.endsOn, today),
          lte(insurancePolicies.endsOn, addDays(today, insuranceRules.expiryWarningDays)),
          lte(insurancePolicies.startsOn, today),
          sql`not exists (select 1 from insurance_policies later where later.enterprise_id = ${insurancePolicies.enterpriseId}
                            and later.ends_on > ${insurancePolicies.endsOn})`,
          gt(insurancePolicies.id, lastId),
        ),
      )
      .orderBy(asc(insurancePolicies.id))
      .limit(PAGE);
    for (const p of page) {
      const to = await recipientsFor(db, p, ['enterprise', 'street']);
      notices += await notify(db, to, {
        kind: 'due_soon',
        title: {
          zh: `安责险保单即将到期（${p.policyNo}，${p.endsOn}）`,
          en: `Liability insurance policy expiring (${p.policyNo}, ${p.endsOn})`,
        },
        entityType: 'enterprise',
        entityId: p.enterpriseId,
        link: `/enterprises/${p.enterpriseId}`,
        dueOn: p.endsOn,
        dedupeKey: `insurance-expiry:${p.id}:${p.endsOn}`,
      });
    }
    if (page.length < PAGE) break;
    lastId = page[page.length - 1]!.id;
  }
  return { notices };
}

export async function evaluateStandardizationReminders(db: Db, today: string) {
  let notices = 0;
  let lastId = FIRST_ID;
  for (;;) {
    const page = await db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        areaCode: enterprises.areaCode,
        sector: enterprises.sector,
        parkId: enterprises.parkId,
        expiresOn: enterprises.standardizationExpiry,
      })
      .from(enterprises)
      .where(
        and(
          isNull(enterprises.deletedAt),
          isNotNull(enterprises.standardizationExpiry),
          gte(enterprises.standardizationExpiry, today),
          lte(enterprises.standardizationExpiry, addDays(today, standardizationRules.renewalWarningDays)),
          gt(enterprises.id, lastId),
        ),
      )
      .orderBy(asc(enterprises.id))
      .limit(PAGE);
    for (const e of page) {
      const to = await recipientsFor(db, { ...e, enterpriseId: e.id }, ['enterprise', 'street']);
      notices += await notify(db, to, {
        kind: 'due_soon',
        title: {
          zh: `安全生产标准化等级将于 ${e.expiresOn} 到期，请及时申请复评（${e.name}）`,
          en: `Standardization grade expires on ${e.expiresOn}: apply for renewal (${e.name})`,
        },
        entityType: 'enterprise',
        entityId: e.id,
        link: `/enterprises/${e.id}`,
        dueOn: e.expiresOn,
        dedupeKey: `standardization-renewal:${e.id}:${e.expiresOn}`,
      });
    }
    if (page.length < PAGE) break;
    lastId = page[page.length - 1]!.id;
  }
  return { notices };
}

export const insuranceReminderJob: DailyJob = {
  name: 'insurance-standardization-reminders',
  run: async (db, { today }) => {
    const a = await evaluatePolicyReminders(db, today);
    const b = await evaluateStandardizationReminders(db, today);
    return { notices: a.notices + b.notices };
  },
};
