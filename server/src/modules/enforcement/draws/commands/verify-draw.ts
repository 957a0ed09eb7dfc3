// Recomputes a recorded draw from its seed, filter and weight snapshot and compares it with the stored result.
// The pool is today's rows under the recorded filter; its checksum tells whether it is still the pool drawn from.
// The uniform numbers are made the way the draw recorded (md5 for the first draws, mix32 since).
import type { DbOrTx } from '../../../../platform/db';
import type { UniformMethod } from '../../../../reference/enforcement/draw';
import { drawPoolWeights, redrawFromSnapshot, type DrawRow, type StoredFilter } from '../draws.queries';

export async function verifyDraw(db: DbOrTx, draw: DrawRow) {
  const again = await redrawFromSnapshot(
    db,
    draw.filter as StoredFilter,
    await drawPoolWeights(db, draw.id),
    draw.seed,
    draw.k,
    draw.uniform as UniformMethod,
    draw.poolCount,
  );
  const recorded = (draw.result as { enterpriseId: string }[]).map((r) => r.enterpriseId);
  const recomputed = again.top.map((t) => t.id);
  return {
    matches: recorded.length === recomputed.length && recorded.every((id, i) => id === recomputed[i]),
    poolUnchanged: again.poolCount === draw.poolCount && again.poolChecksum === draw.poolChecksum,
    recomputed,
    recorded,
  };
}
