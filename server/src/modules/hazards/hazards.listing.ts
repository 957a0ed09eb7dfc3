// SQL writes on hazard_listings (挂牌督办). Which step is allowed is decided by the listing commands.
import { eq } from 'drizzle-orm';
import { hazardListings } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';

export type ListingPatch = Partial<Omit<typeof hazardListings.$inferInsert, 'hazardId'>>;

export async function insertListing(tx: DbOrTx, values: typeof hazardListings.$inferInsert): Promise<void> {
  await tx.insert(hazardListings).values(values);
}

export async function updateListing(tx: DbOrTx, hazardId: string, patch: ListingPatch): Promise<void> {
  await tx.update(hazardListings).set(patch).where(eq(hazardListings.hazardId, hazardId));
}
