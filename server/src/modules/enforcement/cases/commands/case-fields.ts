// The frozen text fields of a case's 告知书 / 听证通知书 / 决定书 (see documents.render.ts).
import { penaltyBasisById } from '../../../../reference/enforcement/penalty-basis';
import type { CaseRow } from '../cases.queries';
import { caseParty } from '../../documents/documents.party';

type PartyColumns = 'partyName' | 'partyKind' | 'partyCreditCode' | 'partyLegalRepresentative' | 'partyAddress' | 'partyIdNumber';

export function decisionFields(
  c: Pick<CaseRow, PartyColumns | 'violation' | 'basisId'>,
  e: { name: string; address: string },
  fine: number,
) {
  return {
    party: caseParty(c, e),
    enterpriseName: c.partyKind === 'organisation' ? c.partyName : `${c.partyName}（${e.name}）`,
    enterpriseAddress: c.partyKind === 'organisation' ? c.partyAddress : null,
    violation: c.violation,
    basisArticle: penaltyBasisById.get(c.basisId)?.article ?? c.basisId,
    fine,
  };
}

/**
 * 告知书: the decision's fields, whether it offers a hearing as of right (较大数额 under the deployment's threshold)
 * and the working days the party has to ask (行政处罚法 §85), so the printed text says what the workflow enforces.
 */
export function penaltyNoticeFields(
  c: Pick<CaseRow, PartyColumns | 'violation' | 'basisId'>,
  e: { name: string; address: string },
  fine: number,
  hearing: { offered: boolean; requestDays: number },
) {
  return {
    ...decisionFields(c, e, fine),
    hearingOffered: hearing.offered,
    hearingRequestDays: hearing.requestDays,
    hearingRequestDayUnit: 'workday' as const,
  };
}

/** 听证通知书: the party, the case, and the hearing's time, place and presiding officer. */
export function hearingNoticeFields(
  c: Pick<CaseRow, PartyColumns | 'violation' | 'basisId' | 'fine' | 'number'>,
  e: { name: string; address: string },
  h: { hearingOn?: string | null; hearingPlace?: string | null; hearingPresiderName?: string | null },
) {
  return {
    ...decisionFields(c, e, Number(c.fine)),
    caseNumber: c.number,
    hearingOn: h.hearingOn ?? null,
    hearingPlace: h.hearingPlace ?? null,
    hearingPresider: h.hearingPresiderName ?? null,
  };
}
