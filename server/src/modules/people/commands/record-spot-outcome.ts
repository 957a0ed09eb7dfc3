// POST /api/spot-check-items/:id/outcome: the officer on site records a sampled holder's outcome (with a note and a
// photo uploaded first). An outcome that warrants it (spot-checks.rules.ts) revokes the certificate in the same
// transaction through the certificate machine's writer (certificates.workflow.ts: the holding-rate summary is rewritten,
// the event certificate.revoke appended); a failed outcome appends spot_check_item.record, on which the notifications
// consumer tells the enterprise and its street. Recorded once: a second outcome for the same holder is refused.
import type { RecordSpotOutcomeBody } from '@anjian/contracts';
import { eq } from 'drizzle-orm';
import { spotCheckItems, spotChecks } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { claimFiles } from '../../../platform/files';
import { loadForUpdate } from '../../../platform/load-for-update';
import { appendEvent } from '../../../platform/outbox';
import { cstDate } from '../../../platform/time';
import { revokeCertificateRow } from '../certificates.workflow';
import { auditCertificate } from '../people.presenter';
import { findCertificate } from '../people.queries';
import { presentSpotItems } from '../spot-checks.presenter';
import { findSpotCheckItem, type SpotCheckItemRow } from '../spot-checks.queries';
import { revokeReasonFor, spotOutcomeRules, warrantsRevocation } from '../spot-checks.rules';
import type { PeopleContext } from './save-person';

export const SPOT_CHECK_ITEM_OWNER = 'spot_check_item';

export async function recordSpotOutcome(db: Db, ctx: Omit<PeopleContext, 'vaultKey'>, id: string, input: RecordSpotOutcomeBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const present = async (row: SpotCheckItemRow) => (await presentSpotItems(tx, actor, [row]))[0]!;
    const before = await loadForUpdate<SpotCheckItemRow>({
      load: () => findSpotCheckItem(tx, actor, id, true),
      version: input.version,
      present,
    });
    if (before.outcome) throw fieldError('outcome', '该人员的抽查结果已记录', 'The outcome for this holder is already recorded');
    const [check] = await tx.select().from(spotChecks).where(eq(spotChecks.id, before.spotCheckId));
    if (input.checkedOn > today) throw fieldError('checkedOn', '抽查日期不能晚于今天', 'The check date cannot be in the future');
    if (input.checkedOn < check!.drawnOn)
      throw fieldError('checkedOn', '抽查日期不能早于抽取日期', 'The check date cannot be before the sample was drawn');
    if (input.outcome === 'other' && !input.note)
      throw fieldError('note', '结果为“其他”时请填写说明', 'Describe the finding when the outcome is “other”');
    if (input.photoId) {
      try {
        await claimFiles(tx, actor, [input.photoId], { type: SPOT_CHECK_ITEM_OWNER, id });
      } catch {
        throw fieldError(
          'photoId',
          '照片不存在、不是您上传的，或已被使用',
          'The photo does not exist, was not uploaded by you, or is already used',
        );
      }
    }
    let revoked = false;
    if (warrantsRevocation(input.outcome, input.revoke)) {
      const cert = await findCertificate(tx, actor, before.certificateId, true);
      if (cert && cert.standing === 'held') {
        const reason = revokeReasonFor(input.outcome, check!.title, input.note);
        const revokedOn = input.checkedOn < cert.issuedOn ? today : input.checkedOn;
        const after = await revokeCertificateRow(
          tx,
          actor,
          cert,
          'revoke_on_spot_check',
          { revokedOn, reason, spotCheckItemId: id },
          today,
        );
        await recordAudit(tx, ctx, {
          action: 'certificate.revoke',
          entityType: 'certificate',
          entityId: cert.id,
          before: auditCertificate(cert),
          after: auditCertificate(after),
        });
        revoked = true;
      }
    }
    const [row] = await tx
      .update(spotCheckItems)
      .set({
        outcome: input.outcome,
        checkedOn: input.checkedOn,
        note: input.note ?? null,
        photoId: input.photoId ?? null,
        revoked,
        checkedBy: actor.id,
        version: before.version + 1,
      })
      .where(eq(spotCheckItems.id, id))
      .returning();
    if (spotOutcomeRules[input.outcome].failed) {
      await appendEvent(tx, 'spot_check_item.record', 'spot_check_item', before, actor, {
        spotCheckId: before.spotCheckId,
        outcome: input.outcome,
        revoked,
        certificateId: before.certificateId,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'spot_check_item.record',
      entityType: 'spot_check_item',
      entityId: id,
      before: { outcome: null, version: before.version },
      after: { outcome: row!.outcome, checkedOn: row!.checkedOn, note: row!.note, photoId: row!.photoId, revoked, version: row!.version },
    });
    return present(row!);
  });
}
