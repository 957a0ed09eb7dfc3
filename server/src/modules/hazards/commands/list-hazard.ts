// 挂牌督办: the supervising organisation (the caller's) lists a major hidden danger with its document number and
// the date by which treatment must be complete.
import type { z } from 'zod';
import type { listHazardBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { fieldError } from '../../../platform/errors';
import { insertListing } from '../hazards.listing';
import { runListingStep } from './listing-step';

export function listHazard(db: DbOrTx, actor: Actor, ip: string | null, id: string, body: z.infer<typeof listHazardBody>) {
  return runListingStep(db, actor, ip, id, 'list', body, async (tx, _h, today) => {
    if (body.requiredCompletionDate < today) {
      throw fieldError('requiredCompletionDate', '要求完成日期不能早于今天', 'The required completion date cannot be in the past');
    }
    await insertListing(tx, {
      hazardId: id,
      supervisingOrgId: actor.orgId,
      supervisingOrgName: actor.orgName,
      documentNumber: body.documentNumber,
      listedOn: today,
      requiredCompletionDate: body.requiredCompletionDate,
      stopProduction: body.stopProduction,
    });
    return {
      supervisingOrgName: actor.orgName,
      documentNumber: body.documentNumber,
      requiredCompletionDate: body.requiredCompletionDate,
      stopProduction: body.stopProduction,
      note: body.note,
    };
  });
}
