// Hidden-danger (事故隐患) code tables: where a hidden danger was found, what kind it is, its grade, and the
// checklists a major one's treatment must satisfy.
// Sources: 安全生产事故隐患排查治理暂行规定 (安监总局令第16号, effective 2008-02-01) 第三条 and its treatment-plan
// obligation (docs/rules.md §3.1); other origins are named at each table.
import type { Bilingual } from '@anjian/contracts';

// ---- Source (隐患来源) -------------------------------------------------------------------------------------

export const hazardSources = [
  'enterprise_self_check',
  'government_inspection',
  'grid_patrol',
  'public_report',
  'joint_enforcement',
  'other',
] as const;
export type HazardSource = (typeof hazardSources)[number];

export type Finder = 'enterprise' | 'regulator';

export interface HazardSourceInfo {
  label: Bilingual;
  /**
   * Which side found it. Only the enterprise's own self-check counts as enterprise-found: a public report is
   * verified by the regulator, and "other" is treated as regulator-found so that an unknown origin never lets an
   * enterprise sign off its own hidden danger.
   */
  finder: Finder;
}

export const hazardSourceInfo: Record<HazardSource, HazardSourceInfo> = {
  enterprise_self_check: { label: { zh: '企业自查', en: 'Enterprise self-check' }, finder: 'enterprise' },
  government_inspection: { label: { zh: '监管执法检查', en: 'Government inspection' }, finder: 'regulator' },
  grid_patrol: { label: { zh: '网格巡查', en: 'Grid patrol' }, finder: 'regulator' },
  public_report: { label: { zh: '群众举报', en: 'Public report' }, finder: 'regulator' },
  joint_enforcement: { label: { zh: '联合执法', en: 'Joint enforcement' }, finder: 'regulator' },
  other: { label: { zh: '其他', en: 'Other' }, finder: 'regulator' },
};

export function finderOf(source: HazardSource): Finder {
  return hazardSourceInfo[source].finder;
}

// ---- Category (隐患类别) -----------------------------------------------------------------------------------

export const hazardCategories = ['unsafe_act', 'unsafe_condition', 'management_defect', 'environment'] as const;
export type HazardCategory = (typeof hazardCategories)[number];

export interface HazardCategoryInfo {
  label: Bilingual;
  source: string;
}

export const hazardCategoryInfo: Record<HazardCategory, HazardCategoryInfo> = {
  unsafe_act: { label: { zh: '人的不安全行为', en: 'Unsafe act' }, source: '令16号 第三条' },
  unsafe_condition: { label: { zh: '物的危险状态', en: 'Unsafe condition' }, source: '令16号 第三条' },
  management_defect: { label: { zh: '管理上的缺陷', en: 'Management defect' }, source: '令16号 第三条' },
  // Not in 令16号, which names three kinds; added because check forms commonly use the four-factor
  // 人/物/环境/管理 split (GB/T 13861 family). Not in docs/rules.md: confidence L.
  environment: { label: { zh: '环境因素', en: 'Environmental factor' }, source: 'GB/T 13861 four-factor split (L)' },
};

// ---- Grade (隐患等级) ----------------------------------------------------------------------------------------

export const hazardGrades = ['general', 'major'] as const;
export type HazardGrade = (typeof hazardGrades)[number];

export interface HazardGradeInfo {
  label: Bilingual;
  /** 令16号 第三条; zh verbatim as quoted in docs/rules.md §3.1 (H), en a translation. */
  definition: Bilingual;
}

export const hazardGradeInfo: Record<HazardGrade, HazardGradeInfo> = {
  general: {
    label: { zh: '一般事故隐患', en: 'General hidden danger' },
    definition: {
      zh: '危害和整改难度较小，发现后能够立即整改排除的隐患。',
      en: 'A hidden danger of limited harm and difficulty that can be rectified and removed as soon as it is found.',
    },
  },
  major: {
    label: { zh: '重大事故隐患', en: 'Major hidden danger' },
    definition: {
      zh: '危害和整改难度较大，应当全部或者局部停产停业，并经过一定时间整改治理方能排除的隐患，或者因外部因素影响致使生产经营单位自身难以排除的隐患。',
      en: 'A hidden danger of considerable harm and difficulty that requires a full or partial halt of production or business and can be removed only after a period of rectification, or that external factors make hard for the business to remove by itself.',
    },
  },
};

