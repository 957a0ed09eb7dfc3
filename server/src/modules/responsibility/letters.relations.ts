// Who stands where to a letter, beyond role and scope: the issuer is the unit one level up whose area the letter was
// issued from (any officer of that level and area may draft, issue and withdraw it); the recipient signs — a street's
// officer for a street, the enterprise's principal for an enterprise. A community (村/居委) has no account on the
// platform, so the street that issued its letter records the community's signature from the paper copy.
import type { LetterAction } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { LetterRow } from './letters.workflow';

export function isIssuer(actor: Actor, row: Pick<LetterRow, 'issuerAreaCode'>) {
  return actor.scopeKind === 'area' && actor.areaCode === row.issuerAreaCode;
}

export function isSigner(actor: Actor, row: Pick<LetterRow, 'recipientKind' | 'areaCode' | 'enterpriseId' | 'issuerAreaCode'>) {
  if (row.recipientKind === 'enterprise') return actor.role === 'enterprise_principal' && actor.enterpriseId === row.enterpriseId;
  if (row.recipientKind === 'street') return actor.role === 'street_officer' && actor.areaCode === row.areaCode;
  return actor.role === 'street_officer' && actor.areaCode === row.issuerAreaCode;
}

export function relationAllows(actor: Actor, row: LetterRow, action: LetterAction) {
  return action === 'sign' ? isSigner(actor, row) : isIssuer(actor, row);
}
