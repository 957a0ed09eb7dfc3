// Writing the 警兆知识库: a new rule (its first version, a draft), a new version of a rule (editing never changes a
// version: it drafts the next one), activating a draft (the rule's active version, if any, retired in the same
// transaction: one active version per rule, also held by a partial unique index) and retiring a version. Each
// audited in its transaction; statuses only through writeRuleVersion.
import type { CreateWarningRuleBody, NewRuleVersionBody, RuleVersionActBody } from '@anjian/contracts';
import { eq } from 'drizzle-orm';
import { warningRules } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { activeVersionOf, findRule, findRuleVersion, nextSeq } from '../warnings.queries';
import { auditRuleVersion, presentRules, presentVersion } from '../warnings.presenter';
import { writeRuleVersion } from '../warnings.workflow';

type Definition = Pick<CreateWarningRuleBody, 'condition' | 'level' | 'recipients' | 'action' | 'note'>;

const versionFields = (def: Definition) => ({
  conditionKind: def.condition.kind,
  params: def.condition.params as Record<string, number>,
  level: def.level,
  recipients: [...new Set(def.recipients)],
  action: def.action,
  note: def.note ?? null,
});

export async function createRule(db: Db, actor: Actor, ip: string | null, input: CreateWarningRuleBody) {
  return db.transaction((tx) => createRuleIn(tx, actor, ip, input));
}

export async function createRuleIn(tx: Tx, actor: Actor, ip: string | null, input: CreateWarningRuleBody) {
  if (!actor.areaCode) throw fieldError('name', '您的账号未归属辖区，不能建立预警规则', 'Your account has no area to own a rule');
  const [rule] = await tx.insert(warningRules).values({ name: input.name, areaCode: actor.areaCode, createdBy: actor.id }).returning();
  const v = await writeRuleVersion(tx, actor, null, 'draft', {
    ruleId: rule!.id,
    areaCode: rule!.areaCode,
    seq: 1,
    createdBy: actor.id,
    ...versionFields(input),
  });
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'warningRule.create', entityType: 'warning_rule', entityId: rule!.id, after: { name: rule!.name, ...auditRuleVersion(v) } },
  );
  return rule!;
}

export async function draftVersion(db: Db, actor: Actor, ip: string | null, ruleId: string, input: NewRuleVersionBody) {
  return db.transaction((tx) => draftVersionIn(tx, actor, ip, ruleId, input));
}

export async function draftVersionIn(tx: Tx, actor: Actor, ip: string | null, ruleId: string, input: NewRuleVersionBody) {
  const rule = await loadForUpdate({
    load: () => findRule(tx, actor, ruleId, true),
    version: input.version,
    present: async (row) => (await presentRules(tx, actor, [row]))[0],
  });
  const v = await writeRuleVersion(tx, actor, null, 'draft', {
    ruleId: rule.id,
    areaCode: rule.areaCode,
    seq: await nextSeq(tx, rule.id),
    createdBy: actor.id,
    ...versionFields(input),
  });
  const [after] = await tx
    .update(warningRules)
    .set({ version: rule.version + 1, updatedAt: new Date() })
    .where(eq(warningRules.id, rule.id))
    .returning();
  await recordAudit(
    tx,
    { actor, ip },
    { action: 'warningRule.draft', entityType: 'warning_rule_version', entityId: v.id, after: auditRuleVersion(v) },
  );
  return after!;
}

export async function actOnVersion(db: Db, actor: Actor, ip: string | null, id: string, input: RuleVersionActBody) {
  return db.transaction((tx) => actOnVersionIn(tx, actor, ip, id, input));
}

export async function actOnVersionIn(tx: Tx, actor: Actor, ip: string | null, id: string, input: RuleVersionActBody) {
  const before = await loadForUpdate({
    load: () => findRuleVersion(tx, actor, id, true),
    version: input.version,
    present: (row) => presentVersion(actor, row),
  });
  if (input.action === 'activate') {
    // The rule row first: two drafts activated at once queue here instead of meeting at the unique index.
    await findRule(tx, actor, before.ruleId, true);
    const current = await activeVersionOf(tx, before.ruleId, true);
    if (current) {
      const retired = await writeRuleVersion(tx, actor, current, 'retire');
      await recordAudit(
        tx,
        { actor, ip },
        {
          action: 'warningRule.retire',
          entityType: 'warning_rule_version',
          entityId: current.id,
          before: auditRuleVersion(current),
          after: auditRuleVersion(retired),
        },
      );
    }
  }
  const after = await writeRuleVersion(tx, actor, before, input.action);
  await recordAudit(
    tx,
    { actor, ip },
    {
      action: `warningRule.${input.action}`,
      entityType: 'warning_rule_version',
      entityId: id,
      before: auditRuleVersion(before),
      after: auditRuleVersion(after),
    },
  );
  return after;
}
