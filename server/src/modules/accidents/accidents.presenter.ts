// accidents row → API shape (whitelist) with the caller's abilities, and the read-time derivations:
// report timeliness per tier (493号 第九～十一条), the 补报 window, and overdue follow-ups.
import { can, type AccidentDetail, type AccidentSummary, type FollowUp } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { cstDate, cstIso } from '../../platform/time';
import type { AccidentCategory, AccidentLevel } from '../../reference/accidents/accident-level';
import {
  canRegrade,
  classifyReports,
  reportingChain,
  supplementaryWindowLastDay,
  type ReportingTier,
  type Timeliness,
} from '../../reference/accidents/reporting';
import { accidentAbilities } from './accidents.policy';
import type { AccidentRecord, AccidentRow, FollowUpRow, ReportRow } from './accidents.queries';

type Sector = AccidentSummary['sector'];

const WORST_FIRST: Timeliness[] = ['missing', 'late', 'pending', 'on_time'];

export function reportStatuses(row: AccidentRecord, reports: ReportRow[], now: Date): AccidentDetail['reports'] {
  const receivedAt: Partial<Record<ReportingTier, Date>> = {};
  for (const r of reports) receivedAt[r.tier as ReportingTier] = r.receivedAt;
  const level = row.level as AccidentLevel;
  const chain = classifyReports(level, { occurredAt: row.occurredAt, headInformedAt: row.headInformedAt ?? undefined, receivedAt }, now);
  const note = (tier: string) => reports.find((r) => r.tier === tier)?.note ?? null;
  const out: AccidentDetail['reports'] = chain.map((s) => ({
    tier: s.tier,
    due: cstIso(s.due),
    receivedAt: s.receivedAt ? cstIso(s.receivedAt) : null,
    timeliness: s.timeliness,
    note: note(s.tier),
  }));
  // A report kept from before a downgrade, above the current chain: shown, not judged.
  const chainTiers = reportingChain(level) as string[];
  for (const r of reports.filter((x) => !chainTiers.includes(x.tier))) {
    out.push({
      tier: r.tier as ReportingTier,
      due: cstIso(r.receivedAt),
      receivedAt: cstIso(r.receivedAt),
      timeliness: 'on_time',
      note: r.note,
    });
  }
  return out;
}

export function worstTimeliness(statuses: { timeliness: Timeliness }[]): Timeliness {
  return WORST_FIRST.find((t) => statuses.some((s) => s.timeliness === t)) ?? 'on_time';
}

export function presentAccident(actor: Actor, row: AccidentRow, reports: ReportRow[], now: Date): AccidentSummary {
  return {
    id: row.id,
    occurredAt: cstIso(row.occurredAt),
    areaCode: row.areaCode,
    areaName: row.areaName,
    address: row.address,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    unitName: row.unitName,
    sector: row.sector as Sector,
    category: row.category as AccidentSummary['category'],
    typeScheme: row.typeScheme as AccidentSummary['typeScheme'],
    typeCode: row.typeCode,
    deaths: row.deaths,
    missing: row.missing,
    seriousInjuries: row.seriousInjuries,
    minorInjuries: row.minorInjuries,
    directLossWan: row.directLossWan,
    level: row.level as AccidentLevel,
    reporting: worstTimeliness(reportStatuses(row, reports, now)),
    version: row.version,
    abilities: accidentAbilities(actor, row, now),
  };
}

export function presentFollowUp(actor: Actor, row: FollowUpRow, now: Date): FollowUp {
  const done = row.doneAt !== null;
  return {
    id: row.id,
    duty: row.duty as FollowUp['duty'],
    due: row.due,
    conductedBy: row.conductedBy as FollowUp['conductedBy'],
    listingMandatory: row.listingMandatory,
    source: row.source,
    doneAt: row.doneAt,
    doneByName: row.doneByName,
    evidenceNote: row.evidenceNote,
    overdue: !done && cstDate(now) > row.due,
    abilities: !done && can(actor.role, 'accident.update') ? ['complete'] : [],
  };
}

export function presentAccidentDetail(
  actor: Actor,
  row: AccidentRow,
  reports: ReportRow[],
  followUps: FollowUpRow[],
  now: Date,
): AccidentDetail {
  const timing = { occurredAt: row.occurredAt, category: row.category as AccidentCategory };
  return {
    ...presentAccident(actor, row, reports, now),
    longitude: row.longitude,
    latitude: row.latitude,
    parkId: row.parkId,
    causeCategory: row.causeCategory as AccidentDetail['causeCategory'],
    levelReachedBy: row.levelReachedBy,
    description: row.description,
    headInformedAt: row.headInformedAt ? cstIso(row.headInformedAt) : null,
    reports: reportStatuses(row, reports, now),
    supplementaryWindowLastDay: supplementaryWindowLastDay(timing),
    canRegrade: canRegrade(timing, now),
    followUps: followUps.map((f) => presentFollowUp(actor, f, now)),
    createdAt: cstIso(row.createdAt),
    updatedAt: cstIso(row.updatedAt),
  };
}

/** What the audit log keeps of an accident. */
export function auditAccident(row: AccidentRecord) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export const casualtiesOf = (r: Pick<AccidentRecord, 'deaths' | 'missing' | 'seriousInjuries' | 'minorInjuries' | 'directLossWan'>) => ({
  deaths: r.deaths,
  missing: r.missing,
  seriousInjuries: r.seriousInjuries,
  minorInjuries: r.minorInjuries,
  directLossWan: r.directLossWan,
});
