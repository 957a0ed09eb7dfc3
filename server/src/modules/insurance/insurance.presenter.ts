// Policy row → response whitelist, with `abilities` (update: the caller may write policies and holds the record in
// scope, which an enterprise user does only for its own enterprise).
import { can, type PolicyView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { inScope } from '../../platform/scope';
import { cstDate } from '../../platform/time';
import { enterpriseNames, type PolicyRow } from './insurance.queries';
import { policyStatus } from './insurance.rules';

export function presentPolicy(actor: Actor, r: PolicyRow, names: Map<string, string>, today = cstDate()): PolicyView {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: names.get(r.enterpriseId) ?? null,
    areaCode: r.areaCode,
    insurer: r.insurer,
    policyNo: r.policyNo,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    insuredPersons: r.insuredPersons,
    premiumFen: r.premiumFen,
    rateFactor: r.rateFactor,
    status: policyStatus(r, today),
    version: r.version,
    abilities: can(actor.role, 'insurance.write') && inScope(actor, r) ? ['update'] : [],
  };
}

export async function presentPolicies(db: DbOrTx, actor: Actor, rows: PolicyRow[]) {
  const names = await enterpriseNames(
    db,
    rows.map((r) => r.enterpriseId),
  );
  const today = cstDate();
  return rows.map((r) => presentPolicy(actor, r, names, today));
}

/** What the audit log keeps of a policy. */
export const auditPolicy = (r: PolicyRow) => ({
  enterpriseId: r.enterpriseId,
  insurer: r.insurer,
  policyNo: r.policyNo,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  insuredPersons: r.insuredPersons,
  premiumFen: r.premiumFen,
  rateFactor: r.rateFactor,
  version: r.version,
});
