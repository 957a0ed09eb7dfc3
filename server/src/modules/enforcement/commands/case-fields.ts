// The frozen text fields of a case's 告知书 / 决定书 (see documents.render.ts).
import { penaltyBasisById } from '../../../reference/enforcement/penalty-basis';
import type { CaseRow } from '../cases.queries';

export function decisionFields(
  c: Pick<CaseRow, 'partyName' | 'violation' | 'basisId' | 'partyKind'>,
  e: { name: string; address: string },
  fine: number,
) {
  return {
    enterpriseName: c.partyKind === 'organisation' ? c.partyName : `${c.partyName}（${e.name}）`,
    enterpriseAddress: c.partyKind === 'organisation' ? e.address : null,
    violation: c.violation,
    basisArticle: penaltyBasisById.get(c.basisId)?.article ?? c.basisId,
    fine,
  };
}
