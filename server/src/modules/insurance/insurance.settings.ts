// The mandatory sectors and hazard tags of 安责险 as the deployment set them in the app (insurance_settings, key
// 'mandatory'), over the documented defaults of insurance.rules.ts. Every reader (the coverage check, the rates, the
// daily coverage-gap sweep) asks loadInsuranceRules, so an edit applies at once; a stored value that no longer parses
// (a sector since removed from the code table) falls back to the defaults rather than guessing.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hazardTags, sectors, type InsuranceSettingsView, type PutInsuranceSettingsBody } from '@anjian/contracts';
import { insuranceSettings } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Db, DbOrTx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { insuranceRules, type InsuranceRules } from './insurance.rules';

export const MANDATORY_KEY = 'mandatory';
const storedMandatory = z.object({ sectors: z.array(z.enum(sectors)), tags: z.array(z.enum(hazardTags)) });

export interface StoredInsuranceRules {
  rules: InsuranceRules;
  version: number;
  updatedAt: Date | null;
  configured: boolean;
}

export async function loadInsuranceSettings(db: DbOrTx, lock = false): Promise<StoredInsuranceRules> {
  const q = db.select().from(insuranceSettings).where(eq(insuranceSettings.key, MANDATORY_KEY));
  const [row] = lock ? await q.for('update') : await q;
  const parsed = row ? storedMandatory.safeParse(row.value) : null;
  if (!row || !parsed?.success)
    return { rules: insuranceRules, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null, configured: false };
  return {
    rules: { ...insuranceRules, mandatorySectors: parsed.data.sectors, mandatoryTags: parsed.data.tags },
    version: row.version,
    updatedAt: row.updatedAt,
    configured: true,
  };
}

export const loadInsuranceRules = async (db: DbOrTx) => (await loadInsuranceSettings(db)).rules;

/** Replaces the mandatory sectors and tags (the version read must be current: 409 otherwise), audited. */
export async function saveInsuranceSettings(db: Db, actor: Actor, ip: string | null, input: PutInsuranceSettingsBody) {
  return db.transaction(async (tx) => {
    const before = await loadInsuranceSettings(tx, true);
    if (input.version !== before.version) throw new AppError('CONFLICT', [], { current: presentInsuranceSettings(before) });
    const value = { sectors: [...new Set(input.mandatorySectors)], tags: [...new Set(input.mandatoryTags)] };
    await tx
      .insert(insuranceSettings)
      .values({ key: MANDATORY_KEY, value, version: before.version + 1, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: insuranceSettings.key,
        set: { value, version: before.version + 1, updatedBy: actor.id, updatedAt: new Date() },
      });
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'insurance.settings.update',
        entityType: 'insurance_settings',
        entityId: MANDATORY_KEY,
        before: { sectors: before.rules.mandatorySectors, tags: before.rules.mandatoryTags, version: before.version },
        after: { ...value, version: before.version + 1 },
      },
    );
    return presentInsuranceSettings(await loadInsuranceSettings(tx));
  });
}

export function presentInsuranceSettings(s: StoredInsuranceRules): InsuranceSettingsView {
  return {
    mandatorySectors: [...s.rules.mandatorySectors],
    mandatoryTags: [...s.rules.mandatoryTags],
    version: s.version,
    configured: s.configured,
    updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null,
    defaults: { mandatorySectors: [...insuranceRules.mandatorySectors], mandatoryTags: [...insuranceRules.mandatoryTags] },
  };
}
