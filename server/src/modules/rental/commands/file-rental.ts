// POST /api/rental/filings: the 备案 before letting premises to a business — tenant (its enterprise record linked when
// known), intended use, lease, and the landlord's commitment signed on screen (ticked, name, time) with the text as
// signed; submitted for the community's acceptance.
import type { CreateFilingBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { fieldError, notFound } from '../../../platform/errors';
import { cstDate } from '../../../platform/time';
import { filingsPending, findPremises } from '../rental.queries';
import { filingAudit, presentFiling } from '../rental.presenter';
import { defaultCommitmentText } from '../rental.rules';
import { writeFiling } from '../rental.workflow';
import { findEnterpriseInScope } from '../../enterprises/enterprises.queries';

export async function fileRental(db: Db, actor: Actor, ip: string | null, input: CreateFilingBody, commitmentText = defaultCommitmentText) {
  return db.transaction(async (tx) => {
    const premises = await findPremises(tx, actor, input.premisesId, { lock: true });
    if (!premises) throw notFound();
    // One filing awaiting the community at a time (the premises row is locked, so two at once cannot both pass).
    if ((await filingsPending(tx, [premises.id])).length > 0) {
      throw fieldError(
        'premisesId',
        '该出租屋已有待社区受理的备案，请等受理或退回后再办理',
        'This premises already has a filing awaiting the community: wait until it is accepted or returned',
      );
    }
    if (input.leaseEnd < input.leaseStart)
      throw fieldError('leaseEnd', '租赁结束日期不能早于开始日期', 'The lease cannot end before it starts');
    if (input.tenantEnterpriseId && !(await findEnterpriseInScope(tx, actor, input.tenantEnterpriseId))) {
      throw fieldError('tenantEnterpriseId', '企业不存在或不在您的辖区内', 'The enterprise does not exist or is outside your jurisdiction');
    }
    const row = await writeFiling(tx, actor, null, 'file', {
      create: {
        premisesId: premises.id,
        areaCode: premises.areaCode,
        tenantName: input.tenantName,
        tenantEnterpriseId: input.tenantEnterpriseId ?? null,
        intendedUse: input.intendedUse,
        leaseStart: input.leaseStart,
        leaseEnd: input.leaseEnd,
        commitmentText,
        commitmentSigned: input.commitment.signed,
        signerName: input.commitment.signerName,
        signedAt: new Date(input.commitment.signedAt),
        createdBy: actor.id,
      },
    });
    await recordAudit(
      tx,
      { actor, ip },
      { action: 'rental_filing.file', entityType: 'rental_filing', entityId: row.id, after: filingAudit(row) },
    );
    return presentFiling(actor, row, cstDate());
  });
}
