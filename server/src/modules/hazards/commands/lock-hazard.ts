// The first move of every command on an existing hidden danger: load it through the caller's scope, locked for
// the rest of the transaction, and refuse it if someone changed it since the caller read it.
import type { Actor } from '../../../platform/actor';
import { loadForUpdate } from '../../../platform/load-for-update';
import type { DbOrTx } from '../../../platform/db';
import { presentHazardSummary } from '../hazards.presenter';
import { findHazard, type HazardRow } from '../hazards.queries';

export async function lockHazard(tx: DbOrTx, actor: Actor, id: string, version: number, today: string): Promise<HazardRow> {
  return loadForUpdate({ load: () => findHazard(tx, actor, id, true), version, present: (row) => presentHazardSummary(actor, row, today) });
}
