// Replaces the deployment's penalty-procedure settings (PUT: all of them at once). Refused whole, nothing stored,
// when any value fails the checks; audited with the values before and after. Cases keep no derived copy of these
// (due dates and the hearing right are computed on read), so nothing else is rewritten.
import type { PutEnforcementSettingsBody } from '@anjian/contracts';
import type { Actor } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import type { Db } from '../../../../platform/db';
import { AppError } from '../../../../platform/errors';
import { fromHearingConfig, loadHearingConfig, settingsIssues, storeHearingConfig, toHearingConfig } from '../enforcement.settings';

export async function updateEnforcementSettings(db: Db, actor: Actor, ip: string | null, input: PutEnforcementSettingsBody) {
  const next = toHearingConfig(input);
  const issues = settingsIssues(next);
  if (issues.length > 0) throw new AppError('VALIDATION', issues);
  return db.transaction(async (tx) => {
    const before = await loadHearingConfig(tx);
    await storeHearingConfig(tx, next, actor.id);
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'enforcement.settings.update',
        entityType: 'enforcement_settings',
        entityId: 'deployment',
        before: fromHearingConfig(before),
        after: fromHearingConfig(next),
      },
    );
    return next;
  });
}
