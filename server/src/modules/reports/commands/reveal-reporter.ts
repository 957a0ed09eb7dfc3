// Opening the reporter vault of one report: only 'report.revealReporter' (the district bureau), only within scope
// (out of scope is 404), only with a reason. The reason and which fields were shown — not their values — are
// audited as `report.revealReporter` in the same transaction, and only then is the identity returned.
import type { RevealedReporter, RevealReporterBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { findReport, findSealedReporter } from '../reports.queries';
import { unseal } from '../reports.vault';

export async function revealReporter(
  db: Db,
  actor: Actor,
  ip: string | null,
  vaultKey: string,
  id: string,
  input: RevealReporterBody,
): Promise<RevealedReporter> {
  return db.transaction(async (tx) => {
    const report = await findReport(tx, actor, id);
    if (!report) throw notFound();
    const sealed = await findSealedReporter(tx, report.id);
    const identity = sealed ? unseal(vaultKey, sealed.sealed) : null;
    const fields = identity
      ? Object.entries(identity)
          .filter(([, v]) => v)
          .map(([k]) => k)
      : [];
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'report.revealReporter', entityType: 'report', entityId: report.id, after: { reason: input.reason, fields } },
    );
    return identity
      ? { anonymous: false, name: identity.name, phone: identity.phone, idNumber: identity.idNumber }
      : { anonymous: true, name: null, phone: null, idNumber: null };
  });
}
