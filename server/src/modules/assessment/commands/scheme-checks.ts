// Checks shared by creating and editing a scheme: the rules fit their sources, keys are unique, and every assessed
// unit is an organisation within the issuer's area. Bilingual field errors; nothing is written.
import type { IndicatorDef } from '@anjian/contracts';
import type { DbOrTx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { areaPrefixOf } from '../../../platform/scope';
import { misfit } from '../assessment.calc';
import { unitsOf } from '../assessment.queries';

export async function checkScheme(db: DbOrTx, areaCode: string, indicators: IndicatorDef[], unitOrgIds: string[]) {
  const bad = misfit(indicators);
  if (bad) throw fieldError(`indicators.${bad.index}.rule`, bad.zh, bad.en);
  const prefix = areaPrefixOf(areaCode);
  const inArea = new Set((await unitsOf(db, unitOrgIds)).filter((u) => u.areaCode.startsWith(prefix)).map((u) => u.id));
  const i = unitOrgIds.findIndex((id) => !inArea.has(id));
  if (i >= 0) throw fieldError(`unitOrgIds.${i}`, '被考核单位须为本辖区内的单位', 'Assessed units must be organisations within your area');
}
