// 目标责任书 issued (responsibility_letter.issue, modules/responsibility): the recipient is told a letter waits for its
// signature, with a link to the letter where it signs. Who signs is letters.relations.ts isSigner: an enterprise's
// principal (its principal and safety manager are told), a street's officers for a letter to the street, and the
// issuing street's officers for a community, which has no account and whose paper signature the street records.
// Recipients pass the scope predicate (recipientsFor), so a notice never links to a letter its reader cannot open.
import type { Tx } from '../../platform/db';
import type { DomainEvent } from '../../platform/queue';
import { recipientsFor } from './notifications.recipients';
import { notify, recordLink } from './notifications.service';

export async function onLetterIssued(tx: Tx, e: DomainEvent) {
  const p = e.payload as { recipientKind?: string; title?: string; year?: number };
  const scope = { areaCode: e.areaCode, enterpriseId: e.enterpriseId, sector: e.sector, parkId: e.parkId };
  const to = (await recipientsFor(tx, scope, p.recipientKind === 'enterprise' ? ['enterprise'] : ['street'])).filter(
    (id) => id !== e.actorId,
  );
  const title = p.title ?? '';
  await notify(tx, to, {
    kind: 'awaiting_action',
    title: { zh: `目标责任书待签订：${title}`, en: `Responsibility letter to sign: ${title}` },
    entityType: 'responsibility_letter',
    entityId: e.entityId,
    link: recordLink.responsibility_letter!(e.entityId),
    eventId: e.id,
    dedupeKey: `event:${e.id}`,
  });
}
