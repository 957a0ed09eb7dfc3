// Who may do what to which accident, and the checks every saved accident passes (create and edit
// share `placeAccident`): the place exists and lies in the caller's jurisdiction, the enterprise
// exists, the type code belongs to its GB 6441 scheme, and the times are in order.
import { can } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { AppError, fieldError, type BilingualDetail } from '../../platform/errors';
import { inScope } from '../../platform/scope';
import { isGb1986Code, isGb2025Key, schemeFor, type AccidentTypeScheme } from '../../reference/accidents/accident-types';
import { canRegrade } from '../../reference/accidents/reporting';
import type { AccidentCategory } from '../../reference/accidents/accident-level';
import { findArea, findEnterpriseForAccident, type AccidentRecord } from './accidents.queries';

/** A few minutes of clock skew between a reporter's phone and the server are not "the future". */
const SKEW_MS = 5 * 60_000;

export function accidentAbilities(actor: Actor, row: AccidentRecord, now: Date): string[] {
  if (!can(actor.role, 'accident.update')) return [];
  const out = ['update', 'report', 'investigate', 'completeFollowUp'];
  if (canRegrade({ occurredAt: row.occurredAt, category: row.category as AccidentCategory }, now)) out.push('regrade');
  return out;
}

export interface Placement {
  areaCode: string;
  enterpriseId: string | null;
  sector: string | null;
  parkId: string | null;
}

/**
 * Resolves where the accident belongs for scope: the place's area, and sector/park copied from the
 * enterprise (or the sector given when there is none). Refuses a result outside the caller's scope,
 * so nobody registers an accident they could not see afterwards.
 */
export async function placeAccident(
  db: DbOrTx,
  actor: Actor,
  input: { areaCode: string; enterpriseId: string | null; sector: string | null },
): Promise<Placement> {
  const area = await findArea(db, input.areaCode);
  if (!area) throw fieldError('areaCode', '区划不存在', 'Unknown area');
  let sector = input.sector;
  let parkId: string | null = null;
  if (input.enterpriseId) {
    const e = await findEnterpriseForAccident(db, input.enterpriseId);
    if (!e) throw fieldError('enterpriseId', '企业不存在', 'Unknown enterprise');
    sector = e.sector;
    parkId = e.parkId;
  }
  const placement = { areaCode: area.code, enterpriseId: input.enterpriseId, sector, parkId };
  if (!inScope(actor, placement)) {
    throw fieldError(
      'areaCode',
      '事故地点（或所属行业）不在您的管辖范围内',
      'The accident’s place (or sector) is outside your jurisdiction',
    );
  }
  return placement;
}

export function resolveScheme(occurredAt: Date, given: AccidentTypeScheme | undefined, code: string): AccidentTypeScheme {
  const scheme = given ?? schemeFor(occurredAt);
  const valid = scheme === 'GB6441-1986' ? isGb1986Code(code) : isGb2025Key(code);
  if (!valid) {
    throw fieldError(
      'typeCode',
      `事故类别代码不属于${scheme === 'GB6441-1986' ? 'GB 6441-86（01～020）' : 'GB 6441-2025（P01～P27）'}`,
      `The accident type is not a ${scheme} type`,
    );
  }
  return scheme;
}

/** occurredAt ≤ each later moment ≤ now; a moment before the accident or in the future is a typo. */
export function checkTimes(occurredAt: Date, later: Record<string, Date | null | undefined>, now: Date): void {
  const details: BilingualDetail[] = [];
  if (occurredAt.getTime() > now.getTime() + SKEW_MS)
    details.push({ field: 'occurredAt', zh: '事故时间不能晚于现在', en: 'The accident time is in the future' });
  for (const [field, at] of Object.entries(later)) {
    if (!at) continue;
    if (at.getTime() < occurredAt.getTime())
      details.push({ field, zh: '该时间不能早于事故发生时间', en: 'This time is before the accident' });
    else if (at.getTime() > now.getTime() + SKEW_MS) details.push({ field, zh: '该时间不能晚于现在', en: 'This time is in the future' });
  }
  if (details.length > 0) throw new AppError('VALIDATION', details);
}
