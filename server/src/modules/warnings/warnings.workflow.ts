// The two machines of the 警兆知识库 and their one writers.
// A rule version: draft (written, backtested) → active (evaluated; activating retires the rule's previous active
// version in the same transaction) → retired; a draft may also be retired unused. `writeRuleVersion` is the only
// writer of warning_rule_versions.status. A warning: fired open by the evaluation (no caller: the nightly job or an
// event) → acknowledged → handled (with a note) → closed (with a note). `writeWarning` is the only writer of
// warnings.status; each step appends its history row and its domain event ('warning.fire' … 'warning.close').
import { and, eq } from 'drizzle-orm';
import { ruleVersionStatuses, warningStatuses, type RuleVersionStatus, type WarningStatus } from '@anjian/contracts';
import { warningRuleVersions, warnings } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { abilities, check, decide, type StateMachine } from '../../platform/state-machine';
import { AppError } from '../../platform/errors';

export type RuleVersionRow = typeof warningRuleVersions.$inferSelect;
export type WarningRow = typeof warnings.$inferSelect;
export type RuleVersionAction = 'draft' | 'activate' | 'retire';
export type WarningAction = 'fire' | 'acknowledge' | 'handle' | 'close';

export const ruleVersionMachine: StateMachine<RuleVersionStatus, RuleVersionAction, Pick<RuleVersionRow, 'status'>> = {
  record: 'warning_rule_version',
  table: 'warning_rule_versions',
  column: 'status',
  states: ruleVersionStatuses,
  actions: {
    draft: { label: { zh: '新建版本', en: 'New version' }, from: [null], to: 'draft', permission: 'warningRule.manage' },
    activate: { label: { zh: '启用', en: 'Activate' }, from: ['draft'], to: 'active', permission: 'warningRule.manage' },
    retire: { label: { zh: '停用', en: 'Retire' }, from: ['draft', 'active'], to: 'retired', permission: 'warningRule.manage' },
  },
  stateOf: (r) => (r ? (r.status as RuleVersionStatus) : null),
};

export const ruleVersionAbilities = (actor: Actor, row: RuleVersionRow) =>
  abilities(ruleVersionMachine, row, actor).filter((a) => a !== 'draft');

export async function writeRuleVersion(
  tx: DbOrTx,
  actor: Actor,
  before: RuleVersionRow | null,
  action: RuleVersionAction,
  create?: Omit<typeof warningRuleVersions.$inferInsert, 'status' | 'id' | 'version'>,
): Promise<RuleVersionRow> {
  const { from, to } = decide(ruleVersionMachine, before, actor, action, {});
  const now = new Date();
  const [row] = before
    ? await tx
        .update(warningRuleVersions)
        .set({
          status: to!,
          updatedAt: now,
          version: before.version + 1,
          ...(action === 'activate' ? { activatedAt: now } : { retiredAt: now }),
        })
        .where(eq(warningRuleVersions.id, before.id))
        .returning()
    : await tx
        .insert(warningRuleVersions)
        .values({ ...create!, status: to! })
        .returning();
  await appendTransition(tx, ruleVersionMachine, actor, { recordId: row!.id, action, from, to: to! });
  await appendEvent(tx, `warning_rule_version.${action}`, 'warning_rule_version', row!, actor, {
    from,
    to,
    ruleId: row!.ruleId,
    seq: row!.seq,
  });
  return row!;
}

export const warningMachine: StateMachine<WarningStatus, WarningAction, Pick<WarningRow, 'status'>> = {
  record: 'warning',
  table: 'warnings',
  column: 'status',
  states: warningStatuses,
  bulkInitial: 'open',
  actions: {
    fire: { label: { zh: '触发预警', en: 'Fire' }, from: [null], to: 'open', permission: 'warning.read' },
    acknowledge: { label: { zh: '签收', en: 'Acknowledge' }, from: ['open'], to: 'acknowledged', permission: 'warning.act' },
    handle: {
      label: { zh: '处置', en: 'Handle' },
      from: ['open', 'acknowledged'],
      to: 'handled',
      permission: 'warning.act',
      requires: ['note'],
    },
    close: { label: { zh: '关闭', en: 'Close' }, from: ['handled'], to: 'closed', permission: 'warning.act', requires: ['note'] },
  },
  stateOf: (r) => (r ? (r.status as WarningStatus) : null),
  fieldLabels: { note: { zh: '处置说明', en: 'Note' } },
  fieldPath: () => 'note',
};

export const warningAbilities = (actor: Actor, row: WarningRow) => abilities(warningMachine, row, actor).filter((a) => a !== 'fire');

/**
 * Fires (`before` null, no caller: the evaluation is the platform's own) or moves a warning. A fire that meets the
 * (rule, subject, period) unique index returns null: the warning exists, nothing is written.
 */
export async function writeWarning(
  tx: DbOrTx,
  actor: Actor | null,
  before: WarningRow | null,
  action: WarningAction,
  change: { create?: Omit<typeof warnings.$inferInsert, 'status' | 'id' | 'version'>; note?: string },
): Promise<WarningRow | null> {
  let from: WarningStatus | null;
  let to: WarningStatus | null;
  if (actor) ({ from, to } = decide(warningMachine, before, actor, action, { note: change.note }));
  else {
    // The platform fires; only the machine's creating step is allowed without a caller.
    const c = check(warningMachine, before, { role: 'district_officer' }, action, {});
    if (action !== 'fire' || !c.ok) throw new AppError('FORBIDDEN', []);
    ({ from, to } = c);
  }
  let row: WarningRow | undefined;
  if (before) {
    [row] = await tx
      .update(warnings)
      .set({
        status: to!,
        updatedAt: new Date(),
        version: before.version + 1,
        ...(action === 'handle' ? { handledNote: change.note } : action === 'close' ? { closedNote: change.note } : {}),
      })
      .where(and(eq(warnings.id, before.id)))
      .returning();
  } else {
    [row] = await tx
      .insert(warnings)
      .values({ ...change.create!, status: to! })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
  }
  await appendTransition(tx, warningMachine, actor, {
    recordId: row!.id,
    action,
    from,
    to: to!,
    evidence: change.note ? { note: change.note } : {},
  });
  await appendEvent(tx, `warning.${action}`, 'warning', row!, actor, {
    from,
    to,
    ruleId: row!.ruleId,
    level: row!.level,
    subjectLabel: row!.subjectLabel,
  });
  return row!;
}
