// The accident's story in time order: what happened (accident, reports received, casualty revisions,
// investigation steps, duties done) and what is due (report deadlines, the 补报 window, the
// investigation report, each duty), so one page shows where the case stands.
import type { TimelineEntry } from '@anjian/contracts';
import { cstIso } from '../../platform/time';
import { investigationReportDue } from '../../reference/accidents/investigation';
import type { AccidentCategory } from '../../reference/accidents/accident-level';
import { supplementaryWindowLastDay } from '../../reference/accidents/reporting';
import type { AccidentRow, FollowUpRow, InvestigationRow, ReportRow, RevisionRow } from './accidents.queries';
import { reportStatuses } from './accidents.presenter';

const day = (d: string) => `${d}T23:59:59+08:00`;

export function buildTimeline(
  a: AccidentRow,
  reports: ReportRow[],
  revisions: RevisionRow[],
  investigation: InvestigationRow | null,
  followUps: FollowUpRow[],
  now: Date,
): TimelineEntry[] {
  const items: TimelineEntry[] = [{ at: cstIso(a.occurredAt), kind: 'occurred', data: { level: a.level, address: a.address } }];
  if (a.headInformedAt) items.push({ at: cstIso(a.headInformedAt), kind: 'head_informed', data: {} });
  items.push({ at: cstIso(a.createdAt), kind: 'registered', data: {} });
  for (const s of reportStatuses(a, reports, now)) {
    if (s.receivedAt) items.push({ at: s.receivedAt, kind: 'report', data: { tier: s.tier, timeliness: s.timeliness, due: s.due } });
    else items.push({ at: s.due, kind: 'deadline', data: { what: 'report', tier: s.tier, timeliness: s.timeliness } });
  }
  for (const r of revisions) {
    items.push({
      at: cstIso(r.at),
      kind: 'revision',
      data: {
        actorName: r.actorName,
        before: r.before,
        after: r.after,
        levelBefore: r.levelBefore,
        levelAfter: r.levelAfter,
        note: r.note,
      },
    });
  }
  items.push({
    at: day(supplementaryWindowLastDay({ occurredAt: a.occurredAt, category: a.category as AccidentCategory })),
    kind: 'deadline',
    data: { what: 'supplementary_window' },
  });
  const reportDue = investigationReportDue(a.occurredAt, investigation?.extensionDays ?? 0);
  if (investigation?.reportSubmittedOn) {
    items.push({ at: day(investigation.reportSubmittedOn), kind: 'investigation', data: { step: 'reported', due: reportDue } });
  } else items.push({ at: day(reportDue), kind: 'deadline', data: { what: 'investigation_report' } });
  if (investigation?.approvedOn) items.push({ at: day(investigation.approvedOn), kind: 'investigation', data: { step: 'approved' } });
  for (const f of followUps) {
    if (f.doneAt) items.push({ at: day(f.doneAt), kind: 'follow_up_done', data: { duty: f.duty, by: f.doneByName, note: f.evidenceNote } });
    else items.push({ at: day(f.due), kind: 'deadline', data: { what: 'follow_up', duty: f.duty } });
  }
  return items.sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
}
