// The hidden-danger loop (隐患排查治理闭环) as one workflow definition: states, actions, who may act, and the
// evidence each step needs. Nothing else should decide a hazard's status: the hazards module's commands call
// `transition` and store what it returns.
//
// Rules encoded (安监总局令第16号 and the platform's acceptance policy):
// - a hidden danger closes only through acceptance (验收), except a general one fixed on the spot (立查立改);
// - the enterprise accepts the general hidden dangers it found itself (source = enterprise self-check);
// - the regulator accepts those it found (inspection, patrol, report, joint enforcement, other) and every major
//   one: a major hidden danger is never signed off by the enterprise that carries it;
// - overdue is derived from the deadline (isOverdue), never stored, so it cannot go stale.
import type { Bilingual, Role } from '@anjian/contracts';
import { finderOf, type HazardGrade, type HazardSource } from './classification';

export const hazardStates = ['reported', 'rectifying', 'awaiting_acceptance', 'closed'] as const;
export type HazardState = (typeof hazardStates)[number];

export const hazardStateLabels: Record<HazardState, Bilingual> = {
  reported: { zh: '已登记', en: 'Reported' },
  rectifying: { zh: '整改中', en: 'Being rectified' },
  awaiting_acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
  closed: { zh: '已销号', en: 'Closed' },
};

export type ActorKind = 'enterprise' | 'regulator';

export interface WorkflowActor {
  kind: ActorKind;
}

/** What the workflow needs to know about a hazard; record-level access (own enterprise, jurisdiction) is the scope predicate's job. */
export interface HazardSnapshot {
  state: HazardState;
  grade: HazardGrade;
  source: HazardSource;
}

export const evidenceFields = [
  'deadline',
  'responsiblePerson',
  'newDeadline',
  'extensionReason',
  'rectificationRecord',
  'treatmentPlan',
  'acceptanceOpinion',
  'rejectionReason',
  'onTheSpotRecord',
] as const;
export type EvidenceField = (typeof evidenceFields)[number];
export type Evidence = Partial<Record<EvidenceField, unknown>>;

export const evidenceFieldLabels: Record<EvidenceField, Bilingual> = {
  deadline: { zh: '整改期限', en: 'deadline' },
  responsiblePerson: { zh: '整改责任人', en: 'responsible person' },
  newDeadline: { zh: '延期后的期限', en: 'new deadline' },
  extensionReason: { zh: '延期理由', en: 'reason for the extension' },
  rectificationRecord: { zh: '整改情况及佐证材料', en: 'rectification record' },
  treatmentPlan: { zh: '重大事故隐患治理方案', en: 'treatment plan' },
  acceptanceOpinion: { zh: '验收意见', en: 'acceptance opinion' },
  rejectionReason: { zh: '不予通过的理由', en: 'reason for rejection' },
  onTheSpotRecord: { zh: '现场整改佐证（照片等）', en: 'on-the-spot fix record (photos etc.)' },
};

/**
 * Who may perform an action:
 * - 'acceptor': the one party that signs the hazard off (see acceptorOf), so whoever accepts also rejects,
 *   grants extensions and records 立查立改, and no one can close a hazard around the acceptor;
 * - 'finder_or_regulator': the regulator, or the enterprise for hazards it found itself (it sets its own
 *   deadline; a regulator's finding gets the regulator's 限期整改 deadline);
 * - 'enterprise': the enterprise only (it is the one that rectifies).
 */
export type Performer = 'acceptor' | 'finder_or_regulator' | 'enterprise';

export interface ActionDefinition {
  label: Bilingual;
  from: readonly HazardState[];
  to: HazardState;
  grades: readonly HazardGrade[];
  performer: Performer;
  evidence: readonly EvidenceField[];
  /**
   * Extra evidence for a major hidden danger: 令16号 requires a treatment plan for each one (its contents are
   * checked by missingPlanParts in classification.ts). The post-treatment assessment 令16号 asks for under
   * 挂牌督办 is left to the module, which knows whether a hazard is supervised.
   */
  majorEvidence: readonly EvidenceField[];
}

