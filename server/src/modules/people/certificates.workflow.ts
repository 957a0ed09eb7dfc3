// The certificate machine. A certificate's review and expiry statuses follow from its dates (people.rules.ts
// certificateStatus); what is decided by someone is stored: `standing`, held until revoked. Two actions lead to
// revoked: the district bureau's decision (POST /api/certificates/:id/revoke, certificate.revoke) and an outcome of a
// 抽查 that warrants it (spot-checks.rules.ts; spot_check.manage, so the street that checks on the spot revokes by the
// rule, seed 000 五(五)18 "对专业技能不合格的，取消其资格证书"). `revokeCertificateRow` is the one writer: it asks the machine,
// writes the row with version + 1, refreshes the enterprise's holding-rate summary, appends the transition and the
// event certificate.revoke (the notifications consumer tells the enterprise and its street) in the caller's transaction.
import { eq } from 'drizzle-orm';
import { certificateStandings, type CertificateStanding } from '@anjian/contracts';
import { certificates } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { appendEvent } from '../../platform/outbox';
import { appendTransition } from '../../platform/state-history';
import { decide, type StateMachine } from '../../platform/state-machine';
import { refreshSummary, type CertificateRow } from './people.queries';

type CertificateFacts = { standing: string };
export type RevokeAction = 'revoke' | 'revoke_on_spot_check';

export const certificateMachine: StateMachine<CertificateStanding, RevokeAction, CertificateFacts> = {
  record: 'certificate',
  table: 'certificates',
  column: 'standing',
  states: certificateStandings,
  bulkInitial: 'held',
  actions: {
    revoke: {
      label: { zh: '吊销', en: 'Revoke' },
      from: ['held'],
      to: 'revoked',
      permission: 'certificate.revoke',
      requires: ['revokedOn', 'reason'],
    },
    revoke_on_spot_check: {
      label: { zh: '抽查不合格吊销', en: 'Revoke after a spot check' },
      from: ['held'],
      to: 'revoked',
      permission: 'spot_check.manage',
      requires: ['revokedOn', 'reason'],
    },
  },
  stateOf: (c) => (c ? (c.standing as CertificateStanding) : null),
  refuseState: () => ({
    reason: 'invalid_transition',
    code: 'VALIDATION',
    details: [{ field: 'version', zh: '该证书已吊销', en: 'This certificate is already revoked' }],
  }),
};

export async function revokeCertificateRow(
  tx: DbOrTx,
  actor: Actor,
  before: CertificateRow,
  action: RevokeAction,
  change: { revokedOn: string; reason: string; spotCheckItemId?: string },
  today: string,
) {
  const { from, to } = decide(certificateMachine, before, actor, action, change);
  const [row] = await tx
    .update(certificates)
    .set({ standing: to!, revokedOn: change.revokedOn, revokeReason: change.reason, updatedAt: new Date(), version: before.version + 1 })
    .where(eq(certificates.id, before.id))
    .returning();
  await refreshSummary(tx, before.enterpriseId, today);
  await appendTransition(tx, certificateMachine, actor, {
    recordId: before.id,
    action,
    from,
    to,
    evidence: { reason: change.reason, revokedOn: change.revokedOn, spotCheckItemId: change.spotCheckItemId ?? null },
  });
  await appendEvent(tx, 'certificate.revoke', 'certificate', before, actor, {
    number: before.number,
    personId: before.personId,
    revokedOn: change.revokedOn,
    reason: change.reason,
    spotCheckItemId: change.spotCheckItemId ?? null,
  });
  return row!;
}
