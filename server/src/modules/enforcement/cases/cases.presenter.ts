// penalty_cases row → API shapes: the full case for staff (deadlines computed, never stored, so never stale) and the
// masked public notice of a decision (natural persons' identity numbers, phones, home addresses and names masked).
// The earliest hearing date and the withdrawal deadline count working days (行政处罚法 §85); one that needs a year the
// holiday calendar lacks is shown as null with `calendarGapYear` set, so the page says why instead of guessing.
import type { CaseStatus } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { CalendarGapError } from '../../../platform/calendar';
import { cstIso } from '../../../platform/time';
import { maskAddress, maskFreeText, maskIdNumber, maskPersonName, maskPhone, seesInFull } from '../../../platform/masking';
import { penaltyBasisById } from '../../../reference/enforcement/penalty-basis';
import {
  decisionClock,
  earliestHearingOn,
  hearingIsARight,
  lateSurchargeFen,
  paymentDue,
  withdrawalDue,
  type HearingConfig,
  type PartyKind,
} from '../../../reference/enforcement/penalty-limits';
import { availableCaseActions } from './case.workflow';
import { enforcementClock } from '../enforcement.clock';
import type { CaseRow } from './cases.queries';
import type { PublicPenaltyRow } from './public-penalties.queries';

/** `config`: the deployment's hearing settings (enforcement.settings.ts), loaded once per request. */
export function presentCase(
  actor: Actor,
  c: CaseRow,
  config: HearingConfig,
  evidence?: Record<string, boolean>,
  extra: Record<string, unknown> = {},
) {
  const today = enforcementClock.today();
  const clock = decisionClock(c, today, config);
  const gap: { year: number | null } = { year: null };
  const workdayDate = (f: () => string): string | null => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof CalendarGapError)) throw e;
      gap.year = e.year;
      return null;
    }
  };
  const payDue = c.servedOn ? paymentDue(c.servedOn) : null;
  const fineFen = c.fine === null ? null : Math.round(Number(c.fine) * 100);
  // The party's personal data as this caller may see it (platform/masking.ts): in full for the officers handling the
  // case; otherwise a natural person's identity number, phone and home address masked (an organisation's credit code
  // and business address are not personal), and numbers inside the free text too.
  const full = seesInFull(actor, { kind: 'caseParty', partyKind: c.partyKind, orgId: c.orgId, enterpriseId: c.enterpriseId });
  const person = c.partyKind === 'natural_person';
  const text = (s: string | null) => (full || s === null ? s : maskFreeText(s));
  return {
    id: c.id,
    number: c.number,
    orgName: c.orgName,
    enterpriseId: c.enterpriseId,
    inspectionId: c.inspectionId,
    origin: c.origin,
    hazardIds: c.hazardIds,
    procedure: c.procedure,
    partyKind: c.partyKind,
    partyName: c.partyName,
    partyIdNumber: full || !person ? c.partyIdNumber : maskIdNumber(c.partyIdNumber),
    partyPhone: full ? c.partyPhone : maskPhone(c.partyPhone),
    partyAddress: full || !person ? c.partyAddress : maskAddress(c.partyAddress),
    partyCreditCode: c.partyCreditCode,
    partyLegalRepresentative: c.partyLegalRepresentative,
    violation: text(c.violation)!,
    basisId: c.basisId,
    basisArticle: penaltyBasisById.get(c.basisId)?.article ?? null,
    fineBand: c.fineBand,
    fine: c.fine === null ? null : Number(c.fine),
    status: c.status as CaseStatus,
    filedOn: c.filedOn,
    decisionDue: clock.due,
    decisionOverdue: clock.overdue,
    /**
     * The 90-day clock: days left (frozen while paused), whether a pending hearing pauses it, the hearing days added
     * to the due date, and whether this deployment leaves hearing time out of the limit at all.
     */
    decisionClock: {
      remainingDays: clock.remainingDays,
      paused: clock.paused,
      hearingDays: clock.hearingDays,
      hearingExcluded: config.excludeFromDecisionLimit,
    },
    extensionDays: c.extensionDays,
    decidedOn: c.decidedOn,
    servedOn: c.servedOn,
    paymentDue: payDue,
    surcharge: fineFen !== null && c.servedOn && !c.paidOn ? lateSurchargeFen(fineFen, c.servedOn, today) / 100 : 0,
    paidOn: c.paidOn,
    closedOn: c.closedOn,
    firstCheckMustPenalise: c.firstCheckMustPenalise,
    doubleInvestigation: c.doubleInvestigation,
    publish: c.publish,
    changedOn: c.changedOn,
    hearing: {
      /** 较大数额: the 告知书 offers a hearing as of right (the threshold is the deployment's setting). */
      right: hearingIsARight(c.partyKind as PartyKind, fineFen === null ? null : fineFen / 100, config),
      requestedOn: c.hearingRequestedOn,
      /** A hearing notified today could be held on this day at the earliest (7 working days' notice by default). */
      earliestOn: c.status === 'hearing_requested' ? workdayDate(() => earliestHearingOn(today, config)) : null,
      on: c.hearingOn,
      place: c.hearingPlace,
      presiderId: c.hearingPresiderId,
      presiderName: c.hearingPresiderName,
      heldOn: c.hearingHeldOn,
      record: text(c.hearingRecord),
    },
    /** §48: 3 working days after the decision was changed or revoked. */
    withdrawalDue: c.changedOn ? workdayDate(() => withdrawalDue(c.changedOn!)) : null,
    /** A year the working-day calendar has no data for, when a date above could not be counted because of it. */
    calendarGapYear: gap.year,
    evidence,
    missingEvidence: evidence
      ? Object.entries(evidence)
          .filter(([, v]) => !v)
          .map(([k]) => k)
      : undefined,
    createdAt: cstIso(c.createdAt),
    version: c.version,
    abilities: availableCaseActions(actor, c.status as CaseStatus),
    ...extra,
  };
}

/**
 * The public notice of a decision: the 决定书 number and the authority that decided (never the internal 立案 number or
 * the division that handled it); an organisation party as registered, a natural person masked.
 */
export function presentPublicPenalty(c: PublicPenaltyRow) {
  const person = c.partyKind === 'natural_person';
  return {
    id: c.id,
    decisionNumber: c.decisionNumber,
    orgName: c.authorityName ?? c.orgName,
    partyName: person ? maskPersonName(c.partyName) : c.partyName,
    partyCreditCode: person ? null : c.partyCreditCode,
    partyLegalRepresentative: person ? null : c.partyLegalRepresentative,
    partyIdNumber: person ? maskIdNumber(c.partyIdNumber) : null,
    partyPhone: person ? maskPhone(c.partyPhone) : null,
    partyAddress: person ? maskAddress(c.partyAddress) : null,
    violation: maskFreeText(c.violation),
    basisArticle: penaltyBasisById.get(c.basisId)?.article ?? null,
    fine: c.fine === null ? null : Number(c.fine),
    decidedOn: c.decidedOn,
  };
}
