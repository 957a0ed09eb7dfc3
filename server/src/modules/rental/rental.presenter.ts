// 出租屋备案 rows → response whitelists; the landlord's phone is masked for whoever does not see contacts in full
// (platform/masking.ts), except for the one who recorded it.
import type { RentalFilingStatus } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { maskPhone, seesInFull } from '../../platform/masking';
import { filingsInForce, filingsPending, type PremisesRow } from './rental.queries';
import { availableFilingActions, type RentalFilingRow } from './rental.workflow';

export async function presentPremises(db: DbOrTx, actor: Actor, rows: PremisesRow[], today: string) {
  const ids = rows.map((r) => r.id);
  const [inForce, pending] = await Promise.all([filingsInForce(db, ids, today), filingsPending(db, ids)]);
  return rows.map((r) => {
    const f = inForce.find((x) => x.premisesId === r.id) ?? null;
    const p = pending.find((x) => x.premisesId === r.id) ?? null;
    return {
      id: r.id,
      areaCode: r.areaCode,
      address: r.address,
      landlordKind: r.landlordKind as 'person' | 'company',
      landlordName: r.landlordName,
      landlordPhone:
        r.createdBy === actor.id || seesInFull(actor, { kind: 'enterpriseContact', enterpriseId: '' })
          ? r.landlordPhone
          : maskPhone(r.landlordPhone),
      occupancy: r.occupancy as 'vacant' | 'self_use' | 'let_to_business',
      occupantName: r.occupantName,
      currentFiling: f ? { id: f.id, tenantName: f.tenantName, leaseEnd: f.leaseEnd } : null,
      pendingFiling: p ? { id: p.id, tenantName: p.tenantName } : null,
      unfiled: r.occupancy === 'let_to_business' && !f,
      version: r.version,
    };
  });
}

export function presentFiling(actor: Actor, r: RentalFilingRow, today: string) {
  return {
    id: r.id,
    premisesId: r.premisesId,
    areaCode: r.areaCode,
    tenantName: r.tenantName,
    tenantEnterpriseId: r.tenantEnterpriseId,
    intendedUse: r.intendedUse,
    leaseStart: r.leaseStart,
    leaseEnd: r.leaseEnd,
    commitmentText: r.commitmentText,
    signerName: r.signerName,
    signedAt: r.signedAt.toISOString(),
    status: r.status as RentalFilingStatus,
    expired: r.status === 'accepted' && r.leaseEnd < today,
    reason: r.reason,
    version: r.version,
    abilities: availableFilingActions(actor, r),
  };
}

export function filingAudit(r: RentalFilingRow) {
  return {
    status: r.status,
    premisesId: r.premisesId,
    tenantName: r.tenantName,
    leaseEnd: r.leaseEnd,
    reason: r.reason,
    version: r.version,
  };
}
