// penalty_cases row → API shapes: the full case for staff (deadlines computed, never stored, so never stale) and the
// masked public notice of a decision (natural persons' identity numbers, phones, home addresses and names masked).
import type { CaseStatus } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import { cstDate, cstIso } from '../../platform/time';
import { maskAddress, maskFreeText, maskIdNumber, maskPersonName, maskPhone } from '../../reference/enforcement/mask';
import { penaltyBasisById } from '../../reference/enforcement/penalty-basis';
import { decisionDue, lateSurchargeFen, paymentDue, withdrawalDue } from '../../reference/enforcement/penalty-limits';
import { availableCaseActions } from './case.workflow';
import type { CaseRow } from './cases.queries';

export function presentCase(actor: Actor, c: CaseRow, evidence?: Record<string, boolean>, extra: Record<string, unknown> = {}) {
  const today = cstDate();
  const due = decisionDue(c.filedOn, c.extensionDays);
  const payDue = c.servedOn ? paymentDue(c.servedOn) : null;
  const fineFen = c.fine === null ? null : Math.round(Number(c.fine) * 100);
  return {
    id: c.id,
    number: c.number,
    orgName: c.orgName,
    enterpriseId: c.enterpriseId,
    inspectionId: c.inspectionId,
    procedure: c.procedure,
    partyKind: c.partyKind,
    partyName: c.partyName,
    partyIdNumber: c.partyIdNumber,
    partyPhone: c.partyPhone,
    partyAddress: c.partyAddress,
    violation: c.violation,
    basisId: c.basisId,
    basisArticle: penaltyBasisById.get(c.basisId)?.article ?? null,
    fineBand: c.fineBand,
    fine: c.fine === null ? null : Number(c.fine),
    status: c.status,
    filedOn: c.filedOn,
    decisionDue: due,
    decisionOverdue: !c.decidedOn && today > due,
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
    withdrawalDue: c.changedOn ? withdrawalDue(c.changedOn) : null,
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

export function presentPublicPenalty(c: CaseRow) {
  const person = c.partyKind === 'natural_person';
  return {
    id: c.id,
    number: c.number,
    orgName: c.orgName,
    partyName: person ? maskPersonName(c.partyName) : c.partyName,
    partyIdNumber: person ? maskIdNumber(c.partyIdNumber) : null,
    partyPhone: person ? maskPhone(c.partyPhone) : null,
    partyAddress: person ? maskAddress(c.partyAddress) : null,
    violation: maskFreeText(c.violation),
    basisArticle: penaltyBasisById.get(c.basisId)?.article ?? null,
    fine: c.fine === null ? null : Number(c.fine),
    decidedOn: c.decidedOn,
  };
}
