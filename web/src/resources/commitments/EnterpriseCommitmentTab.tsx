// The enterprise file's 承诺与八个一次 tab: the year's signed commitment and the duty board, read in the caller's scope.
import type { Enterprise } from '@anjian/contracts';
import { CommitmentPage } from './CommitmentPage';
import { EnterpriseDuties } from './DutiesPage';

export function EnterpriseCommitmentTab({ enterprise }: { enterprise: Enterprise }) {
  return (
    <>
      <CommitmentPage enterpriseId={enterprise.id} />
      <div style={{ height: 12 }} />
      <EnterpriseDuties enterpriseId={enterprise.id} />
    </>
  );
}
