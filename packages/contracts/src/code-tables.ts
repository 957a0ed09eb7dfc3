// Labels of code tables that have no rule module of their own on the server (enforcement statuses and evidence, the
// 挂牌督办 steps, the hidden-danger report's fields). The web never reads these directly: GET /api/code-tables serves
// them with every other table (server/src/modules/code-tables), so each label is written once.
import type { Bilingual } from './errors';
import type { CaseStatus } from './schemas/enforcement';

export const caseStatusLabels: Record<CaseStatus, Bilingual> = {
  filed: { zh: '已立案', en: 'Filed' },
  investigating: { zh: '调查取证', en: 'Investigating' },
  notified: { zh: '已告知', en: 'Notified' },
  hearing_requested: { zh: '已申请听证', en: 'Hearing requested' },
  hearing_scheduled: { zh: '已通知听证', en: 'Hearing notified' },
  heard: { zh: '已听证', en: 'Heard' },
  legal_review: { zh: '法制审核中', en: 'In legal review' },
  reviewed: { zh: '法制审核通过', en: 'Legal review approved' },
  decided: { zh: '已作出处罚决定', en: 'Decided' },
  served: { zh: '已送达', en: 'Served' },
  paid: { zh: '已缴纳罚款', en: 'Paid' },
  enforced: { zh: '已申请强制执行', en: 'Enforcement applied for' },
  closed: { zh: '已结案', en: 'Closed' },
};

/** Timeline entries of a case that are not steps of the procedure table. */
export const caseEventLabels: Record<'file' | 'decide_on_the_spot', Bilingual> = {
  file: { zh: '立案', en: 'File' },
  decide_on_the_spot: { zh: '当场处罚', en: 'On-the-spot decision' },
};

export const inspectionKindLabels: Record<'planned' | 'drawn' | 'complaint' | 'joint', Bilingual> = {
  planned: { zh: '计划检查', en: 'Planned' },
  drawn: { zh: '双随机', en: 'Random draw' },
  complaint: { zh: '投诉举报', en: 'Complaint' },
  joint: { zh: '联合执法', en: 'Joint' },
};

/** The five pieces of evidence of a closed-loop case (cases.queries.ts computes them). */
export const caseEvidenceLabels: Record<string, Bilingual> = {
  problemList: { zh: '问题清单', en: 'Problem list' },
  penaltyOrder: { zh: '处罚指令', en: 'Penalty order' },
  responsibleSignature: { zh: '责任人签字', en: 'Responsible signature' },
  rectificationResult: { zh: '整改结果', en: 'Rectification result' },
  reinspection: { zh: '复查验收', en: 'Re-inspection' },
};

export const hazardListingStatusLabels: Record<string, Bilingual> = {
  listed: { zh: '督办中', en: 'Under supervision' },
  review_applied: { zh: '已申请复查', en: 'Review applied for' },
  reviewed: { zh: '已复查', en: 'Reviewed' },
  delisted: { zh: '已解除督办', en: 'De-listed' },
};

export const hazardListingStepLabels: Record<string, Bilingual> = {
  list: { zh: '挂牌督办', en: 'List for supervision' },
  report_progress: { zh: '报告治理进展', en: 'Report progress' },
  delist: { zh: '解除督办（销号）', en: 'De-list' },
  regrade: { zh: '调整隐患等级', en: 'Re-grade' },
  report: { zh: '登记隐患', en: 'Reported' },
};

export const deadlineUnitLabels: Record<'calendar' | 'workday', Bilingual> = {
  calendar: { zh: '自然日', en: 'calendar days' },
  workday: { zh: '工作日', en: 'working days' },
};

/** Fields a hidden danger's timeline entry may carry besides the workflow evidence (report, regrade, deadline). */
export const hazardEventFieldLabels: Record<string, Bilingual> = {
  grade: { zh: '隐患等级', en: 'Grade' },
  source: { zh: '来源', en: 'Source' },
  category: { zh: '类别', en: 'Category' },
  deadlineDays: { zh: '整改期限天数', en: 'Days to rectify' },
  deadlineUnit: { zh: '期限计算方式', en: 'Counted in' },
  measures: { zh: '整改措施', en: 'Measures' },
  funds: { zh: '整改资金', en: 'Funds' },
  fromGrade: { zh: '原等级', en: 'From grade' },
  toGrade: { zh: '调整为', en: 'To grade' },
  reason: { zh: '理由', en: 'Reason' },
  documentNumber: { zh: '督办文号', en: 'Document number' },
  requiredCompletionDate: { zh: '要求完成日期', en: 'Complete by' },
  stopProduction: { zh: '停产治理', en: 'Production stopped' },
  progress: { zh: '治理进展', en: 'Progress' },
  opinion: { zh: '意见', en: 'Opinion' },
  previousDeadline: { zh: '原期限', en: 'Previous deadline' },
  majorItemId: { zh: '令10号判定条目', en: 'Major-hazard item' },
};

/**
 * Which code table gives the labels of a timeline field's value (the timeline shows `隐患等级：一般隐患`, never
 * `grade：general`).
 */
export const hazardEventValueTables: Record<string, string> = {
  grade: 'hazardGrade',
  fromGrade: 'hazardGrade',
  toGrade: 'hazardGrade',
  source: 'hazardSource',
  category: 'hazardCategory',
  deadlineUnit: 'deadlineUnit',
};