export const hazardActions = [
  'start_rectification',
  'extend_deadline',
  'submit_for_acceptance',
  'accept',
  'reject',
  'fix_on_the_spot',
] as const;
export type HazardAction = (typeof hazardActions)[number];

export const hazardWorkflow: Record<HazardAction, ActionDefinition> = {
  start_rectification: {
    label: { zh: '下达整改', en: 'Start rectification' },
    from: ['reported'],
    to: 'rectifying',
    grades: ['general', 'major'],
    performer: 'finder_or_regulator',
    evidence: ['deadline', 'responsiblePerson'],
    majorEvidence: [],
  },
  extend_deadline: {
    label: { zh: '延期整改', en: 'Extend the deadline' },
    from: ['rectifying'],
    to: 'rectifying',
    grades: ['general', 'major'],
    performer: 'acceptor',
    evidence: ['newDeadline', 'extensionReason'],
    majorEvidence: [],
  },
  submit_for_acceptance: {
    label: { zh: '提交验收', en: 'Submit for acceptance' },
    from: ['rectifying'],
    to: 'awaiting_acceptance',
    grades: ['general', 'major'],
    performer: 'enterprise',
    evidence: ['rectificationRecord'],
    majorEvidence: ['treatmentPlan'],
  },
  accept: {
    label: { zh: '验收通过', en: 'Accept' },
    from: ['awaiting_acceptance'],
    to: 'closed',
    grades: ['general', 'major'],
    performer: 'acceptor',
    evidence: ['acceptanceOpinion'],
    majorEvidence: [],
  },
  reject: {
    label: { zh: '验收不通过', en: 'Reject' },
    from: ['awaiting_acceptance'],
    to: 'rectifying',
    grades: ['general', 'major'],
    performer: 'acceptor',
    evidence: ['rejectionReason'],
    majorEvidence: [],
  },
  fix_on_the_spot: {
    label: { zh: '立查立改', en: 'Fixed on the spot' },
    from: ['reported'],
    to: 'closed',
    // 令16号 第三条: only a general hidden danger "发现后能够立即整改排除"; a major one needs a treatment period.
    grades: ['general'],
    performer: 'acceptor',
    evidence: ['onTheSpotRecord'],
    majorEvidence: [],
  },
};

/** The party that signs the hazard off. */
export function acceptorOf(hazard: Pick<HazardSnapshot, 'grade' | 'source'>): ActorKind {
  if (hazard.grade === 'major') return 'regulator';
  return finderOf(hazard.source) === 'enterprise' ? 'enterprise' : 'regulator';
}

export function allowedActors(hazard: Pick<HazardSnapshot, 'grade' | 'source'>, action: HazardAction): ActorKind[] {
  const performer = hazardWorkflow[action].performer;
  if (performer === 'enterprise') return ['enterprise'];
  if (performer === 'acceptor') return [acceptorOf(hazard)];
  return finderOf(hazard.source) === 'enterprise' ? ['enterprise', 'regulator'] : ['regulator'];
}

export function requiredEvidence(hazard: Pick<HazardSnapshot, 'grade'>, action: HazardAction): EvidenceField[] {
  const def = hazardWorkflow[action];
  return hazard.grade === 'major' ? [...def.evidence, ...def.majorEvidence] : [...def.evidence];
}

export type RefusalCode = 'invalid_transition' | 'grade_not_allowed' | 'major_needs_regulator' | 'actor_not_allowed' | 'missing_evidence';

export interface Refusal {
  code: RefusalCode;
  message: Bilingual;
  /** For missing_evidence: the fields to fill in. */
  missing?: EvidenceField[];
}

export type TransitionResult = { ok: true; state: HazardState } | { ok: false; refusal: Refusal };

