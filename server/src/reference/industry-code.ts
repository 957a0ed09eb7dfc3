// 国民经济行业分类 GB/T 4754-2017: 20 sections (门类 A–T) over 97 divisions (大类 01–97); a group (中类)
// adds a third digit and a class (小类) a fourth. Codes are written with the section letter first,
// as the statistics system does: C, C33, C331, C3311.
// Confidence M: the section ↔ division ranges are from the standard's table of contents as remembered
// (5+7+31+3+4+2+8+2+3+4+1+2+3+4+3+1+2+5+6+1 = 97 divisions); check against the official text.
import type { Bilingual } from '@anjian/contracts';

export interface IndustrySection {
  letter: string;
  name: Bilingual;
  /** First and last division (大类) numbers of the section. */
  divisions: [number, number];
}

export const INDUSTRY_SECTIONS: IndustrySection[] = [
  { letter: 'A', name: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' }, divisions: [1, 5] },
  { letter: 'B', name: { zh: '采矿业', en: 'Mining' }, divisions: [6, 12] },
  { letter: 'C', name: { zh: '制造业', en: 'Manufacturing' }, divisions: [13, 43] },
  { letter: 'D', name: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' }, divisions: [44, 46] },
  { letter: 'E', name: { zh: '建筑业', en: 'Construction' }, divisions: [47, 50] },
  { letter: 'F', name: { zh: '批发和零售业', en: 'Wholesale and retail' }, divisions: [51, 52] },
  { letter: 'G', name: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' }, divisions: [53, 60] },
  { letter: 'H', name: { zh: '住宿和餐饮业', en: 'Accommodation and catering' }, divisions: [61, 62] },
  {
    letter: 'I',
    name: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
    divisions: [63, 65],
  },
  { letter: 'J', name: { zh: '金融业', en: 'Finance' }, divisions: [66, 69] },
  { letter: 'K', name: { zh: '房地产业', en: 'Real estate' }, divisions: [70, 70] },
  { letter: 'L', name: { zh: '租赁和商务服务业', en: 'Leasing and business services' }, divisions: [71, 72] },
  { letter: 'M', name: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' }, divisions: [73, 75] },
  { letter: 'N', name: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' }, divisions: [76, 79] },
  { letter: 'O', name: { zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' }, divisions: [80, 82] },
  { letter: 'P', name: { zh: '教育', en: 'Education' }, divisions: [83, 83] },
  { letter: 'Q', name: { zh: '卫生和社会工作', en: 'Health and social work' }, divisions: [84, 85] },
  { letter: 'R', name: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' }, divisions: [86, 90] },
  {
    letter: 'S',
    name: { zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and organisations' },
    divisions: [91, 96],
  },
  { letter: 'T', name: { zh: '国际组织', en: 'International organisations' }, divisions: [97, 97] },
];

/**
 * True when a well-formed code (letter + 0, 2, 3 or 4 digits) has its division inside its section,
 * e.g. C33 (金属制品业 under 制造业) but not C51 (51 is 批发业, section F).
 */
export function industryCodeConsistent(code: string): boolean {
  const section = INDUSTRY_SECTIONS.find((s) => s.letter === code[0]);
  if (!section) return false;
  if (code.length === 1) return true;
  const division = Number(code.slice(1, 3));
  return division >= section.divisions[0] && division <= section.divisions[1];
}
