// Who may change what on an enterprise record, and the rules every saved record obeys (create, edit and
// import all pass through `checkEnterprise`): GB 32100 credit code, area and park, supervising
// organisations, GB/T 4754 industry code, cross-field rules, and the caller's own scope.
import { can, validationMessages, type ValidationMessageKey } from '@anjian/contracts';
import type { areas, parks } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import type { BilingualDetail } from '../../platform/errors';
import { inScope } from '../../platform/scope';
import { addMonths } from '../../platform/time';
import { checkCreditCode } from '../../reference/credit-code';
import { industryCodeConsistent } from '../../reference/industry-code';
import { findAreasByCode, findOrganisationIds, findParksById } from './enterprises.queries';
import type { EnterpriseValues, TrackedField } from './enterprises.presenter';

/** What decides who supervises a unit: an enterprise's own accounts may not change it. */
export const JURISDICTION_FIELDS = [
  'areaCode',
  'parkId',
  'sector',
  'isKey',
  'supervisingOrgIds',
  'creditCode',
] as const satisfies readonly TrackedField[];

export function forbiddenChanges(actor: Actor, changed: readonly TrackedField[]): TrackedField[] {
  if (actor.scopeKind !== 'enterprise') return [];
  return changed.filter((f) => (JURISDICTION_FIELDS as readonly string[]).includes(f));
}

/** Soft-deleted records are visible to those who may restore them. */
export const maySeeDeleted = (actor: Actor) => can(actor.role, 'enterprise.delete');

export function detail(field: string, key: ValidationMessageKey): BilingualDetail {
  return { field, ...validationMessages[key] };
}

/** 标准化 grades are valid for three years (docs/rules.md §7, M): the default expiry when none is given. */
export const standardizationExpiryOf = (date: string) => addMonths(date, 36);

/** Unit type implied by the credit code: 9+1 企业, 9+2 个体工商户, anything else another organisation. */
export function unitTypeOf(creditCode: string): 'enterprise' | 'individual' | 'other' {
  if (creditCode.startsWith('91')) return 'enterprise';
  if (creditCode.startsWith('92')) return 'individual';
  return 'other';
}

type AreaRow = typeof areas.$inferSelect;
type ParkRow = typeof parks.$inferSelect;

/** Reference rows looked up once per request or per import batch. */
export class Lookups {
  private readonly areas = new Map<string, AreaRow | null>();
  private readonly parks = new Map<string, ParkRow | null>();
  private readonly orgs = new Map<string, boolean>();
  constructor(private readonly db: DbOrTx) {}

  async preload(drafts: Pick<EnterpriseValues, 'areaCode' | 'parkId' | 'supervisingOrgIds'>[]) {
    const codes = [...new Set(drafts.map((d) => d.areaCode))].filter((c) => c && !this.areas.has(c));
    const parkIds = [...new Set(drafts.map((d) => d.parkId))].filter((p): p is string => !!p && !this.parks.has(p));
    const orgIds = [...new Set(drafts.flatMap((d) => d.supervisingOrgIds))].filter((o) => !this.orgs.has(o));
    const [a, p, o] = await Promise.all([
      findAreasByCode(this.db, codes),
      findParksById(this.db, parkIds),
      findOrganisationIds(this.db, orgIds),
    ]);
    for (const c of codes) this.areas.set(c, a.find((r) => r.code === c) ?? null);
    for (const id of parkIds) this.parks.set(id, p.find((r) => r.id === id) ?? null);
    for (const id of orgIds) this.orgs.set(id, o.includes(id));
  }
  area = (code: string) => this.areas.get(code) ?? null;
  park = (id: string) => this.parks.get(id) ?? null;
  orgExists = (id: string) => this.orgs.get(id) ?? false;
}

export interface CheckOptions {
  /** Set when the credit code is new or changed: only then is it checked against GB 32100. */
  codeChanged: boolean;
  overrideReason?: string | null;
  /** The record's id, for the enterprise-scope test on edits. */
  id?: string;
}

export interface CheckResult {
  details: BilingualDetail[];
  /** The override reason to store (null once the code passes the check). */
  creditCodeOverride: string | null;
}

/**
 * Checks a complete draft (after defaults and merging). Call `lookups.preload` first. Returns every
 * problem at once so a form or an import row can show them together.
 */
export function checkEnterprise(lookups: Lookups, actor: Actor, d: EnterpriseValues, o: CheckOptions): CheckResult {
  const details: BilingualDetail[] = [];
  let creditCodeOverride = o.codeChanged ? null : d.creditCodeOverride;
  if (o.codeChanged) {
    const cc = checkCreditCode(d.creditCode);
    if (!cc.ok) {
      const mayOverride = cc.rule === 'checksum' && can(actor.role, 'enterprise.overrideCreditCode');
      if (mayOverride && o.overrideReason) creditCodeOverride = o.overrideReason;
      else {
        const hint = mayOverride ? validationMessages['creditCode.overrideHint'] : null;
        details.push({
          field: 'creditCode',
          zh: hint ? `${cc.message.zh}。${hint.zh}` : cc.message.zh,
          en: hint ? `${cc.message.en}. ${hint.en}` : cc.message.en,
        });
        if (cc.rule === 'checksum' && o.overrideReason) details.push(detail('creditCodeOverrideReason', 'creditCode.overrideDenied'));
      }
    }
  }
  const area = lookups.area(d.areaCode);
  const areaOk = !!area && ['street', 'community', 'grid'].includes(area.level);
  if (!areaOk) details.push(detail('areaCode', 'enterprise.areaOutOfScope'));
  if (d.parkId) {
    const park = lookups.park(d.parkId);
    if (!park || !d.areaCode.startsWith(park.areaCode)) details.push(detail('parkId', 'enterprise.parkMismatch'));
  }
  if (d.supervisingOrgIds.some((id) => !lookups.orgExists(id))) details.push(detail('supervisingOrgIds', 'enterprise.orgUnknown'));
  if (d.industryCode && !industryCodeConsistent(d.industryCode)) details.push(detail('industryCode', 'industryCode.division'));
  if ((d.longitude == null) !== (d.latitude == null))
    details.push(detail(d.longitude == null ? 'longitude' : 'latitude', 'coordinates.pair'));
  if (d.standardizationGrade && !d.standardizationDate) details.push(detail('standardizationDate', 'standardization.dateRequired'));
  if (d.standardizationDate && d.standardizationExpiry && d.standardizationExpiry <= d.standardizationDate) {
    details.push(detail('standardizationExpiry', 'standardization.expiryOrder'));
  }
  if (areaOk && !inScope(actor, { areaCode: d.areaCode, sector: d.sector, parkId: d.parkId, enterpriseId: o.id ?? null })) {
    details.push(detail(scopeField(actor, d), 'enterprise.outOfScope'));
  }
  return { details, creditCodeOverride };
}

/** Which field puts the draft outside the caller's scope, so the form can point at it. */
function scopeField(actor: Actor, d: EnterpriseValues): string {
  if (actor.scopeKind === 'park') return 'parkId';
  if (actor.scopeKind === 'sector' && actor.areaPrefix && d.areaCode.startsWith(actor.areaPrefix)) return 'sector';
  return 'areaCode';
}
