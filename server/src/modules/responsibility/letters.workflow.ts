// The target-responsibility letter's machine: created as a draft by the issuer (the district bureau for a street, a
// street for a community or an enterprise) → issued → signed by its recipient, or withdrawn by the issuer before it is
// signed (with a reason). Who is the issuer and who the recipient is a relation on the record, checked by the
// commands and the presenter (letters.relations.ts); the machine holds states, permissions and required fields.
// `writeLetter` is the only writer of responsibility_letters.status: machine → row (version + 1) → history row →
// domain event, in the caller's transaction.
import { eq } from 'drizzle-orm';
import { letterActionLabels, letterStatuses, type LetterAction, type LetterStatus } from '@anjian/contracts';
import { responsibilityLetters } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { decide, type StateMachine } from '../../platform/state-machine';

export type LetterRow = typeof responsibilityLetters.$inferSelect;

export const letterMachine: StateMachine<LetterStatus, 'create' | LetterAction, LetterRow> = {
  record: 'responsibility_letter',
  table: 'responsibility_letters',
  column: 'status',
  states: letterStatuses,
  actions: {
    create: { label: { zh: '起草', en: 'Draft' }, from: [null], to: 'draft', permission: 'responsibilityLetter.issue' },
    issue: { label: letterActionLabels.issue, from: ['draft'], to: 'issued', permission: 'responsibilityLetter.issue' },
    sign: {
      label: letterActionLabels.sign,
      from: ['issued'],
      to: 'signed',
      permission: 'responsibilityLetter.sign',
      requires: ['signerName'],
    },
    withdraw: {
      label: letterActionLabels.withdraw,
      from: ['draft', 'issued'],
      to: 'withdrawn',
      permission: 'responsibilityLetter.issue',
      requires: ['reason'],
    },
  },
  stateOf: (r) => (r ? (r.status as LetterStatus) : null),
  fieldLabels: { signerName: { zh: '签订人', en: 'signer' }, reason: { zh: '撤回理由', en: 'reason' } },
};

export interface LetterChange {
  create?: Omit<typeof responsibilityLetters.$inferInsert, 'status' | 'id' | 'version'>;
  patch?: Partial<typeof responsibilityLetters.$inferInsert>;
  input?: Record<string, unknown>;
}

/** The only writer of responsibility_letters.status, in the caller's transaction. */
export async function writeLetter(
  tx: DbOrTx,
  actor: Actor,
  before: LetterRow | null,
  action: 'create' | LetterAction,
  change: LetterChange,
) {
  const { from, to } = decide(letterMachine, before, actor, action, change.input ?? {});
  const [row] = before
    ? await tx
        .update(responsibilityLetters)
        .set({ ...change.patch, status: to!, updatedAt: new Date(), version: before.version + 1 })
        .where(eq(responsibilityLetters.id, before.id))
        .returning()
    : await tx
        .insert(responsibilityLetters)
        .values({ ...change.create!, status: to! })
        .returning();
  const evidence = change.input ?? {};
  await appendTransition(tx, letterMachine, actor, { recordId: row!.id, action, from, to: to!, evidence });
  // The recipient's kind and the title ride along: the notice of an issued letter names it and finds its signers.
  await appendEvent(tx, `responsibility_letter.${action}`, 'responsibility_letter', row!, actor, {
    from,
    to,
    recipientKind: row!.recipientKind,
    title: row!.title,
    ...evidence,
  });
  return row!;
}
