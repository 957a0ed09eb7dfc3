// Recording and correcting an 安责险 policy. An enterprise user records its own enterprise's policy; an officer one of
// an enterprise in scope (another enterprise, or one out of scope, is "not found"). The period must run forwards and a
// policy number is unique per enterprise (a second copy of the same policy is refused, not duplicated).
import { and, eq, ne } from 'drizzle-orm';
import type { PolicyBody, UpdatePolicyBody } from '@anjian/contracts';
import { insurancePolicies } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db, Tx } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { loadForUpdate } from '../../../platform/load-for-update';
import { appendEvent } from '../../../platform/outbox';
import { findEnterpriseInScope, findPolicy, type PolicyRow } from '../insurance.queries';
import { auditPolicy, presentPolicies } from '../insurance.presenter';

function checkPeriod(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw fieldError('endsOn', '保险止期不能早于起期', 'The policy cannot end before it starts');
}

async function checkNumberFree(tx: Tx, enterpriseId: string, policyNo: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: insurancePolicies.id })
    .from(insurancePolicies)
    .where(
      and(
        eq(insurancePolicies.enterpriseId, enterpriseId),
        eq(insurancePolicies.policyNo, policyNo),
        exceptId ? ne(insurancePolicies.id, exceptId) : undefined,
      ),
    );
  if (dup) throw fieldError('policyNo', '该企业已登记此保单号', 'This policy number is already recorded for the enterprise');
}

export async function createPolicy(db: Db, actor: Actor, ip: string | null, input: PolicyBody) {
  return db.transaction(async (tx) => {
    const enterpriseId = actor.enterpriseId ?? input.enterpriseId;
    if (!enterpriseId) throw fieldError('enterpriseId', '请选择企业', 'Choose the enterprise');
    if (actor.enterpriseId && input.enterpriseId && input.enterpriseId !== actor.enterpriseId) throw notFound();
    const e = await findEnterpriseInScope(tx, actor, enterpriseId);
    if (!e) throw notFound();
    checkPeriod(input.startsOn, input.endsOn);
    await checkNumberFree(tx, e.id, input.policyNo);
    const [row] = await tx
      .insert(insurancePolicies)
      .values({
        enterpriseId: e.id,
        areaCode: e.areaCode,
        sector: e.sector,
        parkId: e.parkId,
        insurer: input.insurer,
        policyNo: input.policyNo,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        insuredPersons: input.insuredPersons,
        premiumFen: input.premiumFen,
        rateFactor: input.rateFactor,
        createdBy: actor.id,
      })
      .returning();
    await appendEvent(tx, 'insurance.policy.record', 'insurance_policy', row!, actor, { endsOn: row!.endsOn });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'insurance.policy.create', entityType: 'insurance_policy', entityId: row!.id, after: auditPolicy(row!) },
    );
    return row!;
  });
}

export async function updatePolicy(db: Db, actor: Actor, ip: string | null, id: string, input: UpdatePolicyBody) {
  return db.transaction(async (tx) => {
    const before = await loadForUpdate({
      load: () => findPolicy(tx, actor, id, true),
      version: input.version,
      present: async (row: PolicyRow) => (await presentPolicies(tx, actor, [row]))[0]!,
    });
    const next = {
      insurer: input.insurer ?? before.insurer,
      policyNo: input.policyNo ?? before.policyNo,
      startsOn: input.startsOn ?? before.startsOn,
      endsOn: input.endsOn ?? before.endsOn,
      insuredPersons: input.insuredPersons ?? before.insuredPersons,
      premiumFen: input.premiumFen ?? before.premiumFen,
      rateFactor: input.rateFactor ?? before.rateFactor,
    };
    checkPeriod(next.startsOn, next.endsOn);
    if (next.policyNo !== before.policyNo) await checkNumberFree(tx, before.enterpriseId, next.policyNo, before.id);
    const [after] = await tx
      .update(insurancePolicies)
      .set({ ...next, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(insurancePolicies.id, id))
      .returning();
    await recordAudit(
      tx,
      { actor, ip },
      {
        action: 'insurance.policy.update',
        entityType: 'insurance_policy',
        entityId: id,
        before: auditPolicy(before),
        after: auditPolicy(after!),
      },
    );
    return after!;
  });
}
