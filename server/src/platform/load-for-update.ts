// The first move of every command on an existing record: load it through the caller's scope (the module's find
// function applies platform/scope.ts and, with its lock flag, SELECT … FOR UPDATE), answer 404 when it is missing or
// out of scope, and 409 when someone changed it since the caller read it. The 409 carries `current` — the record as
// the caller would have read it — so the web app can show what changed and let the user retry on it.
import { AppError, notFound } from './errors';

export interface LoadForUpdate<Row extends { version: number }> {
  /** Loads the row through the scope predicate, locked for the rest of the transaction; null/undefined = 404. */
  load: () => Promise<Row | null | undefined>;
  /** The version the caller presented (the one it read). */
  version: number;
  /** The record as the caller's read route presents it, sent as `current` with the 409. */
  present: (row: Row) => unknown;
}

export async function loadForUpdate<Row extends { version: number }>(opts: LoadForUpdate<Row>): Promise<Row> {
  const row = await opts.load();
  if (!row) throw notFound();
  if (row.version !== opts.version) throw new AppError('CONFLICT', [], { current: await opts.present(row) });
  return row;
}
