// Labels shared by the 警兆知识库 screens: levels (with their colours), recipient groups, statuses, parameters.
import type { Bilingual, WarningConditionKind, WarningEvidence, WarningLevel } from '@anjian/contracts';

export const levelColors: Record<WarningLevel, string> = { blue: 'blue', yellow: 'gold', orange: 'orange', red: 'red' };

export const recipientLabels: Record<string, Bilingual> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  street: { zh: '街道', en: 'Street' },
  district: { zh: '区局', en: 'District bureau' },
  leader: { zh: '区局领导', en: 'District leader' },
  department: { zh: '行业部门', en: 'Industry department' },
  park: { zh: '园区安监站', en: 'Park station' },
};

export const versionStatusLabels: Record<string, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  active: { zh: '启用中', en: 'Active' },
  retired: { zh: '已停用', en: 'Retired' },
};

export const warningStatusLabels: Record<string, Bilingual> = {
  open: { zh: '待签收', en: 'Open' },
  acknowledged: { zh: '已签收', en: 'Acknowledged' },
  handled: { zh: '已处置', en: 'Handled' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** The parameter fields of each condition kind, with their bounds (the server's catalogue refuses others). */
export const conditionParams: Record<
  WarningConditionKind,
  { name: string; label: Bilingual; min: number; max: number; initial: number }[]
> = {
  overdue_hazards: [{ name: 'minCount', label: { zh: '逾期隐患数（项）≥', en: 'Overdue hidden dangers ≥' }, min: 1, max: 100, initial: 3 }],
  no_self_check: [{ name: 'days', label: { zh: '未自查天数', en: 'Days without a self-check' }, min: 7, max: 365, initial: 30 }],
  major_hazard_overdue: [{ name: 'graceDays', label: { zh: '宽限天数', en: 'Grace days' }, min: 0, max: 90, initial: 0 }],
  repeated_reports: [
    { name: 'minCount', label: { zh: '举报次数≥', en: 'Reports ≥' }, min: 2, max: 50, initial: 3 },
    { name: 'days', label: { zh: '统计天数', en: 'Within days' }, min: 1, max: 365, initial: 30 },
  ],
  certificates_expiring: [
    { name: 'minCount', label: { zh: '即将到期人数≥', en: 'Holders falling due ≥' }, min: 1, max: 100, initial: 3 },
    { name: 'days', label: { zh: '到期天数内', en: 'Within days' }, min: 1, max: 365, initial: 60 },
  ],
  deaths_pace: [{ name: 'tolerancePct', label: { zh: '超出进度容差（%）', en: 'Tolerance above pace (%)' }, min: 0, max: 100, initial: 0 }],
};

/** A warning's evidence in the reader's language: English where it was kept (warnings raised since), else as raised. */
export function evidenceText(e: WarningEvidence, lang: 'zh' | 'en'): { summary: string; items: string[] } {
  const en = lang === 'en';
  return {
    summary: (en && e.summaryEn) || e.summary,
    items: e.items.map((i) => `${(en && i.labelEn) || i.label}${i.date ? ` ${i.date}` : ''}`),
  };
}
