// Soft delete and restore. A deleted record leaves every list, count, search and export but keeps its
// credit code (uniqueness is deployment-wide), its history and whatever other records point at it. Both append their
// event (enterprise.delete / enterprise.restore): what other modules derive from the register (the credit record's
// 无事故 good record, which the daily sweep skips while the enterprise is deleted) catches up on a restore.
import { eq } from 'drizzle-orm';
import { enterprises } from '../../../db/schema';
import type { Db } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { appendEvent } from '../../../platform/outbox';
import { findEnterprise } from '../enterprises.queries';
import { auditEnterprise, presentEnterprise } from '../enterprises.presenter';

export interface VersionedInput {
  version: number;
  reason?: string;
}

async function setDeleted(db: Db, actor: Actor, ip: string | null, id: string, input: VersionedInput, deleting: boolean) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      // Already in the requested state counts as not found: nothing to delete, nothing to restore.
      load: async () => {
        const row = await findEnterprise(tx, actor, id, { forUpdate: true, includeDeleted: true });
        return row && !!row.deletedAt !== deleting ? row : null;
      },
      version: input.version,
      present: (row) => presentEnterprise(actor, row),
    });
    const now = new Date();
    await tx
      .update(enterprises)
      .set({ deletedAt: deleting ? now : null, updatedAt: now, version: before.version + 1 })
      .where(eq(enterprises.id, id));
    const after = (await findEnterprise(tx, actor, id, { includeDeleted: true }))!;
    await appendEvent(tx, deleting ? 'enterprise.delete' : 'enterprise.restore', 'enterprise', after, actor);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: deleting ? 'enterprise.delete' : 'enterprise.restore',
        entityType: 'enterprise',
        entityId: id,
        before: auditEnterprise(before),
        after: { ...auditEnterprise(after), reason: input.reason ?? null },
      },
    );
    return after;
  });
}

export const deleteEnterprise = (db: Db, actor: Actor, ip: string | null, id: string, input: VersionedInput) =>
  setDeleted(db, actor, ip, id, input, true);

export const restoreEnterprise = (db: Db, actor: Actor, ip: string | null, id: string, input: VersionedInput) =>
  setDeleted(db, actor, ip, id, input, false);
