// The enterprise's 所属区域 as one line. The API names the area itself and, beside it, the street (镇街) its code falls in
// (the first 9 digits); for an enterprise registered at a street or above, both name the same area.
import type { Enterprise } from '@anjian/contracts';

const STREET_CODE_LENGTH = 9;

/** "street / community (code)" below a street; an area at street level or above is named once; no name, the code. */
export function areaText(e: Pick<Enterprise, 'areaCode' | 'areaName' | 'streetName'>): string {
  const names = e.areaCode.length > STREET_CODE_LENGTH ? [e.streetName, e.areaName] : [e.areaName ?? e.streetName];
  const named = names.filter(Boolean).join(' / ');
  return named ? `${named} (${e.areaCode})` : e.areaCode;
}
