// accident_investigations row (or its absence) → API shape with the 493号 due days derived at read time.
import type { Investigation } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { cstDate } from '../../platform/time';
import type { AccidentLevel } from '../../reference/accidents/accident-level';
import { approvalDue, investigationAuthority, investigationReportDue } from '../../reference/accidents/investigation';
import type { AccidentRecord, InvestigationRow } from './accidents.queries';
import { investigationAbilities } from './investigation.workflow';

type Member = Investigation['team'][number];

export function presentInvestigation(actor: Actor, a: AccidentRecord, row: InvestigationRow | null, now: Date): Investigation {
  const level = a.level as AccidentLevel;
  const today = cstDate(now);
  const extensionDays = row?.extensionDays ?? 0;
  const reportDue = investigationReportDue(a.occurredAt, extensionDays);
  const submitted = row?.reportSubmittedOn ?? null;
  const approvalDueDay = submitted ? approvalDue(level, submitted) : null;
  const status = row ? (row.status as Investigation['status']) : 'not_started';
  const abilities = investigationAbilities(actor, row);
  return {
    accidentId: a.id,
    status,
    level,
    authority: investigationAuthority(level, a),
    team: ((row?.team as Partial<Member>[] | undefined) ?? []).map((m) => ({
      name: m.name ?? '',
      organisation: m.organisation ?? null,
      role: m.role ?? null,
    })),
    directCauses: row?.directCauses ?? null,
    indirectCauses: row?.indirectCauses ?? null,
    managementGaps: row?.managementGaps ?? null,
    responsibilityFindings: row?.responsibilityFindings ?? null,
    reportDue,
    extensionDays,
    extensionReason: row?.extensionReason ?? null,
    reportSubmittedOn: submitted,
    approvalDue: approvalDueDay,
    approvedOn: row?.approvedOn ?? null,
    reportOverdue: !submitted && today > reportDue,
    approvalOverdue: !!approvalDueDay && !row?.approvedOn && today > approvalDueDay,
    version: row?.version ?? null,
    abilities,
  };
}
