// Row → response for rules, versions and warnings, with `abilities` from the machines (and, for a rule, whether the
// caller may write a new version of it).
import { can, type RuleVersionView, type WarningRuleView, type WarningView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { inScope } from '../../platform/scope';
import { ruleLabels, versionsOf, type RuleRow } from './warnings.queries';
import { conditionOf } from './warnings.rules';
import { ruleVersionAbilities, warningAbilities, type RuleVersionRow, type WarningRow } from './warnings.workflow';

export function presentVersion(actor: Actor, v: RuleVersionRow): RuleVersionView {
  return {
    id: v.id,
    ruleId: v.ruleId,
    seq: v.seq,
    status: v.status as RuleVersionView['status'],
    condition: conditionOf(v.conditionKind, v.params),
    level: v.level as RuleVersionView['level'],
    recipients: v.recipients as RuleVersionView['recipients'],
    action: v.action,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    activatedAt: v.activatedAt?.toISOString() ?? null,
    retiredAt: v.retiredAt?.toISOString() ?? null,
    version: v.version,
    abilities: inScope(actor, v) ? ruleVersionAbilities(actor, v) : [],
  };
}

export async function presentRules(db: DbOrTx, actor: Actor, rows: RuleRow[]): Promise<WarningRuleView[]> {
  const versions = await versionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const own = versions.filter((v) => v.ruleId === r.id);
    return {
      id: r.id,
      name: r.name,
      areaCode: r.areaCode,
      activeVersionId: own.find((v) => v.status === 'active')?.id ?? null,
      versions: own.map((v) => presentVersion(actor, v)),
      version: r.version,
      abilities: can(actor.role, 'warningRule.manage') && inScope(actor, r) ? ['newVersion'] : [],
    };
  });
}

export async function presentWarnings(db: DbOrTx, actor: Actor, rows: WarningRow[]): Promise<WarningView[]> {
  const labels = await ruleLabels(
    db,
    rows.map((r) => r.ruleVersionId),
  );
  return rows.map((w) => ({
    id: w.id,
    ruleId: w.ruleId,
    ruleName: labels.get(w.ruleVersionId)?.name ?? '',
    ruleVersionSeq: labels.get(w.ruleVersionId)?.seq ?? 0,
    level: w.level as WarningView['level'],
    period: w.period,
    subjectType: w.subjectType,
    subjectId: w.subjectId,
    subjectLabel: w.subjectLabel,
    enterpriseId: w.enterpriseId,
    areaCode: w.areaCode,
    evidence: w.evidence,
    action: w.action,
    status: w.status as WarningView['status'],
    firedOn: w.firedOn,
    handledNote: w.handledNote,
    closedNote: w.closedNote,
    escalatedOn: w.escalatedOn,
    version: w.version,
    abilities: inScope(actor, w) ? warningAbilities(actor, w) : [],
  }));
}

export const auditRuleVersion = (v: RuleVersionRow) => ({
  ruleId: v.ruleId,
  seq: v.seq,
  status: v.status,
  conditionKind: v.conditionKind,
  params: v.params,
  level: v.level,
  recipients: v.recipients,
  action: v.action,
  version: v.version,
});
export const auditWarning = (w: WarningRow) => ({
  ruleId: w.ruleId,
  subjectType: w.subjectType,
  subjectId: w.subjectId,
  period: w.period,
  status: w.status,
  handledNote: w.handledNote,
  closedNote: w.closedNote,
  version: w.version,
});
