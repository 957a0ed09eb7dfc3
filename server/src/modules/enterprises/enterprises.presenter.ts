// enterprises row → API shape (a whitelist) with the caller's abilities; the audit copy; history entries.
import { can, type Enterprise, type EnterpriseAbility, type EnterpriseHistoryEntry } from '@anjian/contracts';
import type { auditLog } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import { mayRevealContacts, phoneFor, seesInFull, type Subject } from '../../platform/masking';
import { cstIso } from '../../platform/time';
import type { EnterpriseRecord, EnterpriseRow } from './enterprises.queries';

/** Rows reaching the presenter are already inside the caller's scope, so abilities follow from the role. */
export function enterpriseAbilities(actor: Actor, row: Pick<EnterpriseRecord, 'id' | 'deletedAt'>): EnterpriseAbility[] {
  const out: EnterpriseAbility[] = ['history'];
  if (mayRevealContacts(actor, row.id)) out.push('revealContacts');
  if (row.deletedAt) {
    if (can(actor.role, 'enterprise.delete')) out.push('restore');
    return out;
  }
  if (can(actor.role, 'enterprise.update')) {
    out.push('update');
    if (actor.scopeKind !== 'enterprise') out.push('reassign');
  }
  if (can(actor.role, 'enterprise.delete')) out.push('delete');
  if (can(actor.role, 'enterprise.overrideCreditCode')) out.push('overrideCreditCode');
  return out;
}

/** The enterprise's contacts as this caller may see them (platform/masking.ts). */
export function contactsFor<T extends Pick<EnterpriseRecord, 'id' | 'principalPhone' | 'safetyManagerPhone'>>(actor: Actor, r: T): T {
  const s: Subject = { kind: 'enterpriseContact', enterpriseId: r.id };
  if (seesInFull(actor, s)) return r;
  return { ...r, principalPhone: phoneFor(actor, s, r.principalPhone), safetyManagerPhone: phoneFor(actor, s, r.safetyManagerPhone) };
}

export function presentEnterprise(actor: Actor, row: EnterpriseRow): Enterprise {
  const r = contactsFor(actor, row);
  return {
    id: r.id,
    name: r.name,
    formerNames: r.formerNames,
    creditCode: r.creditCode,
    creditCodeOverride: r.creditCodeOverride,
    unitType: r.unitType as Enterprise['unitType'],
    legalRepresentative: r.legalRepresentative,
    principalName: r.principalName,
    principalPhone: r.principalPhone,
    safetyManagerName: r.safetyManagerName,
    safetyManagerPhone: r.safetyManagerPhone,
    address: r.address,
    areaCode: r.areaCode,
    areaName: r.areaName,
    streetName: r.streetName,
    parkId: r.parkId,
    parkName: r.parkName,
    longitude: r.longitude,
    latitude: r.latitude,
    industryCode: r.industryCode,
    sector: r.sector as Enterprise['sector'],
    hazardTags: r.hazardTags as Enterprise['hazardTags'],
    scale: r.scale as Enterprise['scale'],
    smallMicro: r.smallMicro,
    employees: r.employees,
    isKey: r.isKey,
    operatingStatus: r.operatingStatus as Enterprise['operatingStatus'],
    premises: r.premises as Enterprise['premises'],
    landlord: r.landlord,
    standardizationGrade: r.standardizationGrade as Enterprise['standardizationGrade'],
    standardizationDate: r.standardizationDate,
    standardizationExpiry: r.standardizationExpiry,
    threeSimultaneous: r.threeSimultaneous as Enterprise['threeSimultaneous'],
    supervisingOrgIds: r.supervisingOrgIds,
    deletedAt: r.deletedAt ? cstIso(r.deletedAt) : null,
    createdAt: cstIso(r.createdAt),
    updatedAt: cstIso(r.updatedAt),
    version: r.version,
    abilities: enterpriseAbilities(actor, r),
  };
}

/** The fields a user edits: what history compares and what the audit log keeps of a record. */
export const TRACKED_FIELDS = [
  'name',
  'formerNames',
  'creditCode',
  'creditCodeOverride',
  'unitType',
  'legalRepresentative',
  'principalName',
  'principalPhone',
  'safetyManagerName',
  'safetyManagerPhone',
  'address',
  'areaCode',
  'parkId',
  'longitude',
  'latitude',
  'industryCode',
  'sector',
  'hazardTags',
  'scale',
  'smallMicro',
  'employees',
  'isKey',
  'operatingStatus',
  'premises',
  'landlord',
  'standardizationGrade',
  'standardizationDate',
  'standardizationExpiry',
  'threeSimultaneous',
  'supervisingOrgIds',
] as const satisfies readonly (keyof EnterpriseRecord)[];
export type TrackedField = (typeof TRACKED_FIELDS)[number];
export type EnterpriseValues = Pick<EnterpriseRecord, TrackedField>;

export function auditEnterprise(r: EnterpriseRecord) {
  const out: Record<string, unknown> = { id: r.id, version: r.version, deletedAt: r.deletedAt };
  for (const f of TRACKED_FIELDS) out[f] = r[f];
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The tracked fields whose values differ (arrays compare element by element, in order). */
export function changedFields(before: Partial<EnterpriseValues>, after: Partial<EnterpriseValues>): TrackedField[] {
  return TRACKED_FIELDS.filter((f) => !same(before[f], after[f]));
}

type AuditRow = typeof auditLog.$inferSelect;

const CONTACT_FIELDS: readonly string[] = ['principalPhone', 'safetyManagerPhone'];

/** An entry of one enterprise's history; the phones in it follow the same policy as the record's. */
export function presentHistoryEntry(actor: Actor, enterpriseId: string, e: AuditRow): EnterpriseHistoryEntry {
  const before = (e.before ?? {}) as Partial<EnterpriseValues>;
  const after = (e.after ?? {}) as Partial<EnterpriseValues>;
  const s: Subject = { kind: 'enterpriseContact', enterpriseId };
  const shown = (field: TrackedField, v: unknown) => (CONTACT_FIELDS.includes(field) && typeof v === 'string' ? phoneFor(actor, s, v) : v);
  const fields = e.action.endsWith('.create') ? TRACKED_FIELDS.filter((f) => after[f] != null) : changedFields(before, after);
  return {
    id: e.id,
    at: cstIso(e.at),
    actorName: e.actorName,
    actorRole: e.actorRole,
    action: e.action,
    changes: fields.map((field) => ({ field, before: shown(field, before[field] ?? null), after: shown(field, after[field] ?? null) })),
  };
}