/**
 * 事故隐患 itself (令16号 第三条). docs/rules.md §3.1 gives an English paraphrase only, so the text here is a
 * paraphrase, flagged so that no screen presents it as the official wording.
 */
export const hiddenDangerDefinition: { text: Bilingual; verbatim: false } = {
  text: {
    zh: '生产经营单位违反安全生产法律、法规、规章、标准、规程和安全生产管理制度的规定，或者因其他因素在生产经营活动中存在的可能导致事故发生的物的危险状态、人的不安全行为和管理上的缺陷。',
    en: 'A breach of safety laws, regulations, rules, standards, procedures or management systems, or (due to other factors) an unsafe physical state, unsafe act or management defect in production that may cause an accident.',
  },
  verbatim: false,
};

// ---- Major hidden danger treatment plan (重大事故隐患治理方案) ----------------------------------------------
// 令16号 requires the enterprise to draw up and carry out a treatment plan for each major hidden danger covering
// the six items below (docs/rules.md §3.1, M).

export const treatmentPlanParts = [
  'goals_and_tasks',
  'methods_and_measures',
  'funds_and_materials',
  'organisation_and_personnel',
  'time_limit_and_requirements',
  'safety_measures_and_emergency_plan',
] as const;
export type TreatmentPlanPart = (typeof treatmentPlanParts)[number];

export const treatmentPlanPartLabels: Record<TreatmentPlanPart, Bilingual> = {
  goals_and_tasks: { zh: '治理的目标和任务', en: 'Goals and tasks of the treatment' },
  methods_and_measures: { zh: '方法和措施', en: 'Methods and measures' },
  funds_and_materials: { zh: '经费和物资', en: 'Funds and materials' },
  organisation_and_personnel: { zh: '机构和人员', en: 'Responsible organisation and personnel' },
  time_limit_and_requirements: { zh: '时限和要求', en: 'Time limit and requirements' },
  safety_measures_and_emergency_plan: { zh: '安全措施和应急预案', en: 'Safety measures and emergency plan' },
};

export type TreatmentPlan = Partial<Record<TreatmentPlanPart, string | null>>;

/** The plan parts still empty, in the order 令16号 lists them; [] when the plan is complete. */
export function missingPlanParts(plan: TreatmentPlan): TreatmentPlanPart[] {
  return treatmentPlanParts.filter((part) => isBlank(plan[part]));
}

// ---- "Five implementations" (五落实) ------------------------------------------------------------------------
// The usual checklist for rectifying a major hidden danger: 措施、资金、时限、责任人、应急预案 all settled.
// Common regulatory practice, not a 令16号 article and not in docs/rules.md: confidence L.

export const fiveImplementations = ['measures', 'funds', 'time_limit', 'responsible_person', 'emergency_plan'] as const;
export type Implementation = (typeof fiveImplementations)[number];

export const implementationLabels: Record<Implementation, Bilingual> = {
  measures: { zh: '措施', en: 'Measures' },
  funds: { zh: '资金', en: 'Funds' },
  time_limit: { zh: '时限', en: 'Time limit' },
  responsible_person: { zh: '责任人', en: 'Responsible person' },
  emergency_plan: { zh: '应急预案', en: 'Emergency plan' },
};

/** A funds amount of 0 counts as settled (a measure may need no money); only absent or blank is missing. */
export type ImplementationRecord = Partial<Record<Implementation, string | number | null>>;

export function missingImplementations(record: ImplementationRecord): Implementation[] {
  return fiveImplementations.filter((key) => isBlank(record[key]));
}

function isBlank(value: string | number | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return !Number.isFinite(value);
  return value.trim() === '';
}
