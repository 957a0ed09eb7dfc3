// Daily notification work: evaluate the deadline rules for today (China day, working days) and send the digests.
import { and, asc, eq, gt, gte, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import { certificates, hazards, people, reports } from '../../db/schema';
import type { DailyJob } from '../../platform/jobs';
import type { Db } from '../../platform/db';
import type { Channel } from './notifications.channels';
import { sendDailyDigests } from './notifications.delivery';
import { calendarDayWindow, certificateDueRules, deadlineWindow, hazardDeadlineRules, reportDeadlineRules } from './notifications.rules';
import { recipientsFor } from './notifications.recipients';
import { notify, recordLink } from './notifications.service';
import { DUE_PAGE, remindDue } from './notifications.due';

/** Applies each hidden-danger deadline rule to the open hidden dangers whose deadline falls in today's window. */
export function evaluateHazardDeadlines(db: Db, today: string) {
  return remindDue(
    hazardDeadlineRules,
    (rule) => deadlineWindow(today, rule.offsetWorkdays),
    (_rule, w, afterId) =>
      db
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
        .where(and(ne(hazards.state, 'closed'), gt(hazards.deadline, w.after), lte(hazards.deadline, w.upTo), gt(hazards.id, afterId)))
        .orderBy(asc(hazards.id))
        .limit(DUE_PAGE),
    (h) => h.id,
    async (rule, h) =>
      notify(db, await recipientsFor(db, h, rule.recipients), {
        kind: rule.kind,
        title: { zh: `${rule.title.zh}（${h.number}）`, en: `${rule.title.en} (${h.number})` },
        entityType: 'hazard',
        entityId: h.id,
        link: recordLink.hazard!(h.id),
        dueOn: h.deadline,
        dedupeKey: `hazard:${h.id}:${rule.key}:${h.deadline}`,
      }),
  );
}

export const hazardDeadlineJob: DailyJob = {
  name: 'hazard-deadline-reminders',
  run: (db, { today }) => evaluateHazardDeadlines(db, today),
};

/**
 * Applies each 举报 deadline rule to the open reports whose acceptance or handling deadline falls in today's window.
 * The notice names the report's area and date only — never its reporter (the vault is not read here).
 */
export function evaluateReportDeadlines(db: Db, today: string) {
  const dueColumn = (rule: (typeof reportDeadlineRules)[number]) => (rule.deadline === 'accept' ? reports.acceptDue : reports.handleDue);
  return remindDue(
    reportDeadlineRules,
    (rule) => deadlineWindow(today, rule.offsetWorkdays),
    (rule, w, afterId) => {
      const col = dueColumn(rule);
      const states = rule.deadline === 'accept' ? ['received'] : ['accepted', 'handling'];
      return db
        .select({
          id: reports.id,
          due: col,
          submittedOn: reports.submittedOn,
          areaCode: reports.areaCode,
          enterpriseId: reports.enterpriseId,
          sector: reports.sector,
          parkId: reports.parkId,
          assigneeId: reports.assigneeId,
        })
        .from(reports)
        .where(and(inArray(reports.status, states), gt(col, w.after), lte(col, w.upTo), gt(reports.id, afterId)))
        .orderBy(asc(reports.id))
        .limit(DUE_PAGE);
    },
    (r) => r.id,
    async (rule, r) =>
      notify(db, await recipientsFor(db, r, rule.recipients, rule.assignee && r.assigneeId ? [r.assigneeId] : []), {
        kind: rule.kind,
        title: { zh: `${rule.title.zh}（${r.submittedOn}提交）`, en: `${rule.title.en} (submitted ${r.submittedOn})` },
        entityType: 'report',
        entityId: r.id,
        link: recordLink.report!(r.id),
        dueOn: r.due,
        dedupeKey: `report:${r.id}:${rule.key}:${r.due}`,
      }),
  );
}

export const reportDeadlineJob: DailyJob = {
  name: 'report-deadline-reminders',
  run: (db, { today }) => evaluateReportDeadlines(db, today),
};

export function digestJob(channels: readonly Channel[]): DailyJob {
  return { name: 'notification-digest', run: (db, { today }) => sendDailyDigests(db, channels, today) };
}

/**
 * Applies each certificate rule (notifications.rules.ts certificateDueRules) to the certificates whose due date falls
 * in today's window: not revoked, held by someone still employed. The notice names the holder and the certificate
 * number — never an identity number.
 */
export function evaluateCertificateDue(db: Db, today: string) {
  return remindDue(
    certificateDueRules,
    (rule) => calendarDayWindow(today, rule.offsetDays),
    (_rule, w, afterId) =>
      db
        .select({
          id: certificates.id,
          number: certificates.number,
          dueOn: certificates.dueOn,
          areaCode: certificates.areaCode,
          enterpriseId: certificates.enterpriseId,
          sector: certificates.sector,
          parkId: certificates.parkId,
          name: people.name,
        })
        .from(certificates)
        .innerJoin(people, eq(people.id, certificates.personId))
        .where(
          and(
            isNull(certificates.revokedOn),
            gt(certificates.dueOn, w.after),
            lte(certificates.dueOn, w.upTo),
            or(isNull(people.employedTo), gte(people.employedTo, today)),
            gt(certificates.id, afterId),
          ),
        )
        .orderBy(asc(certificates.id))
        .limit(DUE_PAGE),
    (c) => c.id,
    async (rule, c) =>
      notify(db, await recipientsFor(db, c, rule.recipients), {
        kind: rule.kind,
        title: { zh: `${rule.title.zh}（${c.name}，${c.number}）`, en: `${rule.title.en} (${c.name}, ${c.number})` },
        entityType: 'certificate',
        entityId: c.id,
        link: recordLink.enterprise!(c.enterpriseId),
        dueOn: c.dueOn,
        dedupeKey: `certificate:${c.id}:${rule.key}:${c.dueOn}`,
      }),
  );
}

export const certificateDueJob: DailyJob = {
  name: 'certificate-due-reminders',
  run: (db, { today }) => evaluateCertificateDue(db, today),
};
