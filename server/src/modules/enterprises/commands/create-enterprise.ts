// Files a new enterprise: defaults, the record rules, a deployment-wide unique credit code, audit.
import type { CreateEnterpriseBody } from '@anjian/contracts';
import { enterprises } from '../../../db/schema';
import type { Db, DbOrTx } from '../../../platform/db';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { normaliseCreditCode } from '../../../reference/credit-code';
import { findByCreditCodes, findEnterprise } from '../enterprises.queries';
import { auditEnterprise, type EnterpriseValues } from '../enterprises.presenter';
import { Lookups, checkEnterprise, detail, standardizationExpiryOf, unitTypeOf } from '../enterprises.policy';
import { appendEvent } from '../../../platform/outbox';

/** A complete record from a create body (API form or a new import row), with the defaults filled in. */
export function draftFromInput(actor: Actor, input: CreateEnterpriseBody): EnterpriseValues {
  const creditCode = normaliseCreditCode(input.creditCode);
  const standardizationDate = input.standardizationDate ?? null;
  return {
    name: input.name,
    formerNames: input.formerNames ?? [],
    creditCode,
    creditCodeOverride: null,
    unitType: input.unitType ?? unitTypeOf(creditCode),
    legalRepresentative: input.legalRepresentative ?? null,
    principalName: input.principalName ?? null,
    principalPhone: input.principalPhone ?? null,
    safetyManagerName: input.safetyManagerName ?? null,
    safetyManagerPhone: input.safetyManagerPhone ?? null,
    address: input.address,
    areaCode: input.areaCode,
    // A park officer files units into their own park.
    parkId: input.parkId ?? (actor.scopeKind === 'park' ? actor.parkId : null),
    longitude: input.longitude ?? null,
    latitude: input.latitude ?? null,
    industryCode: input.industryCode ?? null,
    sector: input.sector,
    hazardTags: [...new Set(input.hazardTags ?? [])],
    scale: input.scale ?? 'below',
    smallMicro: input.smallMicro ?? false,
    employees: input.employees ?? null,
    isKey: input.isKey ?? false,
    operatingStatus: input.operatingStatus ?? 'operating',
    premises: input.premises ?? null,
    landlord: input.landlord ?? null,
    standardizationGrade: input.standardizationGrade ?? null,
    standardizationDate,
    standardizationExpiry: input.standardizationExpiry ?? (standardizationDate ? standardizationExpiryOf(standardizationDate) : null),
    threeSimultaneous: input.threeSimultaneous ?? 'not_applicable',
    supervisingOrgIds: [...new Set(input.supervisingOrgIds ?? [])],
  };
}

/** PostgreSQL unique_violation, however the driver wraps it. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** 409 pointing at the credit code; a deleted holder is named so the caller can restore it instead. */
export async function assertCodeFree(db: DbOrTx, creditCode: string, exceptId?: string): Promise<void> {
  const [holder] = await findByCreditCodes(db, [creditCode]);
  if (holder && holder.id !== exceptId) {
    throw new AppError('DUPLICATE', [detail('creditCode', holder.deletedAt ? 'creditCode.deleted' : 'creditCode.duplicate')]);
  }
}

export async function createEnterprise(db: Db, actor: Actor, ip: string | null, input: CreateEnterpriseBody) {
  const draft = draftFromInput(actor, input);
  return db.transaction(async (tx) => {
    const lookups = new Lookups(tx);
    await lookups.preload([draft]);
    const checked = checkEnterprise(lookups, actor, draft, { codeChanged: true, overrideReason: input.creditCodeOverrideReason });
    if (checked.details.length > 0) throw new AppError('VALIDATION', checked.details);
    await assertCodeFree(tx, draft.creditCode);
    const values = { ...draft, creditCodeOverride: checked.creditCodeOverride };
    const id = await tx
      .insert(enterprises)
      .values(values)
      .returning({ id: enterprises.id })
      .then((r) => r[0]!.id)
      .catch((err: unknown) => {
        // A concurrent create of the same code slipped between the check and the insert.
        if (isUniqueViolation(err)) throw new AppError('DUPLICATE', [detail('creditCode', 'creditCode.duplicate')]);
        throw err;
      });
    const row = (await findEnterprise(tx, actor, id))!;
    await appendEvent(tx, 'enterprise.create', 'enterprise', row, actor);
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'enterprise.create', entityType: 'enterprise', entityId: id, after: auditEnterprise(row) },
    );
    if (values.creditCodeOverride) await auditOverride(tx, actor, ip, id, values.creditCode, values.creditCodeOverride);
    return row;
  });
}

/** A separate, searchable entry whenever someone accepts a code that fails GB 32100. */
export async function auditOverride(tx: DbOrTx, actor: Actor, ip: string | null, id: string, creditCode: string, reason: string) {
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'enterprise.overrideCreditCode', entityType: 'enterprise', entityId: id, after: { creditCode, reason } },
  );
}
