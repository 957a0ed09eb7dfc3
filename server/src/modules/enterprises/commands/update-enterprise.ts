// Edits an enterprise under optimistic locking: a stale version is a 409 carrying the current record,
// never a silent overwrite. Enterprise accounts may edit their own record but not its jurisdiction.
import { eq } from 'drizzle-orm';
import type { UpdateEnterpriseBody } from '@anjian/contracts';
import { enterprises } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { syncRiskScope } from '../../risks/risks.summary';
import { AppError } from '../../../platform/errors';
import { normaliseCreditCode } from '../../../reference/credit-code';
import { findEnterprise, type EnterpriseRecord } from '../enterprises.queries';
import { auditEnterprise, changedFields, presentEnterprise, TRACKED_FIELDS, type EnterpriseValues } from '../enterprises.presenter';
import { Lookups, checkEnterprise, detail, forbiddenChanges, standardizationExpiryOf } from '../enterprises.policy';
import { assertCodeFree, auditOverride, isUniqueViolation } from './create-enterprise';
import { appendEvent } from '../../../platform/outbox';

/** The stored record with the patch laid over it (undefined = unchanged, null = cleared). */
export function mergePatch(before: EnterpriseRecord, patch: Partial<EnterpriseValues>): EnterpriseValues {
  const out = {} as Record<string, unknown>;
  for (const f of TRACKED_FIELDS) out[f] = patch[f] === undefined ? before[f] : patch[f];
  const d = out as EnterpriseValues;
  d.creditCode = normaliseCreditCode(d.creditCode);
  d.hazardTags = [...new Set(d.hazardTags)];
  d.supervisingOrgIds = [...new Set(d.supervisingOrgIds)];
  // A new grant date without an expiry gets the default three years rather than keeping the old expiry.
  if (patch.standardizationDate && patch.standardizationExpiry === undefined) {
    d.standardizationExpiry = standardizationExpiryOf(patch.standardizationDate);
  }
  return d;
}

export async function updateEnterprise(db: Db, actor: Actor, ip: string | null, id: string, input: UpdateEnterpriseBody) {
  const { version, creditCodeOverrideReason, ...patch } = input;
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findEnterprise(tx, actor, id, { forUpdate: true }),
      version,
      present: (row) => presentEnterprise(actor, row),
    });
    const draft = mergePatch(before, patch);
    const changed = changedFields(before, draft);
    const forbidden = forbiddenChanges(actor, changed);
    if (forbidden.length > 0)
      throw new AppError(
        'FORBIDDEN',
        forbidden.map((f) => detail(f, 'enterprise.fieldReadOnly')),
      );
    // Saving an unchanged form is not an edit: no new version, no audit entry.
    if (changed.length === 0) return before;
    const codeChanged = changed.includes('creditCode');
    const lookups = new Lookups(tx);
    await lookups.preload([draft]);
    const checked = checkEnterprise(lookups, actor, draft, { codeChanged, overrideReason: creditCodeOverrideReason, id });
    if (checked.details.length > 0) throw new AppError('VALIDATION', checked.details);
    if (codeChanged) await assertCodeFree(tx, draft.creditCode, id);
    await tx
      .update(enterprises)
      .set({ ...draft, creditCodeOverride: checked.creditCodeOverride, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(enterprises.id, id))
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw new AppError('DUPLICATE', [detail('creditCode', 'creditCode.duplicate')]);
        throw err;
      });
    // Risk registers and check tasks carry the enterprise's scope columns: they follow a reassignment.
    // Hidden dangers and accidents stay filed where they were found (their statistics are by place).
    if (changed.some((f) => f === 'areaCode' || f === 'sector' || f === 'parkId')) await syncRiskScope(tx, id);
    const after = (await findEnterprise(tx, actor, id))!;
    await appendEvent(tx, 'enterprise.update', 'enterprise', after, actor, { changed });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: id,
        before: auditEnterprise(before),
        after: auditEnterprise(after),
      },
    );
    if (codeChanged && after.creditCodeOverride) await auditOverride(tx, actor, ip, id, after.creditCode, after.creditCodeOverride);
    return after;
  });
}
