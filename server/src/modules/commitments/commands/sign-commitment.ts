// POST /api/enterprises/:id/commitment: the principal signs the year's safety commitment on screen — the text
// configured for the enterprise's sector (copied with its version), the signer's name and a drawn signature or the
// typed name. One current commitment per enterprise and year: signing again replaces it (with the version read), and
// the audit trail keeps what was signed before.
import type { SignCommitmentBody } from '@anjian/contracts';
import { eq } from 'drizzle-orm';
import { safetyCommitments } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { AppError, fieldError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { currentCommitmentText } from '../commitments.texts';
import { presentCommitment } from '../commitments.presenter';
import { findCommitment, findEnterprise } from '../commitments.queries';
import type { CommitmentContext } from './context';

export async function signCommitment(db: Db, ctx: CommitmentContext, enterpriseId: string, input: SignCommitmentBody) {
  const { actor } = ctx;
  if (!input.signatureImage && !input.typedName)
    throw fieldError('signatureImage', '请手写签名或输入姓名', 'Draw your signature or type your name');
  const year = input.year ?? Number((ctx.today ?? cstDate()).slice(0, 4));
  return db.transaction(async (tx) => {
    // The enterprise row is locked first: two first signatures of the same year queue here instead of colliding.
    const ent = await findEnterprise(tx, actor, enterpriseId, true);
    if (!ent) throw notFound();
    const existing = await findCommitment(tx, actor, enterpriseId, year, true);
    // The sector's current text (edited in the app, versioned): the signature copies it, so later edits change nothing.
    const text = await currentCommitmentText(tx, ent.sector);
    if (existing && input.version === undefined)
      throw new AppError('CONFLICT', [], { current: presentCommitment(actor, ent, year, existing, text) });
    const values = {
      textVersion: text.version,
      title: text.title,
      body: text.body,
      signerName: input.signerName,
      typedName: input.typedName ?? null,
      signatureImage: input.signatureImage ?? null,
      signedBy: actor.id,
      signedAt: new Date(),
    };
    let row;
    if (existing) {
      const before = await loadForUpdate({
        load: async () => existing,
        version: input.version!,
        present: (r) => presentCommitment(actor, ent, year, r, text),
      });
      [row] = await tx
        .update(safetyCommitments)
        .set({ ...values, version: before.version + 1 })
        .where(eq(safetyCommitments.id, before.id))
        .returning();
    } else {
      [row] = await tx
        .insert(safetyCommitments)
        .values({ ...values, enterpriseId, areaCode: ent.areaCode, sector: ent.sector, parkId: ent.parkId, year })
        .returning();
    }
    await recordAudit(tx, ctx, {
      action: existing ? 'safety_commitment.resign' : 'safety_commitment.sign',
      entityType: 'safety_commitment',
      entityId: row!.id,
      before: existing
        ? { textVersion: existing.textVersion, signerName: existing.signerName, signedAt: existing.signedAt, version: existing.version }
        : undefined,
      after: {
        enterpriseId,
        year,
        textVersion: text.version,
        signerName: input.signerName,
        drawn: !!input.signatureImage,
        version: row!.version,
      },
    });
    return presentCommitment(actor, ent, year, row!, text);
  });
}
