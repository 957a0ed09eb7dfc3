// Shapes of the enforcement API as the web app reads them (the server presenters are the source).
export interface DocumentRef {
  id: string;
  kind: 'site_record' | 'rectification_order' | 'reinspection_opinion' | 'penalty_notice' | 'hearing_notice' | 'penalty_decision';
  number: string;
  issuedOn: string;
}

export interface Finding {
  id: string;
  description: string;
  location: string | null;
  grade: 'general' | 'major';
  deadline: string | null;
  hazardId: string | null;
}

export interface Inspection {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  kind: 'planned' | 'drawn' | 'complaint' | 'joint';
  unannounced: boolean;
  principalDuty: boolean;
  departments: string[];
  inspectorNames: string[];
  plannedOn: string;
  state: 'planned' | 'done';
  inspectedOn: string | null;
  summary: string | null;
  rectificationDeadline: string | null;
  reinspectionDue: string | null;
  reinspectedOn: string | null;
  /** Past the re-inspection window after the deadline (10 days by default) and not yet re-inspected. */
  reinspectionOverdue: boolean;
  reinspectionResult: 'passed' | 'failed' | null;
  reinspectionOpinion: string | null;
  version: number;
  findings?: Finding[];
  documents?: DocumentRef[];
  /** The penalty case filed for a failed re-inspection (立案). */
  escalation?: { id: string; number: string; status: string } | null;
  abilities: string[];
}

export interface PenaltyCase {
  id: string;
  number: string;
  enterpriseId: string;
  inspectionId: string | null;
  origin: 'direct' | 'reinspection';
  hazardIds: string[];
  procedure: 'general' | 'simple';
  partyKind: 'organisation' | 'natural_person';
  partyName: string;
  violation: string;
  basisId: string;
  basisArticle: string | null;
  fine: number | null;
  status: string;
  filedOn: string;
  /** The 90-day limit + extensions + (when the deployment excludes it) the hearing's days; moves daily while paused. */
  decisionDue: string;
  decisionOverdue: boolean;
  decisionClock: {
    /** Days from today to the due date (negative: overdue); null once decided. */
    remainingDays: number | null;
    /** A hearing was requested and is not yet held: the clock stands still. */
    paused: boolean;
    /** Days of the hearing not counted in the limit. */
    hearingDays: number;
    hearingExcluded: boolean;
  };
  decidedOn: string | null;
  servedOn: string | null;
  paymentDue: string | null;
  surcharge: number;
  paidOn: string | null;
  firstCheckMustPenalise: boolean;
  doubleInvestigation: boolean;
  publish: boolean;
  changedOn: string | null;
  /** 3 working days after a change or revocation (行政处罚法 §48, §85); null also when the calendar lacks the year. */
  withdrawalDue: string | null;
  /** A year the official holiday calendar has no data for, when a working-day date of this case could not be counted. */
  calendarGapYear: number | null;
  hearing: {
    right: boolean;
    requestedOn: string | null;
    /** Today's notice + the notice period in working days (行政处罚法 §64, §85). */
    earliestOn: string | null;
    on: string | null;
    place: string | null;
    presiderId: string | null;
    presiderName: string | null;
    heldOn: string | null;
    record: string | null;
  };
  inspection?: {
    id: string;
    enterpriseName: string;
    inspectedOn: string | null;
    rectificationDeadline: string | null;
    reinspectedOn: string | null;
    reinspectionResult: 'passed' | 'failed' | null;
  } | null;
  hazards?: { id: string; number: string; description: string; state: string }[];
  missingEvidence?: string[];
  evidence?: Record<string, boolean>;
  documents?: DocumentRef[];
  events?: { at: string; actorName: string | null; action: string; from: string | null; to: string }[];
  version: number;
  abilities: string[];
}

export const kindLabels: Record<Inspection['kind'], { zh: string; en: string }> = {
  planned: { zh: '计划检查', en: 'Planned' },
  drawn: { zh: '双随机', en: 'Random draw' },
  complaint: { zh: '投诉举报', en: 'Complaint' },
  joint: { zh: '联合执法', en: 'Joint' },
};

export const documentLabels: Record<DocumentRef['kind'], { zh: string; en: string }> = {
  site_record: { zh: '现场检查记录', en: 'Site record' },
  rectification_order: { zh: '责令限期整改指令书', en: 'Rectification order' },
  reinspection_opinion: { zh: '整改复查意见书', en: 'Re-inspection opinion' },
  penalty_notice: { zh: '行政处罚告知书', en: 'Penalty notice' },
  hearing_notice: { zh: '听证通知书', en: 'Notice of hearing' },
  penalty_decision: { zh: '行政处罚决定书', en: 'Penalty decision' },
};

export const caseStatusLabels: Record<string, { zh: string; en: string }> = {
  filed: { zh: '已立案', en: 'Filed' },
  investigating: { zh: '调查取证', en: 'Investigating' },
  notified: { zh: '已告知', en: 'Notified' },
  hearing_requested: { zh: '已申请听证', en: 'Hearing requested' },
  hearing_scheduled: { zh: '已通知听证', en: 'Hearing notified' },
  heard: { zh: '已听证', en: 'Heard' },
  legal_review: { zh: '法制审核', en: 'Legal review' },
  reviewed: { zh: '审核通过', en: 'Reviewed' },
  decided: { zh: '已决定', en: 'Decided' },
  served: { zh: '已送达', en: 'Served' },
  paid: { zh: '已缴纳', en: 'Paid' },
  enforced: { zh: '强制执行', en: 'Enforcement' },
  closed: { zh: '已结案', en: 'Closed' },
};

export const caseActionLabels: Record<string, { zh: string; en: string }> = {
  investigate: { zh: '调查取证', en: 'Investigate' },
  notify: { zh: '告知', en: 'Notify rights' },
  request_hearing: { zh: '当事人要求听证', en: 'Hearing requested' },
  schedule_hearing: { zh: '听证通知', en: 'Notify the hearing' },
  hold_hearing: { zh: '举行听证', en: 'Hold the hearing' },
  submit_review: { zh: '提交法制审核', en: 'Submit for review' },
  approve_review: { zh: '审核通过', en: 'Approve review' },
  decide: { zh: '作出决定', en: 'Decide' },
  serve: { zh: '送达', en: 'Serve' },
  pay: { zh: '登记缴款', en: 'Record payment' },
  enforce: { zh: '申请强制执行', en: 'Apply for enforcement' },
  close: { zh: '结案', en: 'Close' },
  extend: { zh: '延长期限', en: 'Extend' },
  change_decision: { zh: '变更/撤销决定', en: 'Change/revoke' },
  file: { zh: '立案', en: 'File' },
  decide_on_the_spot: { zh: '当场处罚', en: 'On-the-spot decision' },
};

export const evidenceLabels: Record<string, { zh: string; en: string }> = {
  problemList: { zh: '问题清单', en: 'Problem list' },
  penaltyOrder: { zh: '处罚指令', en: 'Penalty order' },
  responsibleSignature: { zh: '责任人签字', en: 'Responsible signature' },
  rectificationResult: { zh: '整改结果', en: 'Rectification result' },
  reinspection: { zh: '复查验收', en: 'Re-inspection' },
};
