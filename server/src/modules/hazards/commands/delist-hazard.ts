// 挂牌督办: de-listing (销号) once the hazard has passed acceptance — the review of 令16号 within 10 days of the
// enterprise's application is the acceptance step of the workflow.
import type { z } from 'zod';
import type { delistHazardBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { updateListing } from '../hazards.listing';
import { runListingStep } from './listing-step';

export function delistHazard(db: DbOrTx, actor: Actor, ip: string | null, id: string, body: z.infer<typeof delistHazardBody>) {
  return runListingStep(db, actor, ip, id, 'delist', body, async (tx, _h, today) => {
    await updateListing(tx, id, { delistedOn: today, delistDocumentNumber: body.documentNumber ?? null });
    return { opinion: body.opinion, documentNumber: body.documentNumber };
  });
}
