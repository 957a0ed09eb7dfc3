// The shared shape of a command on an enterprise's occupational-health file: transaction → loadForUpdate on the
// profile (scope, FOR UPDATE, 404/409) → the command's own write → version + 1 → refreshProfile (flags and the rate
// cells) → audit with before/after → the profile as the read route presents it.
import { eq } from 'drizzle-orm';
import type { AuditAction } from '@anjian/contracts';
import { ohProfiles } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, DbOrTx } from '../../../platform/db';
import { loadForUpdate } from '../../../platform/load-for-update';
import { cstDate } from '../../../platform/time';
import { presentProfile } from '../occupational-health.presenter';
import { findProfile, refreshProfile, type ProfileRow } from '../occupational-health.queries';

export interface OhContext {
  actor: Actor;
  ip: string | null;
  vaultKey: string;
  today?: string;
}

const auditable = (p: ProfileRow) => ({
  declaredOn: p.declaredOn,
  lastDetectionOn: p.lastDetectionOn,
  nextDetectionDue: p.nextDetectionDue,
  lastPpeOn: p.lastPpeOn,
  grade: p.grade,
  exposedWorkers: p.exposedWorkers,
  workersChecked: p.workersChecked,
  version: p.version,
});

export async function onProfile(
  db: Db,
  ctx: OhContext,
  enterpriseId: string,
  version: number,
  action: AuditAction,
  write: (tx: DbOrTx, before: ProfileRow, today: string) => Promise<{ patch: Partial<ProfileRow>; detail: Record<string, unknown> }>,
) {
  const { actor } = ctx;
  const today = ctx.today ?? cstDate();
  return db.transaction(async (tx) => {
    const before = await loadForUpdate<ProfileRow>({
      load: () => findProfile(tx, actor, enterpriseId, true),
      version,
      present: (row) => presentProfile(tx, actor, row, today),
    });
    const { patch, detail } = await write(tx, before, today);
    await tx
      .update(ohProfiles)
      .set({ ...patch, version: before.version + 1 })
      .where(eq(ohProfiles.enterpriseId, enterpriseId));
    await refreshProfile(tx, enterpriseId, today);
    const after = (await findProfile(tx, actor, enterpriseId))!;
    await recordAudit(tx, ctx, {
      action,
      entityType: 'oh_profile',
      entityId: enterpriseId,
      before: auditable(before),
      after: { ...auditable(after), ...detail },
    });
    return presentProfile(tx, actor, after, today);
  });
}
