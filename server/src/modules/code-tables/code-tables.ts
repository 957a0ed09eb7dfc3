// Every code table's labels in one object (`table → code → {zh, en}`), taken from where each label is written: the
// contracts' tables and the server's rule modules. The web app reads its labels only from here (GET /api/code-tables).
import {
  auditActionLabels,
  auditEntityLabels,
  caseEventLabels,
  caseEvidenceLabels,
  caseStatusLabels,
  causeCategoryLabels,
  checkFrequencyLabels,
  checkTaskStateLabels,
  deadlineUnitLabels,
  enterpriseScaleLabels,
  hazardEventFieldLabels,
  hazardListingStatusLabels,
  hazardListingStepLabels,
  hazardTagLabels,
  inspectionKindLabels,
  measureTypeLabels,
  operatingStatusLabels,
  premisesLabels,
  responsibleLevelLabels,
  riskEventStatusLabels,
  riskUnitKindLabels,
  roleLabels,
  sectorLabels,
  standardizationGradeLabels,
  threeSimultaneousLabels,
  unitTypeLabels,
  type Bilingual,
  type CodeTablesView,
} from '@anjian/contracts';
import { ACCIDENT_CATEGORY_LABELS, ACCIDENT_LEVEL_LABELS } from '../../reference/accidents/accident-level';
import { FOLLOW_UP_DUTY_LABELS } from '../../reference/accidents/investigation';
import { REPORTING_TIER_LABELS, TIMELINESS_LABELS } from '../../reference/accidents/reporting';
import { weightSignalLabels } from '../../reference/enforcement/draw';
import {
  hazardCategoryInfo,
  hazardGradeInfo,
  hazardSourceInfo,
  implementationLabels,
  treatmentPlanPartLabels,
} from '../../reference/hazards/classification';
import { evidenceFieldLabels, hazardStateLabels, hazardWorkflow } from '../../reference/hazards/workflow';
import { riskLevelInfo } from '../../reference/risk/levels';
import { caseWorkflow } from '../enforcement/cases/case.workflow';
import { documentTitles } from '../enforcement/documents/documents';

const labelsOf = <K extends string>(table: Record<K, { label: Bilingual }>): Record<K, Bilingual> =>
  Object.fromEntries(Object.entries<{ label: Bilingual }>(table).map(([k, v]) => [k, v.label])) as Record<K, Bilingual>;
const bilingualOf = <K extends string>(table: Record<K, Bilingual>): Record<K, Bilingual> =>
  Object.fromEntries(Object.entries<Bilingual>(table).map(([k, v]) => [k, { zh: v.zh, en: v.en }])) as Record<K, Bilingual>;
const asHeadings = (labels: Record<string, Bilingual>): Record<string, Bilingual> =>
  Object.fromEntries(Object.entries(labels).map(([k, l]) => [k, { zh: l.zh, en: l.en.charAt(0).toUpperCase() + l.en.slice(1) }]));

/** Built once: the tables are constants of this release. */
let built: CodeTablesView | null = null;

export function codeTables(): CodeTablesView {
  built ??= {
    role: roleLabels,
    sector: sectorLabels,
    hazardTag: hazardTagLabels,
    unitType: unitTypeLabels,
    enterpriseScale: enterpriseScaleLabels,
    operatingStatus: operatingStatusLabels,
    premises: premisesLabels,
    standardizationGrade: standardizationGradeLabels,
    threeSimultaneous: threeSimultaneousLabels,
    riskLevel: labelsOf(riskLevelInfo),
    riskUnitKind: riskUnitKindLabels,
    measureType: measureTypeLabels,
    responsibleLevel: responsibleLevelLabels,
    checkFrequency: checkFrequencyLabels,
    riskEventStatus: riskEventStatusLabels,
    checkTaskState: checkTaskStateLabels,
    hazardSource: labelsOf(hazardSourceInfo),
    hazardCategory: labelsOf(hazardCategoryInfo),
    hazardGrade: labelsOf(hazardGradeInfo),
    hazardState: hazardStateLabels,
    hazardAction: { ...labelsOf(hazardWorkflow), ...hazardListingStepLabels },
    // The evidence labels are written for sentences ("Missing required evidence: deadline"); as a timeline's field
    // names they start with a capital like the others.
    hazardEventField: { ...hazardEventFieldLabels, ...asHeadings(evidenceFieldLabels) },
    deadlineUnit: deadlineUnitLabels,
    treatmentPlanPart: treatmentPlanPartLabels,
    implementation: implementationLabels,
    hazardListingStatus: hazardListingStatusLabels,
    accidentCategory: ACCIDENT_CATEGORY_LABELS,
    accidentLevel: ACCIDENT_LEVEL_LABELS,
    reportingTier: REPORTING_TIER_LABELS,
    timeliness: TIMELINESS_LABELS,
    followUpDuty: FOLLOW_UP_DUTY_LABELS,
    accidentCause: causeCategoryLabels,
    inspectionKind: inspectionKindLabels,
    documentKind: bilingualOf(documentTitles),
    caseStatus: caseStatusLabels,
    caseAction: { ...labelsOf(caseWorkflow), ...caseEventLabels },
    caseEvidence: caseEvidenceLabels,
    drawWeightSignal: weightSignalLabels,
    auditAction: auditActionLabels,
    auditEntity: auditEntityLabels,
  };
  return built;
}
