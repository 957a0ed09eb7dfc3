// Daily reminders through the notifications module's inbox (notify is idempotent per dedupe key, so a second run the
// same day adds nothing):
//  - an 安责险 policy in force that ends within the warning window (insurance.rules, 30 days) and has no later policy
//    of the same enterprise (not yet renewed): once per policy and end date;
//  - a standardization grade that ends within the renewal window (standardization.rules, 90 days): once per
//    enterprise and expiry.
// The enterprise's users and the officers whose scope holds the record are told (recipientsFor applies the scope).
// And the coverage gaps as events for the credit record (evaluateCoverageGaps).
import { and, asc, gt, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { enterprises, insurancePolicies } from '../../db/schema';
import { announcedKeys, appendEvents } from '../../platform/outbox';
import { insuredOn, mandatoryWhere } from './insurance.queries';
import { loadInsuranceRules } from './insurance.settings';
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

/**
 * The coverage check as events: each operating enterprise of a mandatory sector (or tag) with no policy in force today
 * gets one insurance.coverage_gap event per gap — the gap named by the day it began (the day after its last policy
 * ended, or 'none' when it never had one) — which the credit consumer turns into an 'uninsured' entry. A gap already
 * announced is skipped by the events' entity index, so a daily run adds events only for new gaps. Paged by id.
 */
export async function evaluateCoverageGaps(db: Db, today: string) {
  const rules = await loadInsuranceRules(db);
  let events = 0;
  let lastId = FIRST_ID;
  for (;;) {
    const page = await db
      .select({
        id: enterprises.id,
        areaCode: enterprises.areaCode,
        sector: enterprises.sector,
        parkId: enterprises.parkId,
        gapSince: sql<string>`coalesce(((select max(p.ends_on) from insurance_policies p where p.enterprise_id = enterprises.id) + 1)::text, 'none')`,
        lastPolicyNo: sql<
          string | null
        >`(select p.policy_no from insurance_policies p where p.enterprise_id = enterprises.id order by p.ends_on desc limit 1)`,
      })
      .from(enterprises)
      .where(and(mandatoryWhere(rules), sql`not ${insuredOn(today)}`, gt(enterprises.id, lastId)))
      .orderBy(asc(enterprises.id))
      .limit(PAGE);
    // The page's gaps already announced, in one read; the new ones appended in one statement (one a gap was one
    // commit an enterprise: hours over a province's first run).
    const seen = await announcedKeys(db, {
      type: 'insurance.coverage_gap',
      entityType: 'insurance_coverage',
      entityIds: page.map((e) => e.id),
      key: 'gapKey',
    });
    const fresh = page.filter((e) => !seen.has(`${e.id}|${e.gapSince}`));
    if (fresh.length > 0) {
      await appendEvents(
        db,
        'insurance.coverage_gap',
        'insurance_coverage',
        fresh.map((e) => ({
          record: { ...e, enterpriseId: e.id },
          payload: { gapSince: e.gapSince === 'none' ? null : e.gapSince, gapKey: e.gapSince, lastPolicyNo: e.lastPolicyNo },
        })),
      );
      events += fresh.length;
    }
    if (page.length < PAGE) break;
    lastId = page[page.length - 1]!.id;
  }
  return { coverageGaps: events };
}

export const insuranceReminderJob: DailyJob = {
  name: 'insurance-standardization-reminders',
  run: async (db, { today }) => {
    const a = await evaluatePolicyReminders(db, today);
    const b = await evaluateStandardizationReminders(db, today);
    return { notices: a.notices + b.notices, ...(await evaluateCoverageGaps(db, today)) };
  },
};
