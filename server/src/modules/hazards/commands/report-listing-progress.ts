// 挂牌督办: the enterprise's periodic report on how the treatment of a listed major hidden danger is going.
import type { z } from 'zod';
import type { listingProgressBody } from '@anjian/contracts';
import type { Actor } from '../../../platform/actor';
import type { DbOrTx } from '../../../platform/db';
import { runListingStep } from './listing-step';

export function reportListingProgress(db: DbOrTx, actor: Actor, ip: string | null, id: string, body: z.infer<typeof listingProgressBody>) {
  return runListingStep(db, actor, ip, id, 'report_progress', body, async () => ({ progress: body.progress }));
}