function refuse(code: RefusalCode, zh: string, en: string, missing?: EvidenceField[]): TransitionResult & { ok: false } {
  return { ok: false, refusal: { code, message: { zh, en }, ...(missing ? { missing } : {}) } };
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Checks state, grade, actor and evidence, in that order, and returns the new state or why not. Pure. */
export function transition(hazard: HazardSnapshot, action: HazardAction, actor: WorkflowActor, evidence: Evidence): TransitionResult {
  const refused = ruleRefusal(hazard, action, actor);
  if (refused) return refused;
  const missing = requiredEvidence(hazard, action).filter((field) => !isPresent(evidence[field]));
  if (missing.length > 0) {
    const zh = missing.map((f) => evidenceFieldLabels[f].zh).join('、');
    const en = missing.map((f) => evidenceFieldLabels[f].en).join(', ');
    return refuse('missing_evidence', `缺少必需材料：${zh}`, `Missing required evidence: ${en}`, missing);
  }
  return { ok: true, state: hazardWorkflow[action].to };
}

/** State, grade and actor — everything but the evidence — or null when the action is allowed. Pure. */
export function ruleRefusal(hazard: HazardSnapshot, action: HazardAction, actor: WorkflowActor): (TransitionResult & { ok: false }) | null {
  const def = hazardWorkflow[action];
  const stateLabel = hazardStateLabels[hazard.state];
  if (!def.from.includes(hazard.state)) {
    return refuse(
      'invalid_transition',
      `隐患处于“${stateLabel.zh}”状态，不能执行“${def.label.zh}”`,
      `A hazard that is "${stateLabel.en}" cannot be given "${def.label.en}"`,
    );
  }
  if (!def.grades.includes(hazard.grade)) {
    return refuse(
      'grade_not_allowed',
      '重大事故隐患不能立查立改销号，须经治理和验收',
      'A major hidden danger cannot be closed as fixed on the spot: it needs treatment and acceptance',
    );
  }
  const actors = allowedActors(hazard, action);
  if (!actors.includes(actor.kind)) {
    if (hazard.grade === 'major' && actor.kind === 'enterprise') {
      return refuse(
        'major_needs_regulator',
        `重大事故隐患须由监管部门${def.label.zh}，企业不得自行办理`,
        `Only the regulator may ${def.label.en.toLowerCase()} for a major hidden danger`,
      );
    }
    return refuse(
      'actor_not_allowed',
      `“${def.label.zh}”须由${actors.map((a) => (a === 'enterprise' ? '企业' : '监管部门')).join('或')}办理`,
      `"${def.label.en}" must be done by the ${actors.join(' or ')}`,
    );
  }
  return null;
}

/** Actions the actor may take now, ignoring evidence: the "abilities" a presenter returns for buttons. */
export function availableActions(hazard: HazardSnapshot, actor: WorkflowActor): HazardAction[] {
  return hazardActions.filter((action) => {
    const def = hazardWorkflow[action];
    return def.from.includes(hazard.state) && def.grades.includes(hazard.grade) && allowedActors(hazard, action).includes(actor.kind);
  });
}

/**
 * Overdue = rectification still open (reported or rectifying) after its deadline day. The deadline day itself
 * is not overdue. Once submitted, the next move is the acceptor's, so awaiting acceptance is not overdue.
 * `today` is a China date (cstDate() from platform/time).
 */
export function isOverdue(hazard: { state: HazardState; deadline: string | null }, today: string): boolean {
  if (hazard.deadline === null) return false;
  return (hazard.state === 'reported' || hazard.state === 'rectifying') && today > hazard.deadline;
}

/** The workflow side of a platform role; permissions (hazard.accept …) and scope still apply on top. */
export function actorKindOfRole(role: Role): ActorKind | null {
  switch (role) {
    case 'enterprise_principal':
    case 'enterprise_safety_manager':
      return 'enterprise';
    case 'district_leader':
    case 'district_officer':
    case 'street_officer':
    case 'grid_inspector':
    case 'industry_officer':
    case 'park_officer':
      return 'regulator';
    case 'sys_admin':
    case 'audit_admin':
    case 'public':
      return null;
  }
}
