// Opening one enterprise's masked contact phones (platform/masking.ts: street, grid, park and department officers see
// them masked): the caller states why, the reason and what was shown are audited as `contact.reveal` in the same
// transaction, and only then are the full numbers returned. Out of scope is not found, as everywhere.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { RevealContactsBody, RevealedContacts } from '@anjian/contracts';
import { riskUnits } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { findEnterprise } from '../enterprises.queries';

export async function revealContacts(
  db: Db,
  actor: Actor,
  ip: string | null,
  id: string,
  input: RevealContactsBody,
): Promise<RevealedContacts> {
  return db.transaction(async (tx) => {
    const e = await findEnterprise(tx, actor, id);
    if (!e) throw notFound();
    const units = await tx
      .select({ id: riskUnits.id, name: riskUnits.name, emergencyPhone: riskUnits.emergencyPhone })
      .from(riskUnits)
      .where(and(eq(riskUnits.enterpriseId, e.id), isNull(riskUnits.deletedAt), isNotNull(riskUnits.emergencyPhone)))
      .orderBy(asc(riskUnits.name), asc(riskUnits.id));
    const shown = {
      principalName: e.principalName,
      principalPhone: e.principalPhone,
      safetyManagerName: e.safetyManagerName,
      safetyManagerPhone: e.safetyManagerPhone,
      riskUnits: units.map((u) => ({ id: u.id, name: u.name, emergencyPhone: u.emergencyPhone! })),
    };
    // The entry names the fields shown, not their values: the audit log should not become a copy of the numbers.
    const fields = Object.entries({ principalPhone: e.principalPhone, safetyManagerPhone: e.safetyManagerPhone })
      .filter(([, v]) => v)
      .map(([k]) => k);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'contact.reveal',
        entityType: 'enterprise',
        entityId: e.id,
        after: { reason: input.reason, fields, riskUnits: units.map((u) => u.id) },
      },
    );
    return shown;
  });
}
