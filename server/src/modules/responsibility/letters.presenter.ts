// Letter → response whitelist: targets with the assessment indicator's name, and `abilities` = what the machine
// allows this role in this state AND the caller's relation to the letter (issuer or signer).
import type { LetterDetail, LetterRecipientKind, LetterStatus, LetterView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { abilities } from '../../platform/state-machine';
import { findChildLetters, findLetterHistory, findSchemeIndicators } from './letters.queries';
import { relationAllows } from './letters.relations';
import { letterMachine, type LetterRow } from './letters.workflow';

export function presentLetter(actor: Actor, row: LetterRow, indicatorNames: Map<string, string> = new Map()): LetterView {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    parentId: row.parentId,
    issuerName: row.issuerName,
    issuerAreaCode: row.issuerAreaCode,
    recipientKind: row.recipientKind as LetterRecipientKind,
    recipientName: row.recipientName,
    areaCode: row.areaCode,
    enterpriseId: row.enterpriseId,
    schemeId: row.schemeId,
    targets: row.targets.map((t) => ({
      text: t.text,
      indicatorKey: t.indicatorKey,
      indicatorName: t.indicatorKey ? (indicatorNames.get(t.indicatorKey) ?? null) : null,
      value: t.value,
    })),
    status: row.status as LetterStatus,
    issuedOn: row.issuedOn,
    signedOn: row.signedOn,
    signerName: row.signerName,
    withdrawnReason: row.withdrawnReason,
    version: row.version,
    abilities: abilities(letterMachine, row, actor).filter(
      (a): a is LetterView['abilities'][number] => a !== 'create' && relationAllows(actor, row, a),
    ),
  };
}

export async function presentLetters(db: DbOrTx, actor: Actor, rows: LetterRow[]) {
  const names = await findSchemeIndicators(db, [...new Set(rows.flatMap((r) => (r.schemeId ? [r.schemeId] : [])))]);
  return rows.map((r) => presentLetter(actor, r, (r.schemeId && names.get(r.schemeId)) || undefined));
}

export async function presentLetterDetail(db: DbOrTx, actor: Actor, row: LetterRow): Promise<LetterDetail> {
  const [[view], history, children] = await Promise.all([
    presentLetters(db, actor, [row]),
    findLetterHistory(db, row.id),
    findChildLetters(db, actor, row.id),
  ]);
  return {
    ...view!,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    children: children.map((c) => ({ ...c, status: c.status as LetterStatus })),
  };
}

/** The audit entry's picture of a letter. */
export function auditLetter(row: LetterRow) {
  return {
    status: row.status,
    year: row.year,
    recipientKind: row.recipientKind,
    recipientName: row.recipientName,
    targets: row.targets.length,
    issuedOn: row.issuedOn,
    signedOn: row.signedOn,
    signerName: row.signerName,
    version: row.version,
  };
}
