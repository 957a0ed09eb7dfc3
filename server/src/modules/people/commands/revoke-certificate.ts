// POST /api/certificates/:id/revoke: the district bureau revokes a certificate (after a 抽查 spot check, or on the
// issuing authority's decision) with the date and the reason; the holder stops counting for the holding rate the
// same day. Through the certificate machine's writer (certificates.workflow.ts), audited in the same transaction.
import type { RevokeCertificateBody } from '@anjian/contracts';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { findCertificate, namesFor, type CertificateRow } from '../people.queries';
import { revokeCertificateRow } from '../certificates.workflow';
import { auditCertificate, presentCertificate } from '../people.presenter';
import type { PeopleContext } from './save-person';

export async function revokeCertificate(db: Db, ctx: Omit<PeopleContext, 'vaultKey'>, id: string, input: RevokeCertificateBody) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const present = async (row: CertificateRow) =>
      presentCertificate(actor, row, await namesFor(tx, [row.personId], [row.enterpriseId]), today);
    const before = await loadForUpdate<CertificateRow>({
      load: () => findCertificate(tx, actor, id, true),
      version: input.version,
      present,
    });
    if (input.revokedOn > today) throw fieldError('revokedOn', '吊销日期不能晚于今天', 'The revocation date cannot be in the future');
    if (input.revokedOn < before.issuedOn)
      throw fieldError('revokedOn', '吊销日期不能早于发证日期', 'The revocation date cannot be before the issue date');
    const row = await revokeCertificateRow(tx, actor, before, 'revoke', { revokedOn: input.revokedOn, reason: input.reason }, today);
    await recordAudit(tx, ctx, {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: id,
      before: auditCertificate(before),
      after: auditCertificate(row),
    });
    return present(row);
  });
}
