// Regulatory sectors (监管行业) and special hazard tags (专项风险标签) used across capabilities.
import type { Bilingual } from './errors';

export const sectors = [
  'metallurgy',
  'nonferrous',
  'building_materials',
  'machinery',
  'light_industry',
  'textile',
  'tobacco',
  'commerce',
  'hazardous_chemicals',
  'non_coal_mining',
  'fireworks',
  'construction',
  'transport',
  'other',
] as const;
export type Sector = (typeof sectors)[number];

export const sectorLabels: Record<Sector, Bilingual> = {
  metallurgy: { zh: '冶金', en: 'Metallurgy' },
  nonferrous: { zh: '有色', en: 'Non-ferrous metals' },
  building_materials: { zh: '建材', en: 'Building materials' },
  machinery: { zh: '机械', en: 'Machinery' },
  light_industry: { zh: '轻工', en: 'Light industry' },
  textile: { zh: '纺织', en: 'Textiles' },
  tobacco: { zh: '烟草', en: 'Tobacco' },
  commerce: { zh: '商贸', en: 'Commerce and trade' },
  hazardous_chemicals: { zh: '危险化学品', en: 'Hazardous chemicals' },
  non_coal_mining: { zh: '非煤矿山', en: 'Non-coal mining' },
  fireworks: { zh: '烟花爆竹', en: 'Fireworks' },
  construction: { zh: '建筑施工', en: 'Construction' },
  transport: { zh: '交通运输', en: 'Transport' },
  other: { zh: '其他', en: 'Other' },
};

export const hazardTags = [
  'combustible_dust',
  'ammonia_refrigeration',
  'confined_space',
  'metallurgical_gas',
  'lithium_battery',
  'chemical_use',
  'special_equipment',
  'metal_smelting',
] as const;
export type HazardTag = (typeof hazardTags)[number];

export const hazardTagLabels: Record<HazardTag, Bilingual> = {
  combustible_dust: { zh: '粉尘涉爆', en: 'Combustible dust' },
  ammonia_refrigeration: { zh: '涉氨制冷', en: 'Ammonia refrigeration' },
  confined_space: { zh: '有限空间', en: 'Confined spaces' },
  metallurgical_gas: { zh: '冶金煤气/高温熔融金属', en: 'Metallurgical gas / molten metal' },
  lithium_battery: { zh: '锂电池', en: 'Lithium batteries' },
  chemical_use: { zh: '危化品使用', en: 'Hazardous-chemical use' },
  special_equipment: { zh: '特种设备', en: 'Special equipment' },
  metal_smelting: { zh: '金属冶炼', en: 'Metal smelting' },
};
