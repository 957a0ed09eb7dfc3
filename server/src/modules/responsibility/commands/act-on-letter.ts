// One step on a target-responsibility letter: loadForUpdate (scope + lock + version) → the caller's relation (issuer
// issues and withdraws, the recipient signs) → the one writer (machine: state, permission, required fields) → audit.
import type { LetterActBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findLetter } from '../letters.queries';
import { auditLetter, presentLetterDetail } from '../letters.presenter';
import { relationAllows } from '../letters.relations';
import { writeLetter, type LetterRow } from '../letters.workflow';

export async function actOnLetter(db: Db, actor: Actor, ip: string | null, id: string, input: LetterActBody, today = cstDate()) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findLetter(tx, actor, id, true),
      version: input.version,
      present: (row) => presentLetterDetail(tx, actor, row),
    });
    if (!relationAllows(actor, before, input.action)) throw new AppError('FORBIDDEN');
    const on = input.on ?? today;
    if (on > today) throw fieldError('on', '日期不能晚于今天', 'The date cannot be in the future');
    const patch: Partial<LetterRow> =
      input.action === 'issue'
        ? { issuedOn: on }
        : input.action === 'sign'
          ? { signedOn: on, signerName: input.signerName ?? null }
          : { withdrawnReason: input.reason ?? null };
    const after = await writeLetter(tx, actor, before, input.action, {
      patch,
      input: { on, signerName: input.signerName, reason: input.reason },
    });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: `responsibility_letter.${input.action}`,
        entityType: 'responsibility_letter',
        entityId: id,
        before: auditLetter(before),
        after: auditLetter(after),
      },
    );
    return presentLetterDetail(tx, actor, after);
  });
}
