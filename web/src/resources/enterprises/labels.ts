// Option lists for the enterprise code tables, in the caller's language.
import {
  enterpriseScaleLabels,
  hazardTagLabels,
  operatingStatusLabels,
  premisesLabels,
  sectorLabels,
  standardizationGradeLabels,
  threeSimultaneousLabels,
  unitTypeLabels,
  type Bilingual,
} from '@anjian/contracts';

export function optionsOf<K extends string>(labels: Record<K, Bilingual>, label: (b: Bilingual) => string) {
  return (Object.keys(labels) as K[]).map((k) => ({ value: k, label: label(labels[k]) }));
}

export const codeTables = {
  sector: sectorLabels,
  hazardTags: hazardTagLabels,
  unitType: unitTypeLabels,
  scale: enterpriseScaleLabels,
  operatingStatus: operatingStatusLabels,
  premises: premisesLabels,
  standardizationGrade: standardizationGradeLabels,
  threeSimultaneous: threeSimultaneousLabels,
};
